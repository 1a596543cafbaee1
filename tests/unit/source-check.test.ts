import { test } from 'node:test';
import assert from 'node:assert/strict';
import { frontMatterProblems } from '../../packages/lasting-links/src/lib/sources/front-matter.ts';
import {
  componentProblems,
  componentUsesOf,
} from '../../packages/lasting-links/src/lib/sources/component-uses.ts';
import { parseSource } from '../../packages/lasting-links/src/lib/sources/page-source.ts';
import { docsFrontmatter } from '../../src/schemas/docs-frontmatter.ts';

const validate = (data: unknown) => {
  const result = docsFrontmatter.safeParse(data);
  return result.success ? [] : result.error.issues;
};

const where = (problems: { at?: { line?: number }; message: string }[]) =>
  problems.map((problem) => `${problem.at?.line}: ${problem.message}`);

test('each bad field is reported at its own line, with what to write', () => {
  const text = '---\ntitle: 42\ndescription: Fine.\nsidebar:\n  order: first\n---\n\nBody.\n';
  assert.deepEqual(where(frontMatterProblems('p.mdx', text, validate)), [
    '2: title: title must be text, but YAML reads 42 as number: put it in quotes, title: "42"',
    '5: sidebar.order: sidebar.order must be a number (position among its siblings, lowest first)',
  ]);
});

test('a missing field is reported at the front matter, and good front matter gives nothing', () => {
  const missing = frontMatterProblems('p.mdx', '---\ntitle: T\n---\n', validate);
  assert.equal(missing.length, 1);
  assert.match(missing[0]!.message, /^description: add `description: One sentence`/);
  assert.equal(missing[0]!.at?.line, 2);
  assert.deepEqual(
    frontMatterProblems('p.mdx', '---\ntitle: T\ndescription: D.\n---\nx\n', validate),
    [],
  );
});

test('YAML that does not parse, and a page without front matter, are errors with a line', () => {
  const broken = frontMatterProblems(
    'p.mdx',
    '---\ntitle: T\ndescription: a: b: c\n---\n',
    validate,
  );
  const [first] = broken;
  assert.ok(first);
  assert.equal(first.code, 'front-matter');
  assert.equal(first.at?.line, 3);
  assert.match(first.message, /not valid YAML/);
  assert.equal(frontMatterProblems('p.mdx', '# Just text\n', validate)[0]?.at?.line, 1);
});

test('a component nothing defines is reported at its line; known and imported ones are not', () => {
  const text = [
    '---',
    'title: T',
    '---',
    "import Chart from '../chart.astro';",
    '',
    '<Aside>ok</Aside>',
    '',
    '<Chart />',
    '',
    'Text with <Callout>inline</Callout>.',
    '',
    '<Widgets.Box />',
    '<div>html is fine</div>',
  ].join('\n');
  const problems = componentProblems(
    'p.mdx',
    componentUsesOf(parseSource('p.mdx', '/p/' as never, text).tree),
    {
      known: new Set(['Aside']),
    },
  );
  assert.deepEqual(
    problems.map((problem) => [problem.code, problem.at?.line, problem.at?.column]),
    [
      ['unknown-component', 10, 11],
      ['unknown-component', 12, 1],
    ],
  );
  assert.match(problems[0]!.message, /<Callout> is not a component/);
  assert.match(problems[0]!.fix!, /Use one of Aside/);
});

test('a site path with a backslash (/\\host/, which browsers read as //host/) is an error in every field that takes one', () => {
  const page = (extra: string) =>
    frontMatterProblems('p.mdx', `---\ntitle: T\ndescription: D.\n${extra}---\nx\n`, validate);
  const cases: Array<[string, number]> = [
    ['prev:\n  link: /\\evil.example/\n', 5],
    ['next:\n  link: /a\\b/\n', 5],
    [
      'template: splash\nhero:\n  tagline: T.\n  actions:\n    - text: Go\n      link: /\\evil.example/\n',
      9,
    ],
    ['banner:\n  content: "Read [this](/\\\\evil.example/) first"\n', 5],
  ];
  for (const [extra, line] of cases) {
    const problems = page(extra);
    assert.equal(problems.length, 1, `${extra}: ${JSON.stringify(problems)}`);
    assert.equal(problems[0]!.at?.line, line, extra);
    assert.match(problems[0]!.message, /backslash, which browsers read as "\/"/, extra);
  }
  assert.deepEqual(
    page('prev:\n  link: /a/b/\nbanner:\n  content: See [x](/a/) and [y](https://example.org/)\n'),
    [],
  );
});

test('an unclosed quote in front matter is reported where it opens', () => {
  const problems = frontMatterProblems(
    'p.mdx',
    "---\ntitle: 'Install it\ndescription: D.\nsidebar:\n  order: 2\n---\nx\n",
    validate,
  );
  assert.equal(problems.length, 1, JSON.stringify(problems));
  assert.equal(problems[0]!.at?.line, 2);
  assert.match(
    problems[0]!.message,
    /quoted value that starts here \('Install it…\) is never closed/,
  );
});
