/**
 * Reporting a finding at an exact source offset, for rules that find words inside text.
 */
import type { VFile } from 'vfile';
import { location } from 'vfile-location';

type Locator = ReturnType<typeof location>;
/** One offset-to-line table per file: building it reads the whole file. */
const locators = new WeakMap<VFile, Locator>();

/** Reports `reason` at `[start, end)` of the file's source. */
export function reportAt(file: VFile, reason: string, start: number, end: number = start): void {
  let place = locators.get(file);
  if (place === undefined) {
    place = location(file);
    locators.set(file, place);
  }
  const from = place.toPoint(start);
  const to = place.toPoint(end);
  if (from === undefined) {
    file.message(reason);
    return;
  }
  file.message(reason, { place: to === undefined ? from : { start: from, end: to } });
}
