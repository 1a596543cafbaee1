/**
 * A page's HTML must not grow with the size of the whole site. A small site of this theme gets a
 * few hundred generated pages (sections of groups of pages, every folder with its own page) and is
 * built; every page's sidebar must then hold exactly its own branch (the sections, the groups of
 * its section, the pages of its group) and nothing of the other branches, and stay a small
 * fraction of what a sidebar listing the whole site would weigh. One build; slow by nature.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, smallSite } from './support/small-site.ts';

const sections = 4;
const groups = 8;
const pages = 8;

function page(title: string, order: number): string {
  return [
    '---',
    `title: ${title}`,
    `description: A generated page for the sidebar size test.`,
    'sidebar:',
    `  label: ${title}`,
    `  order: ${order}`,
    '---',
    '',
    'A paragraph.',
    '',
    '## A section',
    '',
    'Another paragraph.',
    '',
  ].join('\n');
}

/** The rows (links) of a built page's sidebar, and its size in bytes. */
function sidebarOf(html: string): { rows: string[]; bytes: number } {
  const nav = /<nav class="sidebar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  const rows = [...nav.matchAll(/<a [^>]*href="([^"]+)"/g)].map((match) => match[1]!);
  return { rows, bytes: Buffer.byteLength(nav) };
}

test('every page carries its own branch of the sidebar, never the whole site', () => {
  const { dir, remove } = smallSite({});
  try {
    const root = join(dir, 'content/docs/generated');
    for (let s = 0; s < sections; s += 1) {
      mkdirSync(join(root, `s${s}`), { recursive: true });
      writeFileSync(join(root, `s${s}`, 'index.mdx'), page(`Generated section ${s}`, 10 + s));
      for (let g = 0; g < groups; g += 1) {
        mkdirSync(join(root, `s${s}`, `g${g}`));
        writeFileSync(join(root, `s${s}`, `g${g}`, 'index.mdx'), page(`Group ${s} ${g}`, g));
        for (let p = 0; p < pages; p += 1)
          writeFileSync(join(root, `s${s}`, `g${g}`, `p${p}.mdx`), page(`Page ${s} ${g} ${p}`, p));
      }
    }
    // The generated pages live one level down, under `generated/`, a folder without a page of
    // its own: its sections are the groups of one top-level group.
    const build = buildSite(dir);
    assert.equal(build.status, 0, build.output.slice(-3000));

    const read = (path: string) => readFileSync(join(dir, 'dist', path, 'index.html'), 'utf8');
    const generated = sections * (1 + groups * (1 + pages));
    let largest = 0;
    for (let s = 0; s < sections; s += 1) {
      for (let g = 0; g < groups; g += 1) {
        for (const leaf of [`p0`, `p${pages - 1}`]) {
          const path = `generated/s${s}/g${g}/${leaf}`;
          const { rows, bytes } = sidebarOf(read(path));
          const own = rows.filter((href) => href.startsWith('/generated/'));
          // The "Generated" group's own row, its sections (one row each), the groups of the
          // page's section and the pages of its group: nothing else of the 296 generated pages.
          assert.equal(own.length, 1 + sections + groups + pages, `${path}: ${own.join(' ')}`);
          assert.ok(
            own.every(
              (href) =>
                /^\/generated\/s\d\/$/.test(href) ||
                (href.startsWith(`/generated/s${s}/g`) &&
                  (/^\/generated\/s\d\/g\d\/$/.test(href) ||
                    href.startsWith(`/generated/s${s}/g${g}/`))),
            ),
            `${path}: a row from another branch`,
          );
          largest = Math.max(largest, bytes);
        }
      }
    }
    // A sidebar listing every page would hold a row per page; each page holds about a tenth.
    const home = sidebarOf(read('generated/s0/g0/p0'));
    const bytesPerRow = home.bytes / home.rows.length;
    assert.ok(
      largest < (bytesPerRow * generated) / 8,
      `largest sidebar ${largest} bytes; the whole site would be about ${Math.round(bytesPerRow * generated)}`,
    );
  } finally {
    remove();
  }
});
