/**
 * Offsets become line and column in any order, and a page on one long line is not rescanned
 * for each question (the page scan asks once per link, and a sidebar has thousands).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineLocator } from '../../src/lib/html/line-locator.ts';

test('offsets become 1-based line and column, asked in any order', () => {
  const locate = lineLocator('ab\ncd\n\nefg');
  const at = (offset: number) => {
    const { line, column } = locate(offset);
    return `${line}:${column}`;
  };
  assert.deepEqual([0, 2, 3, 5, 6, 7, 10, 4, 0].map(at), [
    '1:1',
    '1:3',
    '2:1',
    '2:3',
    '3:1',
    '4:1',
    '4:4',
    '2:2',
    '1:1',
  ]);
  assert.equal(at(99), '4:93', 'past the end counts on along the last line');
});

test('the text is searched for newlines once, however many offsets are asked for', () => {
  let searches = 0;
  const text = `${'x'.repeat(50_000)}\n${'y'.repeat(50_000)}`;
  // A string whose newline search is counted; everything else is the real string's.
  const counted = new Proxy(new String(text), {
    get(target, property) {
      if (property === 'indexOf')
        return (search: string, from?: number) => {
          searches += 1;
          return text.indexOf(search, from);
        };
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  }) as unknown as string;
  const locate = lineLocator(counted);
  for (let offset = 0; offset < 100_000; offset += 50) locate(offset);
  for (let offset = 100_000; offset > 0; offset -= 500) locate(offset);
  assert.equal(locate(50_001).line, 2);
  assert.ok(searches <= 3, `${searches} newline searches`);
});
