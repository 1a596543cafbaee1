/**
 * The string table keeps what a scan takes from pages without keeping the pages: measured on
 * the heap, with pages far larger than the strings kept from them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { stringTable } from '../../src/lib/html/string-table.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap growth in MB while `keep` holds a 40-character slice of each of 40 pages of 1 MB. */
function heapKept(keep: (text: string) => string): { megabytes: number; kept: string[] } {
  gc();
  const before = process.memoryUsage().heapUsed;
  const kept: string[] = [];
  for (let page = 0; page < 40; page += 1) {
    const html = `<a href="/page-${page}/${'x'.repeat(24)}">${'y'.repeat(1 << 20)}`;
    kept.push(keep(html.slice(9, 49)));
  }
  gc();
  return { megabytes: (process.memoryUsage().heapUsed - before) / 1e6, kept };
}

test('kept strings do not keep the pages they were sliced from', () => {
  const slices = heapKept((text) => text);
  assert.ok(slices.megabytes > 30, `plain slices keep their pages (${slices.megabytes} MB)`);
  const table = heapKept(stringTable());
  assert.ok(table.megabytes < 2, `the table keeps ${table.megabytes.toFixed(1)} MB`);
  assert.equal(table.kept[7], `/page-7/${'x'.repeat(24)}">${'y'.repeat(6)}`);
});

test('equal strings are one string, whatever page they came from', () => {
  const keep = stringTable();
  const first = keep('/administration-guide/'.slice(0));
  const again = keep(`<a href="/administration-guide/">`.slice(9, 31));
  assert.equal(first, '/administration-guide/');
  assert.equal(again, first);
  assert.equal(keep('#a'), '#a');
});
