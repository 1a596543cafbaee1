import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sitePath, type SitePath } from '../../packages/lasting-links/src/lib/site-path.ts';
import {
  buildSidebar,
  readingOrder,
  breadcrumbTrail,
  neighbours,
  pagePath,
  sidebarView,
  entryCount,
  pagerLink,
  firstPage,
  labelsByPath,
  type SidebarNode,
} from '../../src/lib/sidebar.ts';

const pages = [
  { id: 'guide/ha/upgrade', label: 'Upgrade', order: 3 },
  { id: 'guide/ha', label: 'High availability', order: 1 },
  { id: 'guide/ha/deploy', label: 'Deployment', order: 2 },
  { id: 'guide/ha/faq', label: 'FAQ', order: undefined },
  { id: 'guide/ha/about', label: 'About', order: undefined },
  { id: 'index', label: 'Home', order: undefined },
];

test('directories become groups, index pages their links, order then label sorts siblings', () => {
  const tree = buildSidebar(pages);
  assert.equal(tree.length, 1);
  const guide = tree[0]!;
  assert.equal(guide.groupLabel, 'Guide');
  assert.equal(guide.path, undefined);
  const ha = guide.children[0]!;
  assert.equal(ha.path, '/guide/ha/');
  assert.equal(ha.label, 'High availability');
  assert.equal(ha.groupLabel, 'Ha');
  assert.deepEqual(
    ha.children.map((n) => n.label),
    ['Deployment', 'Upgrade', 'About', 'FAQ'],
  );
});

test('reading order, breadcrumbs and neighbours follow the sidebar', () => {
  const tree = buildSidebar(pages);
  assert.deepEqual(
    readingOrder(tree).map((p) => p.path),
    ['/guide/ha/', '/guide/ha/deploy/', '/guide/ha/upgrade/', '/guide/ha/about/', '/guide/ha/faq/'],
  );
  assert.deepEqual(
    breadcrumbTrail(tree, sitePath('/guide/ha/upgrade/')).map((n) => n.label),
    ['Guide', 'High availability', 'Upgrade'],
  );
  assert.deepEqual(breadcrumbTrail(tree, sitePath('/nope/')), []);
  const around = neighbours(tree, sitePath('/guide/ha/deploy/'));
  assert.equal(around.previous?.path, '/guide/ha/');
  assert.equal(around.next?.path, '/guide/ha/upgrade/');
  assert.equal(neighbours(tree, sitePath('/guide/ha/')).previous, undefined);
  assert.equal(neighbours(tree, sitePath('/guide/ha/faq/')).next, undefined);
});

test('pagePath maps collection ids to directory-style site paths', () => {
  assert.equal(pagePath('a/b'), '/a/b/');
  assert.equal(pagePath('index'), '/');
});

/** A site of `sections` top-level sections, each with `groups` groups of `pages` pages, every folder with an index. */
function generatedSite(sections: number, groups: number, pages: number) {
  const out: { id: string; label: string; groupLabel?: string; order: number | undefined }[] = [];
  for (let s = 0; s < sections; s += 1) {
    out.push({ id: `s${s}`, label: `Section ${s}`, groupLabel: `Section ${s}`, order: s });
    for (let g = 0; g < groups; g += 1) {
      out.push({ id: `s${s}/g${g}`, label: `Group ${g}`, groupLabel: `Group ${g}`, order: g });
      for (let p = 0; p < pages; p += 1)
        out.push({ id: `s${s}/g${g}/p${p}`, label: `Page ${p}`, order: p });
    }
  }
  return out;
}

test('a page lists its own branch open and every other group closed, one link each', () => {
  const tree = buildSidebar(generatedSite(3, 4, 5));
  const view = sidebarView(tree, sitePath('/s1/g2/p3/'));
  assert.deepEqual(
    view.map((e) => [e.label, e.group]),
    [
      ['Section 0', 'closed'],
      ['Section 1', 'open'],
      ['Section 2', 'closed'],
    ],
  );
  const section = view[1]!;
  assert.deepEqual(
    section.children.map((e) => [e.label, e.group]),
    [
      ['Group 0', 'closed'],
      ['Group 1', 'closed'],
      ['Group 2', 'open'],
      ['Group 3', 'closed'],
    ],
  );
  // A closed group links to its landing page, where it opens.
  assert.deepEqual(section.children[0]!.target, { path: '/s1/g0/' });
  assert.equal(section.children[0]!.children.length, 0);
  const open = section.children[2]!;
  assert.deepEqual(
    open.children.map((e) => [e.label, e.current]),
    [0, 1, 2, 3, 4].map((p) => [`Page ${p}`, p === 3]),
  );
  // 3 sections + 4 groups + 5 pages
  assert.equal(entryCount(view), 12);
});

