import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLongDate } from '../../src/lib/long-date.ts';

test('a date reads as month, day and year, on its UTC day wherever the build runs', () => {
  assert.equal(formatLongDate(new Date('2026-03-04T12:00:00Z')), 'March 4, 2026');
  // 23:30 UTC is already the next day east of UTC; the page shows the UTC day.
  assert.equal(formatLongDate(new Date('2026-12-31T23:30:00Z')), 'December 31, 2026');
  assert.equal(formatLongDate(new Date('2027-01-01T00:30:00+02:00')), 'December 31, 2026');
});
