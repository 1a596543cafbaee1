/**
 * `npm run check`: checks every link of the built site and exits 1 on any error.
 *
 *   node scripts/check-links.ts [--dist DIR] [--base /pr-123/] [--format human|json|github]
 *                               [--external] [--cache FILE] [--site-url URL]
 *
 * Defaults: --dist from env DIST_DIR or `dist`, --base from env SITE_BASE or `/`.
 */
import module from 'node:module';
import { parseArgs } from 'node:util';
import type { ReportFormat } from '../src/lib/links/format.ts';

// CI runs this on every pull request: reusing compiled code across runs halves start-up,
// which is most of the time on a small site. The modules are loaded after the cache is on.
module.enableCompileCache?.();
const { checkSite } = await import('../src/lib/links/check-site.ts');
const { formatReport, REPORT_FORMATS } = await import('../src/lib/links/format.ts');

const usage = 'usage: npm run check -- [--dist DIR] [--base /pr-123/] [--format human|json|github] [--external] [--cache FILE] [--site-url URL]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        dist: { type: 'string', default: process.env.DIST_DIR || 'dist' },
        base: { type: 'string', default: process.env.SITE_BASE || '/' },
        format: { type: 'string', default: 'human' },
        external: { type: 'boolean', default: false },
        cache: { type: 'string', default: '.cache/external-links.json' },
        'site-url': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) {
    console.error(`--format must be one of ${REPORT_FORMATS.join(', ')}, not "${values.format}".\n${usage}`);
    return 2;
  }
  const started = performance.now();
  const result = await checkSite({
    distDir: values.dist,
    base: values.base,
    projectRoot: process.cwd(),
    siteUrl: values['site-url'],
    external: values.external ? { cacheFile: values.cache } : undefined,
  });
  const report = { errors: result.errors, warnings: result.warnings, distDir: values.dist, pages: result.pages, links: result.links };
  process.stdout.write(formatReport(report, values.format as ReportFormat));
  if (values.format === 'human') {
    const seconds = (performance.now() - started) / 1000;
    console.error(`${(result.bytes / 1e6).toFixed(1)} MB of HTML in ${seconds.toFixed(2)} s`);
  }
  return result.errors.length > 0 ? 1 : 0;
}

// exitCode rather than exit(): a long report piped to another program must be written out in full.
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    console.error(error.message);
    process.exitCode = 2;
  },
);
