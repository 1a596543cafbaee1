import { existsSync } from 'node:fs';
import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';
import { freePorts } from './tests/e2e/support/free-ports.ts';
import { chromiumPath } from './tests/e2e/support/chromium.ts';

/**
 * The browser suite runs every spec against the same site four ways: a plain static server
 * (like a bucket) and nginx with the generated redirect rules, each at the root base and at a
 * pull-request preview base. `npm test` builds `dist/` (base `/`) and `dist-pr/` (`/pr-123/`) first.
 * A fifth project, `s3-preview`, runs the redirect and link specs and `preview.spec.ts` against a
 * real preview (`dist-preview/`, pull request 7, built by `npm test` too) as a bucket serves it:
 * published with `npm run preview:publish` to a local S3 API, read through a website endpoint.
 *
 * The authoring manual, a site of its own (`npm run manual:build`, in `manual/dist/`), is proven by
 * `manual.spec.ts` in the `manual-static` project: accessibility and layout on the pages that
 * show every feature of the theme. `MANUAL_SITE=on` requires it (as `npm test` does), `off` leaves
 * it out; unset, the project runs when the manual has been built.
 *
 * The scale test site (`npm run scale:build`, in `.build/scale/`) is proven by `scale.spec.ts`
 * on both servers, in projects of its own: `SCALE_SITE=only` runs just those, `SCALE_SITE=off`
 * none; unset, they run when the scale site has been built.
 *
 * `SERVER_MODES=static` (or `nginx`, `s3`) limits a run to one server mode. Servers listen on free
 * ports picked for the run, and stop with it even when it is killed (`DOCS_OWNER_PID`).
 *
 * Chromium: `CHROMIUM_PATH`; else Debian's headless shell, `/usr/bin/chromium-headless-shell`
 * (the same build of Chromium without the desktop browser around it: what Playwright itself runs
 * for headless tests, and half the CPU time of the full browser for this suite on 2 cores); else
 * Debian's full `/usr/bin/chromium`; else Playwright's own browser (`npx playwright install
 * chromium` where downloads are possible).
 */
const chromium = chromiumPath();
const previewBase = '/pr-123/';
/** The published preview the `s3-preview` project reads, and the one published and removed beside it. */
const publishedPr = 7;
const removedPr = 70;
/** `SERVER_MODES=static` runs only the static-server projects (and starts only their servers). */
const modes = (process.env.SERVER_MODES ?? 'static,nginx,s3').split(',');
const scaleDist = '.build/scale/dist';
/** The authoring manual, a site of its own (`npm run manual:build`): on when built, unless `MANUAL_SITE=off`. */
const manualDist = 'manual/dist';
const manualSite =
  process.env.MANUAL_SITE ?? (existsSync(`${manualDist}/_build.json`) ? 'on' : 'off');
const scaleSite = process.env.SCALE_SITE ?? (existsSync(`${scaleDist}/_build.json`) ? 'on' : 'off');

const ports = freePorts(8);
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
    name: 's3-preview',
    port: ports[4]!,
    distDir: 'dist-preview',
    base: `/pr-${publishedPr}/`,
    command: 'node tests/e2e/support/s3-preview-host.ts',
  },
  {
    name: 'manual-static',
    port: ports[7]!,
    distDir: manualDist,
    base: '/',
    command: 'node scripts/serve-static.ts',
  },
  {
    name: 'scale-static',
    port: ports[5]!,
    distDir: scaleDist,
    base: '/',
    command: 'node scripts/serve-static.ts',
  },
  {
    name: 'scale-nginx',
    port: ports[6]!,
    distDir: scaleDist,
    base: '/',
    command: 'npm run --silent serve:nginx',
  },
] as const;
const isScale = (name: string) => name.startsWith('scale-');
const servers = allServers
  .filter((server) =>
    modes.some((mode) => server.name.replace(/^(scale|manual)-/, '').startsWith(mode)),
  )
  .filter((server) => (isScale(server.name) ? scaleSite !== 'off' : scaleSite !== 'only'))
  .filter((server) => server.name !== 'manual-static' || manualSite === 'on');

const webServer: PlaywrightTestConfig['webServer'] = servers.map((server) => ({
  command: server.command,
  url: `http://127.0.0.1:${server.port}${server.base}`,
  env: {
    PORT: String(server.port),
    DIST_DIR: server.distDir,
    SITE_BASE: server.base,
    ...(server.name === 's3-preview'
      ? { PREVIEW_PR: String(publishedPr), REMOVED_PR: String(removedPr) }
      : {}),
  },
  reuseExistingServer: false,
  stdout: 'ignore',
  stderr: 'pipe',
  // The preview host publishes before it answers, and removes its objects when told to stop.
  timeout: server.name === 's3-preview' ? 90_000 : 30_000,
  ...(server.name === 's3-preview'
    ? { gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 } }
    : {}),
}));

/** Specs of the preview only, and the specs the preview project runs. */
const PREVIEW_ONLY = '**/preview.spec.ts';
const ON_PREVIEW = ['**/redirects.spec.ts', '**/links.spec.ts', PREVIEW_ONLY];
/** The authoring manual's own spec, run on its own site only. */
const MANUAL_ONLY = '**/manual.spec.ts';

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
    // CI keeps the HTML report when the suite fails (see .github/workflows/ci.yml).
    ...(process.env.CI ? [['html', { open: 'never' }] as ['html', { open: 'never' }]] : []),
  ],
  use: {
    // Recording a trace of every test took a quarter of the suite's CPU time on 2 cores, to keep
    // the few that fail. Traces are made when asked for: `playwright test --last-failed --trace on`
    // after a failed run (the CI workflow does this and uploads them).
    trace: 'off',
    launchOptions: {
      executablePath: chromium,
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
    ...(isScale(server.name)
      ? { testMatch: '**/scale.spec.ts' }
      : server.name === 'manual-static'
        ? { testMatch: MANUAL_ONLY }
        : server.name === 's3-preview'
          ? { testMatch: ON_PREVIEW }
          : // Accessibility, layout and the checker's fixtures depend on the markup, not on the
            // server or base: proven once.
            {
              testIgnore:
                server.name === 'static-root'
                  ? [PREVIEW_ONLY, MANUAL_ONLY, '**/scale.spec.ts']
                  : [
                      '**/a11y.spec.ts',
                      '**/layout.spec.ts',
                      '**/reader.spec.ts',
                      '**/checker-parity.spec.ts',
                      '**/hostile-input.spec.ts',
                      '**/scale.spec.ts',
                      PREVIEW_ONLY,
                      MANUAL_ONLY,
                    ],
            }),
    // Page behaviour that no server can change is proven on the static server only (see smoke.spec.ts).
    grepInvert: server.name.startsWith('nginx') || server.name === 's3-preview' ? /@ui/ : undefined,
    metadata: {
      base: server.base,
      distDir: server.distDir,
      server: server.name.replace(/^scale-/, '').split('-')[0],
      removedPr,
    },
    use: {
      baseURL: `http://127.0.0.1:${server.port}${server.base}`,
      browserName: 'chromium' as const,
    },
  })),
});
