/**
 * Every command the README gives a newcomer works as written, in the README's order, on a fresh
 * copy of the project (the files a clone holds: no build, no Astro types, no caches): the
 * commands of "Set up on a fresh machine", then each script of the "npm scripts" table.
 *
 * How each is proven, when it is not simply run to its end:
 * - servers (`npm start`, `dev`, `manual`, `serve`, `serve:previews`, `serve:s3`, `serve:nginx`) are
 *   started on a free port, must answer, and are stopped with everything they started;
 *   `npm start` is also run with its port taken, and must answer with one line naming `PORT`;
 * - `npm ci` is a dry run on the lock file (an install needs the registry and a minute; the
 *   project's own `node_modules`, installed by `npm ci`, then stands in for it);
 * - `bash .ci/run` is `npm ci && npm test` plus two Debian packages: it cannot run inside the
 *   `npm test` it runs, so its syntax and its two commands are checked;
 * - a script that is exactly a stage of `npm test` (the test runners, the type check, the format
 *   check, the builds for the `/` and `/pr-123/` bases, the scale site, the authoring manual's
 *   build) is proven by that stage of this same run, not run twice; so is `npm run format`, the
 *   format check's command with `--write` for `--check`;
 * - the benchmarks, `scale:build` and `preview:build` answer `--help` (each takes from a build to
 *   tens of minutes; `preview:publish`, run here, builds a preview the same way), and
 *   `bench:weight` measures the build without installing Starlight (`--no-starlight`);
 * - `npm run lint:code` is `astro sync` and the code-lint stage's `eslint .`: the sync runs in a
 *   second fresh copy that no build has touched (a clone's first command may be the lint), and
 *   must write the content types the type-aware lint reads.
 * A command the README adds without a check here fails the first test.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { npmScriptCommands, setUpCommands } from './support/commands.ts';
import { freshCopy, projectRoot } from './support/fresh-copy.ts';
import {
  freePort,
  holdPort,
  runToEnd,
  startServer,
  waitForAnswer,
  type Finished,
} from './support/processes.ts';
import { stages } from '../../scripts/test-stages.ts';

const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
const scripts = (
  JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts;
const guide = 'administration-guide/scale/high-availability/';

const copy = freshCopy('readme-commands-');
const scratch = mkdtempSync(join(tmpdir(), 'readme-scratch-'));
const previews = join(scratch, 'previews');
after(() => {
  copy.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** Fails with everything the command printed unless it exited 0. */
function expectSuccess(command: string, result: Finished): void {
  assert.equal(
    result.status,
    0,
    `${command} exited ${result.status}:\n${result.stdout}\n${result.stderr}`,
  );
}

/** Runs `command` (with `extra` appended) in the copy; it must exit 0. */
function runs(extra = '', env: Record<string, string> = {}) {
  return (command: string) => {
    const result = runToEnd(`${command}${extra}`, copy.dir, env);
    expectSuccess(`${command}${extra}`, result);
    return result;
  };
}

/**
 * Starts a server command on a free port; `path` must answer 200; then it is stopped. Returns
 * what it printed.
 */
function serves(path: string, { extra = '', portFlag = false } = {}) {
  return async (command: string) => {
    const port = await freePort();
    const written = portFlag
      ? `${command}${extra} -- --port ${port} --host 127.0.0.1`
      : `${command}${extra}`;
    const server = startServer(written, copy.dir, { PORT: String(port) });
    try {
      await waitForAnswer(`http://127.0.0.1:${port}/${path}`, server, { status: 200 });
    } finally {
      await server.stop();
    }
    return server.output();
  };
}

/** The script is exactly a stage of `npm test`, which runs it whole in this same run. */
function isStage(script: string) {
  return () => {
    const command = scripts[script];
    assert.ok(command, `package.json has no script ${script}`);
    const stage = stages.find((candidate) => candidate.command === command);
    assert.ok(
      stage,
      `npm run ${script} (${command}) is not a stage of npm test: give it a check here`,
    );
  };
}