test('what a page carries does not grow with the site: more sections, groups and pages elsewhere change nothing', () => {
  const current = sitePath('/s0/g0/p0/');
  const small = sidebarView(buildSidebar(generatedSite(2, 3, 4)), current);
  // The same branch, in a site with 30 times the pages in other groups and 20 times the
  // groups: the page's own branch is unchanged, and only one row per sibling group is added.
  const big = buildSidebar([
    ...generatedSite(2, 3, 4),
    ...generatedSite(2, 60, 4).filter((page) => /^s\d+\/g([3-9]|\d\d)/.test(page.id)),
  ]);
  const large = sidebarView(big, current);
  assert.equal(readingOrder(big).length, 2 + 2 * 60 + 2 * 60 * 4);
  assert.equal(entryCount(small), 2 + 3 + 4);
  assert.equal(entryCount(large), 2 + 60 + 4);
  // Deeper pages everywhere else add nothing at all.
  const deeper = buildSidebar([
    ...generatedSite(2, 3, 4),
    ...Array.from({ length: 2000 }, (_, i) => ({
      id: `s1/g${i % 3}/p0/more/${i}`,
      label: `More ${i}`,
      order: undefined,
    })),
  ]);
  assert.equal(entryCount(sidebarView(deeper, current)), entryCount(small));
});

test('a group with a page of its own holds its subgroup; one without a page gives way to it', () => {
  const pages = [
    { id: 'admin', label: 'Administration guide', groupLabel: 'Administration guide', order: 1 },
    { id: 'admin/scale', label: 'Scale', order: 1 },
    { id: 'admin/scale/ha', label: 'Overview', groupLabel: 'High availability', order: 1 },
    { id: 'admin/scale/ha/deploy', label: 'Deployment', order: 1 },
    { id: 'admin/scale/ha/upgrade', label: 'Upgrade', order: 2 },
  ];
  const rows = (entries: ReturnType<typeof sidebarView>): unknown[] =>
    entries.map((e) =>
      e.children.length ? [e.label, e.group, rows(e.children)] : [e.label, e.group],
    );
  // "Scale" has its own page: it is a group, and "High availability" sits inside it, not beside it.
  const withPage = sidebarView(buildSidebar(pages), sitePath('/admin/scale/ha/deploy/'));
  assert.deepEqual(rows(withPage), [
    [
      'Administration guide',
      'open',
      [
        [
          'Scale',
          'open',
          [
            [
              'High availability',
              'open',
              [
                ['Deployment', undefined],
                ['Upgrade', undefined],
              ],
            ],
          ],
        ],
      ],
    ],
  ]);
  assert.deepEqual(withPage[0]!.children[0]!.target, { path: '/admin/scale/' });
  // Without a page of its own, "scale" would be a level with nothing to choose: it gives way.
  const withoutPage = sidebarView(
    buildSidebar(pages.filter((page) => page.id !== 'admin/scale')),
    sitePath('/admin/scale/ha/deploy/'),
  );
  assert.deepEqual(rows(withoutPage), [
    [
      'Administration guide',
      'open',
      [
        [
          'High availability',
          'open',
          [
            ['Deployment', undefined],
            ['Upgrade', undefined],
          ],
        ],
      ],
    ],
  ]);
  // Groups are named once, by their own row: no "Overview" rows.
  const labels: string[] = [];
  const walk = (entries: typeof withPage): void => {
    for (const entry of entries) {
      labels.push(entry.label);
      walk(entry.children);
    }
  };
  walk(withPage);
  assert.equal(new Set(labels).size, labels.length);
});

test('an index page names its group; hidden pages are left out of the sidebar and of previous and next', () => {
  const tree = buildSidebar([
    { id: 'writing', label: 'Writing these docs', groupLabel: 'Writing these docs', order: 2 },
    { id: 'writing/a', label: 'A', order: 1 },
    { id: 'writing/hidden', label: 'Hidden', order: 2, hidden: true },
    { id: 'writing/b', label: 'B', order: 3, badge: { text: 'New', variant: 'tip' } },
  ]);
  const view = sidebarView(tree, sitePath('/writing/hidden/'));
  assert.equal(view[0]!.label, 'Writing these docs');
  assert.equal(view[0]!.group, 'open', 'the hidden page’s group is open');
  assert.deepEqual(
    view[0]!.children.map((e) => [e.label, e.badge?.text]),
    [
      ['A', undefined],
      ['B', 'New'],
    ],
  );
  assert.deepEqual(
    readingOrder(tree).map((p) => p.label),
    ['Writing these docs', 'A', 'B'],
  );
  assert.deepEqual(
    breadcrumbTrail(tree, sitePath('/writing/hidden/')).map((n) => n.groupLabel),
    ['Writing these docs', 'Hidden'],
  );
  assert.deepEqual(neighbours(tree, sitePath('/writing/hidden/')), {
    previous: undefined,
    next: undefined,
  });
});

