/**
 * `npm run bench:weight`: what the deployment guide costs a reader on first load (HTML, CSS,
 * eager JavaScript; gzip), on this site and on the same page built with Starlight, against this
 * site's budgets: eager JavaScript under 5 KB, the page without search under 40 KB. Exits 1 when
 * this site is over budget. Reads this site's build in `dist` (run `npm run build` first).
 *
 *   node bench/weight/run.ts [--site dist] [--page /administration-guide/…/] [--no-starlight]
 */
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pageWeight } from './measure.ts';
import { budgets, weightReport } from './report.ts';
import { buildWithStarlight } from './starlight.ts';
import { readManifest } from '../../packages/lasting-links/src/lib/site/build-manifest.ts';

const projectRoot = resolve(import.meta.dirname, '..', '..');
const { values } = parseArgs({
  options: {
    site: { type: 'string', default: process.env.DIST_DIR ?? 'dist' },
    page: { type: 'string', default: '/administration-guide/scale/high-availability/deployment/' },
    'no-starlight': { type: 'boolean', default: false },
    work: { type: 'string', default: join(tmpdir(), 'lasting-links-bench') },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log(
    'usage: npm run bench:weight -- [--site dist] [--page /administration-guide/…/] [--no-starlight] [--work DIR]',
  );
  process.exit(0);
}
const log = (line: string) => console.error(line);
const siteDir = resolve(projectRoot, values.site);
const ours = pageWeight(siteDir, values.page, readManifest(siteDir).base);
const columns = [{ name: 'this site', weight: ours }];

if (!values['no-starlight']) {
  const starlight = buildWithStarlight(resolve(values.work), projectRoot, log);
  columns.push({
    name: `Starlight ${starlight.starlight}`,
    weight: pageWeight(starlight.distDir, values.page),
  });
  log(`(both on Astro ${starlight.astro})`);
}

const load = loadavg()
  .map((n) => n.toFixed(2))
  .join(', ');
console.log(`${weightReport(values.page, columns)}\nload average: ${load}`);
const within = ours.eagerJs < budgets.eagerJs && ours.total < budgets.total;
if (!within) console.log('This site is over its budget.');
process.exitCode = within ? 0 : 1;
