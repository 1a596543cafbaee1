import { existsSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { freePorts } from './tests/e2e/support/free-ports.ts';

/**
 * The browser suite runs every spec against the same site four ways: a plain static server
 * (like a bucket) and nginx with the generated redirect rules, each at the root base and at a
 * pull-request preview base. `npm test` builds `dist/` (base `/`) and `dist-pr/` (`/pr-123/`) first.
 *
 * The scale test site (`npm run scale:build`, in `.build/scale/`) is proven by `scale.spec.ts`
 * on both servers, in projects of its own: `SCALE_SITE=only` runs just those, `SCALE_SITE=off`
 * none; unset, they run when the scale site has been built.
 *
 * `SERVER_MODES=static` (or `nginx`) limits a run to one server mode. Servers listen on free
 * ports picked for the run, and stop with it even when it is killed (`DOCS_OWNER_PID`).
 *
 * Chromium: `CHROMIUM_PATH`, else Debian's `/usr/bin/chromium` when present, else Playwright's
 * own browser (`npx playwright install chromium` where downloads are possible).
 */
const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const previewBase = '/pr-123/';
/** `SERVER_MODES=static` runs only the static-server projects (and starts only their servers). */
const modes = (process.env.SERVER_MODES ?? 'static,nginx').split(',');
const scaleDist = '.build/scale/dist';
const scaleSite = process.env.SCALE_SITE ?? (existsSync(`${scaleDist}/_build.json`) ? 'on' : 'off');

const ports = freePorts(6);
// The servers watch the runner: set once, here, in the runner, and inherited by every server.
process.env.DOCS_OWNER_PID ??= String(process.pid);

const allServers = [
  {
    name: 'static-root',
    port: ports[0]!,
    distDir: 'dist',
    base: '/',
    command: 'node scripts/serve-static.ts',
  },
  {
    name: 'nginx-root',
    port: ports[1]!,
    distDir: 'dist',
    base: '/',
    command: 'npm run --silent serve:nginx',
  },
  {
    name: 'static-pr',
    port: ports[2]!,
    distDir: 'dist-pr',
    base: previewBase,
    command: 'node scripts/serve-static.ts',
  },
  {
    name: 'nginx-pr',
    port: ports[3]!,
    distDir: 'dist-pr',
    base: previewBase,
    command: 'npm run --silent serve:nginx',
  },
  {
    name: 'scale-static',
    port: ports[4]!,
    distDir: scaleDist,
    base: '/',
    command: 'node scripts/serve-static.ts',
  },
  {
    name: 'scale-nginx',
    port: ports[5]!,
    distDir: scaleDist,
    base: '/',
    command: 'npm run --silent serve:nginx',
  },
] as const;
const isScale = (name: string) => name.startsWith('scale-');
const servers = allServers
  .filter((server) => modes.some((mode) => server.name.replace(/^scale-/, '').startsWith(mode)))
  .filter((server) => (isScale(server.name) ? scaleSite !== 'off' : scaleSite !== 'only'));

const webServer: PlaywrightTestConfig['webServer'] = servers.map((server) => ({
  command: server.command,
  url: `http://127.0.0.1:${server.port}${server.base}`,
  env: { PORT: String(server.port), DIST_DIR: server.distDir, SITE_BASE: server.base },
  reuseExistingServer: false,
  stdout: 'ignore',
  stderr: 'pipe',
  timeout: 30_000,
}));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.PW_WORKERS ? Number(process.env.PW_WORKERS) : 2,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PW_JSON_REPORT ?? 'test-results/playwright.json' }],
  ],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      // The machine's network is closed: background services would only fail and slow startup.
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer,
  projects: servers.map((server) => ({
    name: server.name,
    // The scale site has its own spec; accessibility depends on the markup, not on the server
    // or base: scanned once.
    ...(isScale(server.name)
      ? { testMatch: '**/scale.spec.ts' }
      : {
          testIgnore:
            server.name === 'static-root'
              ? ['**/scale.spec.ts']
              : ['**/a11y.spec.ts', '**/scale.spec.ts'],
        }),
    // Page behaviour that no server can change is proven on the static server only (see smoke.spec.ts).
    grepInvert: server.name.startsWith('nginx') ? /@ui/ : undefined,
    metadata: {
      base: server.base,
      distDir: server.distDir,
      server: server.name.replace(/^scale-/, '').split('-')[0],
    },
    use: {
      baseURL: `http://127.0.0.1:${server.port}${server.base}`,
      browserName: 'chromium' as const,
    },
  })),
});
