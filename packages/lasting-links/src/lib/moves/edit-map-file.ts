/**
 * Applies map edits to the text of `redirects.yaml` through the YAML library's document model,
 * so comments, order and the layout of untouched entries stay exactly as the writer left them.
 */
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { displayLocation, displayTarget } from '../redirects/locations.ts';
import type { MapEdit } from './plan-moves.ts';

/** The map's new text. Throws when the text is not the list of entries the edits were made from. */
export function editMapFile(text: string, edits: readonly MapEdit[]): string {
  const document = parseDocument(text.trim() === '' ? '[]' : text);
  const list = document.contents;
  if (!isSeq(list))
    throw new Error('the redirect map is not a YAML list; fix it before running moves');
  for (const edit of edits) {
    if (edit.kind !== 'retarget') continue;
    const item = list.items[edit.entry.index];
    const to = isMap(item)
      ? item.items.find((pair) => isScalar(pair.key) && pair.key.value === 'to')
      : undefined;
    if (to === undefined || !isScalar(to.value))
      throw new Error(`entry ${edit.entry.index + 1} of the map has no "to" to change`);
    // The scalar keeps its place, quoting and comments; only its value changes.
    to.value.value = displayTarget(edit.to);
  }
  const removals = edits
    .flatMap((edit) => (edit.kind === 'remove' ? [edit.entry.index] : []))
    .sort((a, b) => b - a);
  for (const index of removals) list.items.splice(index, 1);
  for (const edit of edits) {
    if (edit.kind !== 'add') continue;
    const entry: Record<string, string> = {
      from: displayLocation(edit.from),
      to: displayTarget(edit.to),
    };
    if (edit.note !== '') entry['note'] = edit.note;
    list.items.push(document.createNode(entry) as unknown as (typeof list.items)[number]);
  }
  if (list.items.length === 0) return '[]\n';
  // An empty map was written as `[]`; entries are written as a block list.
  list.flow = false;
  return document.toString({ lineWidth: 0 });
}
