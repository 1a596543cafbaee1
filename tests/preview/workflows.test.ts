/**
 * The GitHub Actions workflows: each one passes action-validator (the schema GitHub applies), and
 * the preview's security shape holds: the build of untrusted code has no secrets and may only
 * read; the publishing and cleanup runs never check out the pull request's code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './support/commands.ts';

const WORKFLOWS = join(projectRoot, '.github/workflows');
const VALIDATOR = join(projectRoot, 'node_modules/.bin/action-validator');

function validate(file: string): { status: number | null; output: string } {
  const run = spawnSync(VALIDATOR, [file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  name: string;
  on: Record<string, { types?: string[]; workflows?: string[] } | null>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
}

const read = (name: string) => {
  const text = readFileSync(join(WORKFLOWS, name), 'utf8');
  return { text, workflow: parse(text) as Workflow };
};
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);

test('every workflow passes action-validator', () => {
  const files = readdirSync(WORKFLOWS).filter((file) => /\.ya?ml$/.test(file));
  assert.deepEqual(files.sort(), [
    'ci.yml',
    'deploy.yml',
    'preview-cleanup.yml',
    'preview-publish.yml',
    'preview.yml',
  ]);
  for (const file of files) {
    const { status, output } = validate(join(WORKFLOWS, file));
    assert.equal(status, 0, `${file}:\n${output}`);
  }
});

test('action-validator rejects a workflow GitHub would reject', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'docs-workflow-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const broken = join(dir, 'broken.yml');
  writeFileSync(
    broken,
    'name: Broken\non: [push]\njobs:\n  x:\n    runs-on: ubuntu-latest\n    stepz:\n      - run: true\n',
  );
  assert.notEqual(validate(broken).status, 0);
});

test('CI runs the whole suite on every push and pull request, keeping the report on failure', () => {
  const { workflow } = read('ci.yml');
  assert.ok('push' in workflow.on && 'pull_request' in workflow.on);
  const all = steps(workflow);
  assert.ok(all.some((step) => step.run === 'bash .ci/run'));
  const upload = all.find((step) => step.uses?.startsWith('actions/upload-artifact@'));
  assert.equal(upload?.if, 'failure()');
  assert.match(String(upload.with?.['path']), /playwright-report/);
});

test('the preview build runs untrusted code without secrets, one run per pull request', () => {
  const { text, workflow } = read('preview.yml');
  assert.deepEqual(workflow.on['pull_request']?.types, ['opened', 'synchronize', 'reopened']);
  assert.deepEqual(workflow.permissions, { contents: 'read' });
  assert.doesNotMatch(text, /secrets\./, 'no secret is named');
  assert.match(workflow.concurrency.group, /github\.event\.pull_request\.number/);
  assert.equal(workflow.concurrency['cancel-in-progress'], true);
  assert.ok(steps(workflow).some((step) => step.run?.includes('npm run preview:build --')));
  // Values from the event reach commands through the environment, never pasted into scripts.
  for (const step of steps(workflow)) assert.doesNotMatch(step.run ?? '', /\$\{\{/, step.run);
});

test('publishing runs after the build, from trusted code, and keeps one comment', () => {
  const build = read('preview.yml').workflow;
  const { workflow } = read('preview-publish.yml');
  assert.deepEqual(workflow.on['workflow_run']?.workflows, [build.name]);
  assert.equal(workflow.permissions['pull-requests'], 'write');
  assert.equal(workflow.permissions['contents'], 'read');
  const all = steps(workflow);
  const checkouts = all.filter((step) => step.uses?.startsWith('actions/checkout@'));
  assert.equal(checkouts.length, 1);
  assert.equal(
    checkouts[0]?.with?.['ref'],
    undefined,
    'the default branch, never the pull request',
  );
  const download = all.find((step) => step.uses?.startsWith('actions/download-artifact@'));
  assert.equal(download?.with?.['run-id'], '${{ github.event.workflow_run.id }}');
  assert.ok(
    all.some((step) => /npm run preview:publish -- .*--dist preview\/site/.test(step.run ?? '')),
  );
  assert.ok(
    all.some((step) => /gh api "repos\/\$REPO\/pulls\/\$pr"/.test(step.run ?? '')),
    'the number is checked',
  );
  assert.ok(
    all.some((step) => /-X PATCH .*issues\/comments/.test(step.run ?? '')),
    'the comment is updated',
  );
  assert.equal(workflow.concurrency['cancel-in-progress'], false);
  for (const step of all) assert.doesNotMatch(step.run ?? '', /\$\{\{/, step.run);
});

test('closing a pull request removes its preview, in the same group as its publishes', () => {
  const { workflow } = read('preview-cleanup.yml');
  assert.deepEqual(workflow.on['pull_request_target']?.types, ['closed']);
  const all = steps(workflow);
  assert.equal(
    all.find((step) => step.uses?.startsWith('actions/checkout@'))?.with?.['ref'],
    undefined,
  );
  assert.ok(
    all.some((step) => step.run === 'npm run preview:remove -- --pr "$PR" --to "$PREVIEW_TARGET"'),
  );
  const publish = read('preview-publish.yml').workflow;
  const normalise = (group: string) =>
    group
      .replace('github.event.workflow_run.head_repository.full_name', 'REPO')
      .replace('github.event.workflow_run.head_branch', 'BRANCH')
      .replace('github.event.pull_request.head.repo.full_name', 'REPO')
      .replace('github.event.pull_request.head.ref', 'BRANCH');
  assert.equal(normalise(workflow.concurrency.group), normalise(publish.concurrency.group));
});

test("every push to the default branch publishes production, one deploy at a time, with the previews' store credentials", () => {
  const { workflow } = read('deploy.yml');
  assert.deepEqual((workflow.on['push'] as { branches?: string[] } | null)?.branches, ['main']);
  assert.deepEqual(workflow.permissions, { contents: 'read' });
  assert.equal(workflow.concurrency['cancel-in-progress'], false);
  const all = steps(workflow);
  assert.ok(all.some((step) => step.run === 'npm run build'));
  const publish = all.find((step) =>
    step.run?.startsWith('npm run deploy -- --to "$PRODUCTION_TARGET"'),
  );
  assert.ok(publish, 'the build is published');
  assert.equal(publish.env?.['AWS_ACCESS_KEY_ID'], '${{ secrets.PREVIEW_AWS_ACCESS_KEY_ID }}');
  assert.equal(
    publish.env['AWS_SECRET_ACCESS_KEY'],
    '${{ secrets.PREVIEW_AWS_SECRET_ACCESS_KEY }}',
  );
  for (const step of all) assert.doesNotMatch(step.run ?? '', /\$\{\{/, step.run);
});
