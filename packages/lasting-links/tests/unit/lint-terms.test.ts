/**
 * The terms file parser: the project's own file parses, and every kind of mistake is an error
 * naming the file and the line, never a silently weaker lint.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTerms, TermsFileError } from '../../src/lib/lint/index.ts';
import { fixtureText } from '../../../../tests/fixtures/lint/fixtures.ts';

test('content/terms.yaml parses, with the names and terms the guide relies on', () => {
  const terms = parseTerms(fixtureText('content/terms.yaml'), 'content/terms.yaml');
  for (const name of ['Mattermost', 'PostgreSQL', 'NGINX', 'Amazon S3', 'MinIO'])
    assert.ok(terms.properNouns.includes(name), name);
  const preferredFor = (word: string) =>
    terms.terminology.find((entry) => entry.forbidden.includes(word))?.preferred;
  assert.equal(preferredFor('master'), 'primary');
  assert.equal(preferredFor('Nginx'), 'NGINX');
  assert.equal(preferredFor('Postgres'), 'PostgreSQL');
});

test('an entry keeps its line, reason and allowances', () => {
  const terms = parseTerms(fixtureText('tests/fixtures/lint/terms.yaml'), 'terms.yaml');
  const master = terms.terminology[0];
  assert.deepEqual(master, {
    preferred: 'primary',
    forbidden: ['master'],
    reason: 'the database calls it the primary',
    allow: [
      {
        page: '/clean/',
        section: 'legacy-interface-labels',
        reason: 'the old interface labels the button "Master"',
      },
    ],
    line: 11,
  });
});

/** Parses `text` and returns the error message, failing the test if it parses. */
function errorOf(text: string, file = 'content/terms.yaml'): string {
  try {
    parseTerms(text, file);
  } catch (error) {
    assert.ok(error instanceof TermsFileError, `expected a TermsFileError, got ${String(error)}`);
    return error.message;
  }
  assert.fail('expected the terms file to be rejected');
}

test('invalid YAML names the file and line', () => {
  const file = 'tests/fixtures/lint/invalid/terms-bad-yaml.yaml';
  assert.match(
    errorOf(fixtureText(file), file),
    /^tests\/fixtures\/lint\/invalid\/terms-bad-yaml\.yaml:3: invalid YAML/,
  );
});

test('a misspelt key names the file, line and the keys expected', () => {
  const file = 'tests/fixtures/lint/invalid/terms-bad-key.yaml';
  assert.equal(
    errorOf(fixtureText(file), file),
    `${file}:5: unknown key "forbiden" in a terminology entry; expected preferred, forbidden, reason, allow`,
  );
});

test('wrong shapes are errors with their line', () => {
  assert.equal(
    errorOf('- Mattermost\n'),
    'content/terms.yaml:1: expected a mapping with `properNouns` and `terminology`',
  );
  assert.equal(
    errorOf('properNouns: Mattermost\n'),
    'content/terms.yaml:1: `properNouns` must be a list of strings',
  );
  assert.equal(
    errorOf('properNouns:\n  - NGINX\n  - nginx\n'),
    'content/terms.yaml:3: "nginx" is listed twice in `properNouns`',
  );
  assert.equal(
    errorOf('properNouns:\n  - ""\n'),
    'content/terms.yaml:2: each item of `properNouns` must be a non-empty string',
  );
  assert.equal(
    errorOf('terminology:\n  - preferred: primary\n'),
    'content/terms.yaml:2: a terminology entry needs `forbidden`',
  );
  assert.equal(
    errorOf('terminology:\n  - preferred: NGINX\n    forbidden: [NGINX]\n'),
    'content/terms.yaml:2: "NGINX" is both preferred and forbidden',
  );
  assert.equal(
    errorOf(
      'terminology:\n  - preferred: primary\n    forbidden: [master]\n    allow:\n      - section: x\n',
    ),
    'content/terms.yaml:5: an allowance needs `section` and `reason`',
  );
  assert.equal(
    errorOf(
      'terminology:\n  - preferred: primary\n    forbidden: [master]\n    allow:\n      - { page: a/b, section: x, reason: y }\n',
    ),
    'content/terms.yaml:5: `page` must be a site path such as /a/b/, not "a/b"',
  );
});

test('an empty file is an empty vocabulary', () => {
  assert.throws(
    () => parseTerms('', 'content/terms.yaml'),
    /content\/terms\.yaml:1: expected a mapping/,
  );
  assert.deepEqual(parseTerms('properNouns: []\n', 'x'), { properNouns: [], terminology: [] });
});
