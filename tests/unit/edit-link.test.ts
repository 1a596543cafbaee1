import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editRepository, editUrl, editUrlOf } from '../../src/data/edit-link.ts';
import { repositoryWebUrl } from 'lasting-links/theme';
import { ciRepositoryOf } from '../../src/lib/ci-repository.ts';

test('package.json repository forms become the repository’s web address', () => {
  for (const written of [
    'git+https://github.com/owner/docs.git',
    'https://github.com/owner/docs',
    'git@github.com:owner/docs.git',
    'git://github.com/owner/docs.git',
    'github:owner/docs',
    'owner/docs',
  ]) {
    assert.equal(repositoryWebUrl(written), 'https://github.com/owner/docs', written);
  }
  assert.equal(repositoryWebUrl('gitlab:group/docs'), 'https://gitlab.com/group/docs');
  assert.equal(repositoryWebUrl('not a repository'), undefined);
});

test('the setting wins, then the CI’s repository, then package.json; false turns the link off', () => {
  const field = {
    type: 'git',
    url: 'git+https://github.com/owner/mono.git',
    directory: 'sites/docs/',
  };
  assert.deepEqual(editRepository(undefined, undefined, field), {
    web: 'https://github.com/owner/mono',
    directory: 'sites/docs',
  });
  assert.deepEqual(editRepository(undefined, 'https://github.example/ci/repo', field), {
    web: 'https://github.example/ci/repo',
    directory: '',
  });
  assert.deepEqual(
    editRepository('https://git.example/set/', 'https://github.com/ci/repo', field),
    {
      web: 'https://git.example/set',
      directory: '',
    },
  );
  assert.equal(editRepository(false, 'https://github.com/ci/repo', field), undefined);
  assert.equal(editRepository(undefined, undefined, undefined), undefined);
});

test('the edit link opens the page’s own source file, inside the project’s folder', () => {
  const file = 'content/docs/writing/front-matter.mdx';
  assert.equal(
    editUrlOf({ web: 'https://github.com/owner/mono', directory: 'sites/docs' }, 'main', file),
    'https://github.com/owner/mono/edit/main/sites/docs/content/docs/writing/front-matter.mdx',
  );
  assert.equal(
    editUrlOf({ web: 'https://gitlab.com/group/docs', directory: '' }, 'main', file),
    'https://gitlab.com/group/docs/-/edit/main/content/docs/writing/front-matter.mdx',
  );
});

test('a site in a folder of the project (the authoring manual) links to its sources in that folder', () => {
  const settings = {
    editLink: { repository: 'https://github.com/owner/docs', branch: 'main' },
    ciRepository: undefined,
  };
  const file = 'content/docs/writing/front-matter.mdx';
  assert.equal(
    editUrl(file, { ...settings, siteDirectory: 'manual' }),
    'https://github.com/owner/docs/edit/main/manual/content/docs/writing/front-matter.mdx',
  );
  assert.equal(
    editUrl(file, { ...settings, siteDirectory: '' }),
    'https://github.com/owner/docs/edit/main/content/docs/writing/front-matter.mdx',
  );
});

test('GitHub Actions names the repository it builds', () => {
  assert.equal(
    ciRepositoryOf({ GITHUB_SERVER_URL: 'https://github.com/', GITHUB_REPOSITORY: 'o/r' }),
    'https://github.com/o/r',
  );
  assert.equal(ciRepositoryOf({ GITHUB_REPOSITORY: 'o/r' }), undefined);
});
