import { test } from 'node:test';
import assert from 'node:assert/strict';
import { svgSize } from '../../src/lib/svg-size.ts';

test('width and height in pixels give the size', () => {
  assert.deepEqual(
    svgSize(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" width="900" height="580px"></svg>',
    ),
    {
      width: 900,
      height: 580,
    },
  );
});

test('without usable width and height, the viewBox gives it (after an XML declaration and a comment)', () => {
  assert.deepEqual(
    svgSize(
      '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg viewBox="0 0 440, 800" width="100%"></svg>',
    ),
    { width: 440, height: 800 },
  );
});

test('an SVG with no size, a broken viewBox or another root element has none', () => {
  assert.equal(svgSize('<svg></svg>'), undefined);
  assert.equal(svgSize('<svg viewBox="0 0 0 10"></svg>'), undefined);
  assert.equal(svgSize('<svg viewBox="a b c d"></svg>'), undefined);
  assert.equal(svgSize('<html><svg width="1" height="1"></svg></html>'), undefined);
});
