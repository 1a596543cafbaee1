import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  UsageError,
  describeTarget,
  hostKeyPrefix,
  parsePullRequest,
  parseSha,
  parseTarget,
  previewKeyPrefix,
  pullRequestOfFolder,
} from '../../src/lib/preview/options.ts';

test('a pull request number is digits only', () => {
  assert.equal(parsePullRequest('1'), 1);
  assert.equal(parsePullRequest('123'), 123);
  assert.equal(parsePullRequest('999999999'), 999999999);
});

test('hostile or malformed --pr values are refused with the flag, the value and an example', () => {
  for (const bad of [
    '../x',
    '1;rm',
    '',
    ' 1',
    '1 ',
    '0',
    '01',
    '-1',
    '+1',
    '1e3',
    '1.0',
    '12/..',
    '1\n2',
    '1234567890',
  ]) {
    assert.throws(
      () => parsePullRequest(bad),
      (error: Error) =>
        error instanceof UsageError &&
        error.message.includes(`--pr ${JSON.stringify(bad)}`) &&
        error.message.includes('e.g. --pr 123'),
      JSON.stringify(bad),
    );
  }
  assert.throws(() => parsePullRequest(undefined), /--pr is missing: give the pull request number/);
});

test('a commit is 7 to 40 hex digits, kept in lower case', () => {
  assert.equal(parseSha('ABCDEF1'), 'abcdef1');
  assert.equal(parseSha('f5c34dc58b39c7e7f49baba2aea90155071d31d2').length, 40);
  for (const bad of ['', 'abc', 'g123456', 'abcdef1;rm', 'a'.repeat(41), '../abcdef1']) {
    assert.throws(
      () => parseSha(bad),
      /--sha .* is not a commit id: give 7 to 40 hexadecimal digits/,
      bad,
    );
  }
  assert.throws(() => parseSha(undefined), /--sha is missing/);
});

test('targets: dir:PATH and s3://BUCKET[/PREFIX], described as written', () => {
  assert.deepEqual(parseTarget('dir:/srv/previews'), { kind: 'dir', path: '/srv/previews' });
  assert.deepEqual(parseTarget('dir:relative/folder'), { kind: 'dir', path: 'relative/folder' });
  assert.deepEqual(parseTarget('s3://bucket'), { kind: 's3', bucket: 'bucket', prefix: '' });
  assert.deepEqual(parseTarget('s3://my.bucket-1/a/b/'), {
    kind: 's3',
    bucket: 'my.bucket-1',
    prefix: 'a/b',
  });
  assert.equal(describeTarget(parseTarget('s3://bucket/a/b')), 's3://bucket/a/b');
  assert.equal(describeTarget(parseTarget('s3://bucket')), 's3://bucket');
  assert.equal(describeTarget(parseTarget('dir:/x')), 'dir:/x');
});

test('targets that are not one, or whose prefix could escape, are refused with the fix', () => {
  const cases: Array<[string | undefined, RegExp]> = [
    [undefined, /--to is missing: give dir:PATH/],
    ['', /--to is missing/],
    ['dir:', /names no folder: write dir:PATH/],
    [
      'ftp://x',
      /is not a target: give dir:PATH \(a folder, e\.g\. dir:\/srv\/previews\) or s3:\/\/BUCKET/,
    ],
    ['/srv/previews', /is not a target/],
    ['s3://', /"" is not a bucket name/],
    ['s3://UPPER', /"UPPER" is not a bucket name/],
    ['s3://a..b', /is not a bucket name/],
    ['s3://bucket/../other', /the prefix segment "\.\." is not allowed/],
    ['s3://bucket/a//b', /the prefix segment "" is not allowed/],
    ['s3://bucket/./a', /the prefix segment "\." is not allowed/],
    ['s3://bucket/a;rm', /the prefix segment "a;rm" is not allowed/],
  ];
  for (const [value, message] of cases) {
    assert.throws(
      () => parseTarget(value),
      (error: Error) => error instanceof UsageError && message.test(error.message),
      String(value),
    );
  }
  assert.throws(() => parseTarget(undefined, '--from'), /--from is missing/);
});

test('a preview prefix ends with a slash, so pr-1 never covers pr-12', () => {
  const target = { kind: 's3', bucket: 'b', prefix: 'previews' } as const;
  assert.equal(previewKeyPrefix(target, 1), 'previews/pr-1/');
  assert.equal('previews/pr-12/index.html'.startsWith(previewKeyPrefix(target, 1)), false);
  assert.equal(previewKeyPrefix({ ...target, prefix: '' }, 7), 'pr-7/');
  assert.equal(hostKeyPrefix(target), 'previews/');
  assert.equal(hostKeyPrefix({ ...target, prefix: '' }), '');
});

test('only pr-N folders are previews', () => {
  assert.equal(pullRequestOfFolder('pr-12'), 12);
  for (const name of ['pr-', 'pr-0', 'pr-01', 'pr-1x', '.versions', 'index.html', 'pr-1/']) {
    assert.equal(pullRequestOfFolder(name), undefined, name);
  }
});
