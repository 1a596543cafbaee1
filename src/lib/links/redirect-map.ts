/**
 * The redirect map as the link checker sees it: `from`, `to` and the line, as written.
 *
 * Reading and validating the file is the redirect engine's job (`../redirects/redirect-map.ts`);
 * this adapter only flattens its entries into strings, so the checker and the build never
 * disagree about what the map says.
 */
import { siteConfig } from '../../config.ts';
import { parseRedirectMap as parseEngineMap } from '../redirects/redirect-map.ts';
import { displayLocation, displayTarget } from '../redirects/locations.ts';
import { errorsOf, formatProblem } from '../redirects/problems.ts';

/** One line of the redirect map: `from` and `to` are site paths, each with an optional `#anchor` (or an allowed https URL as `to`). */
export interface RedirectEntry {
  from: string;
  to: string;
  /** 1-based line of the entry in the map file. */
  line: number;
}

/**
 * Parses the redirect map text. Throws an error naming `fileName`, the line, what is wrong and
 * how to fix it, rather than skipping an entry (a skipped entry is a link that silently breaks).
 */
export function parseRedirectMap(text: string, fileName: string, allowedHosts: readonly string[] = siteConfig.redirectHosts): RedirectEntry[] {
  const { entries, problems } = parseEngineMap(text, fileName, allowedHosts);
  const errors = errorsOf(problems);
  if (errors.length > 0) throw new Error(errors.map(formatProblem).join('\n'));
  return entries.map((entry) => ({ from: displayLocation(entry.from), to: displayTarget(entry.to), line: entry.line }));
}