test('external links join the group of the page that lists them, sorted with its pages', () => {
  const link = {
    label: 'MDX syntax',
    url: 'https://mdxjs.com/',
    order: 1.5,
    badge: undefined,
  };
  const tree = buildSidebar([
    { id: 'guide', label: 'Guide', order: 1 },
    { id: 'guide/a', label: 'A', order: 1, links: [link] },
    { id: 'guide/b', label: 'B', order: 2 },
  ]);
  const view = sidebarView(tree, sitePath('/guide/a/'));
  assert.deepEqual(
    view[0]!.children.map((e) => [e.label, e.target]),
    [
      ['A', { path: '/guide/a/' }],
      ['MDX syntax', { url: 'https://mdxjs.com/' }],
      ['B', { path: '/guide/b/' }],
    ],
  );
  assert.equal(readingOrder(tree).length, 3, 'an external link is not a page');
});

test('previous and next follow the front matter: false hides, text relabels, a link points elsewhere', () => {
  const auto = { label: 'Upgrade', path: sitePath('/guide/ha/upgrade/') };
  const labelOf = (path: string) => (path === '/guide/ha/faq/' ? 'FAQ' : undefined);
  assert.equal(pagerLink(auto, undefined, labelOf), auto);
  assert.equal(pagerLink(auto, true, labelOf), auto);
  assert.equal(pagerLink(auto, false, labelOf), undefined);
  assert.deepEqual(pagerLink(auto, 'Upgrading', labelOf), { ...auto, label: 'Upgrading' });
  assert.deepEqual(pagerLink(auto, { link: '/guide/ha/faq/' }, labelOf), {
    label: 'FAQ',
    path: '/guide/ha/faq/',
  });
  assert.deepEqual(pagerLink(undefined, { link: '/x/', label: 'X' }, labelOf), {
    label: 'X',
    path: '/x/',
  });
  assert.equal(pagerLink(undefined, 'Relabel nothing', labelOf), undefined);
});

test('every page finds its place, trail, neighbours and label as a walk of the whole tree would', () => {
  // A hidden page and a folder without an index page, so "first listed page" must skip them.
  const tree = buildSidebar([
    ...generatedSite(2, 3, 3),
    { id: 's0/g1/hidden', label: 'Hidden', order: -1, hidden: true },
    { id: 's2/inner/p0', label: 'Deep', order: 0 },
  ]);
  const walked: { label: string; path: SitePath }[] = [];
  const trails = new Map<SitePath, string[]>();
  const nodes: SidebarNode[] = [];
  const walk = (list: readonly SidebarNode[], above: string[]) => {
    for (const node of list) {
      nodes.push(node);
      const trail = [...above, node.groupLabel];
      if (node.path && !trails.has(node.path)) trails.set(node.path, trail);
      if (node.path && !node.hidden) walked.push({ label: node.label, path: node.path });
      walk(node.children, trail);
    }
  };
  walk(tree, []);
  assert.deepEqual(readingOrder(tree), walked);
  for (const [at, page] of walked.entries()) {
    assert.deepEqual(neighbours(tree, page.path), {
      previous: walked[at - 1],
      next: walked[at + 1],
    });
    assert.deepEqual(
      breadcrumbTrail(tree, page.path).map((node) => node.groupLabel),
      trails.get(page.path),
    );
    assert.equal(labelsByPath(tree).get(page.path), page.label);
  }
  assert.deepEqual(
    breadcrumbTrail(tree, sitePath('/s0/g1/hidden/')).map((n) => n.label),
    ['Section 0', 'Group 1', 'Hidden'],
  );
  for (const node of nodes) {
    const listed: SidebarNode[] = [];
    const collect = (n: SidebarNode) => {
      if (n.path && !n.hidden) listed.push(n);
      n.children.forEach(collect);
    };
    collect(node);
    assert.equal(firstPage(node), listed[0]?.path, `first page of ${node.groupLabel}`);
  }
  assert.equal(
    firstPage(tree.find((node) => node.groupLabel === 'S2')!),
    sitePath('/s2/inner/p0/'),
  );
});
