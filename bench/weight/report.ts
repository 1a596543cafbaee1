/** The page-weight budgets and the table that reports against them. */
import { kb, type PageWeight } from './measure.ts';

/** What a page may cost on first load, gzip: eager JavaScript, and everything without search. */
export const budgets = { eagerJs: 5 * 1024, total: 40 * 1024 } as const;

/** A table of weights side by side, one column per site, with the budgets. */
export function weightReport(
  sitePath: string,
  columns: readonly { name: string; weight: PageWeight }[],
): string {
  const rows: [string, (w: PageWeight) => string, string][] = [
    ['HTML', (w) => kb(w.html), ''],
    ['CSS', (w) => `${kb(w.css)} (${w.cssFiles} file${w.cssFiles === 1 ? '' : 's'})`, ''],
    [
      'eager JS',
      (w) => `${kb(w.eagerJs)} (${w.inlineScripts} inline, ${w.moduleFiles} module files)`,
      `< ${kb(budgets.eagerJs)}`,
    ],
    ['total without search', (w) => kb(w.total), `< ${kb(budgets.total)}`],
  ];
  const widths = [22, ...columns.map(() => 40)];
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 12)).join('');
  return [
    `Page weight of ${sitePath} on first load (gzip):`,
    line(['', ...columns.map((c) => c.name), 'budget']),
    ...rows.map(([label, cell, budget]) =>
      line([label, ...columns.map((c) => cell(c.weight)), budget]),
    ),
  ].join('\n');
}