const checks: Record<string, (command: string) => unknown> = {
  'npm ci': () => {
    // Before node_modules exists in the copy, as in a clone.
    expectSuccess(
      'npm ci --dry-run',
      runToEnd('npm ci --dry-run --offline --ignore-scripts --no-audit --no-fund', copy.dir),
    );
    copy.linkModules();
  },
  'npm start': async (command) => {
    // It builds the clean copy, then serves the build.
    const output = await serves(guide)(command);
    assert.ok(existsSync(join(copy.dir, 'dist', guide, 'index.html')));
    assert.doesNotMatch(output, /\n\s+at .+:\d+:\d+\)?\n/);
    // A clean checkout's warnings are the pages' (the docs lint): the build says they are expected.
    if (/\bwarning\b/.test(output))
      assert.match(output, /The build succeeded\. The warnings above are advice/);
  },
  'bash .ci/run': () => {
    expectSuccess('bash -n .ci/run', runToEnd('bash -n .ci/run', copy.dir));
    const ci = readFileSync(join(copy.dir, '.ci/run'), 'utf8');
    assert.match(ci, /^npm ci --no-audit --no-fund$/m);
    assert.match(ci, /^npm test$/m);
  },
  'npm run dev': serves('', { portFlag: true }),
  // `npm start` built the copy's dist/ just before (`deploy` and `check` below read it), and the
  // build stage of this run is `npm run build` itself.
  'npm run build': isStage('build'),
  'npm run build:preview': isStage('build:preview'),
  'npm run preview:publish': (command) => {
    runs(` -- --pr 1 --sha 0123456 --to dir:${previews}`)(command);
    assert.ok(existsSync(join(previews, 'pr-1', guide, 'index.html')));
  },
  'npm run preview:build': runs(' -- --help'),
  'npm run preview:remove': (command) => {
    runs(` -- --pr 1 --to dir:${previews}`)(command);
    assert.ok(!existsSync(join(previews, 'pr-1')));
  },
  'npm run deploy': (command) => {
    // After `npm run build`, as the README orders them: the site in a folder, swapped in.
    runs(` -- --to dir:${join(scratch, 'site')}`)(command);
    assert.ok(existsSync(join(scratch, 'site', guide, 'index.html')));
    assert.ok(existsSync(join(scratch, 'site', '_published.json')));
  },
  'npm run serve:previews': serves('', { extra: ` -- --from dir:${previews}` }),
  'npm run serve:s3': async (command) => {
    const port = await freePort();
    const server = startServer(command, copy.dir, {
      PORT: String(port),
      S3_DATA_DIR: join(scratch, 's3'),
    });
    try {
      await waitForAnswer(`http://127.0.0.1:${port}/`, server);
    } finally {
      await server.stop();
    }
  },
  'npm run serve': serves(guide),
  'npm run manual': serves('writing/', { portFlag: true }),
  'npm run manual:build': isStage('manual:build'),
  'npm test': (command) => {
    // This is that run: here only its start and its last line, with no stage chosen.
    const result = runs(' -- "no stage has this name"')(command);
    assert.match(result.stdout, /^0 passed, 0 failed$/m);
  },
  'npm run test:unit': isStage('test:unit'),
  'npm run test:content': isStage('test:content'),
  'npm run test:preview': isStage('test:preview'),
  'npm run test:e2e': (command) => {
    isStage('test:e2e')();
    const listed = runs(' -- --list')(command);
    assert.match(listed.stdout, /Total: \d+ tests/);
  },
  'npm run check:workflows': runs(),
  'npm run check:types': (command) => {
    isStage('check:types')();
    runs(' -- --help')(command);
  },
  'npm run lint:docs': runs(),
  'npm run check': runs(),
  'npm run redirects:import': runs(' -- --help'),
  'npm run moves': runs(),
  'npm run format': () => {
    // `prettier --write .`: the format stage of this run is `prettier --check .` over the same
    // files with the same settings, so it proves there is nothing to write and that it runs.
    isStage('check:format')();
    assert.equal(scripts['format'], scripts['check:format']?.replace('--check', '--write'));
  },
  'npm run check:format': isStage('check:format'),
  'npm run lint:code': () => {
    // `astro sync && eslint .`: the lint itself is the code-lint stage of this run (after a build);
    // what a clone that lints first adds is the sync, run here where no build has been.
    const lintStage = stages.find((stage) => stage.name.startsWith('code lint'));
    assert.equal(scripts['lint:code'], `astro sync && ${lintStage?.command}`);
    const untouched = freshCopy('readme-lint-');
    try {
      untouched.linkModules();
      assert.ok(!existsSync(join(untouched.dir, '.astro')), 'the copy has no Astro types yet');
      expectSuccess('astro sync', runToEnd('npx astro sync', untouched.dir));
      assert.ok(
        existsSync(join(untouched.dir, '.astro/content.d.ts')),
        'astro sync wrote the content types the type-aware lint reads',
      );
    } finally {
      untouched.remove();
    }
  },
  'npm run check:unused': runs(),
  'npm run serve:nginx': serves(guide),
  'npm run scale:build': (command) => {
    isStage('scale:build')();
    runs(' -- --help')(command);
  },
  'npm run bench:build': runs(' -- --help'),
  'npm run bench:traffic': runs(' -- --help'),
  'npm run bench': runs(' -- --help'),
  'npm run bench:weight': runs(' -- --no-starlight'),
  'npm run weight': runs(),
  'npm run screenshots': (command) => {
    const out = join(scratch, 'screenshots');
    runs(` -- --out ${out}`)(command);
    assert.ok(existsSync(join(out, 'home-top-mobile-light.png')));
  },
};

/** The README's commands, each once, in the order a newcomer meets them. */
const commands = [...new Set([...setUpCommands(readme), ...npmScriptCommands(readme)])];

test('every command of the README has a check here, and every check a command', () => {
  assert.ok(commands.length > 20, `found only ${commands.length} commands in README.md`);
  assert.deepEqual(
    commands.filter((command) => !(command in checks)),
    [],
    'commands of the README without a check',
  );
  assert.deepEqual(
    Object.keys(checks).filter((command) => !commands.includes(command)),
    [],
    'checks of commands the README no longer gives',
  );
});

for (const command of commands) {
  const check = checks[command];
  if (!check) continue; // reported by the test above
  test(command, async () => {
    await check(command);
  });
  if (command === 'npm start') {
    test('npm start with its port taken answers with one line naming PORT, before building', async () => {
      const taken = await holdPort();
      try {
        const result = runToEnd(command, copy.dir, { PORT: String(taken.port) }, 60_000);
        assert.equal(result.status, 1);
        // npm's own header (`> name@version start`) is npm's; everything else is the command's.
        const lines = `${result.stdout}\n${result.stderr}`
          .split('\n')
          .filter(
            (line) => line.trim() !== '' && !line.startsWith('> ') && !line.startsWith('npm '),
          );
        assert.equal(lines.length, 1, `expected one line, got:\n${lines.join('\n')}`);
        assert.match(lines[0]!, new RegExp(`Port ${taken.port} .*PORT=`));
        assert.doesNotMatch(lines[0]!, /EADDRINUSE|node:|\bat\b.*:\d+/);
      } finally {
        await taken.release();
      }
    });
  }
}
