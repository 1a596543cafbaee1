/**
 * What one page of a build costs a reader on first load, gzip-compressed, against the site's
 * budgets (eager JavaScript under 5 KB, the page without search under 40 KB). Exits 1 over
 * budget. `npm run bench:weight` also builds the same page with Starlight and compares.
 *
 *   node scripts/page-weight.ts [dist] [site-path]
 */
import { budgets, weightReport } from '../bench/weight/report.ts';
import { pageWeight } from '../bench/weight/measure.ts';

const distDir = process.argv[2] ?? 'dist';
const sitePath = process.argv[3] ?? '/administration-guide/scale/high-availability/deployment/';
const weight = pageWeight(distDir, sitePath);
console.log(weightReport(sitePath, [{ name: 'this site', weight }]));
process.exitCode = weight.eagerJs < budgets.eagerJs && weight.total < budgets.total ? 0 : 1;
