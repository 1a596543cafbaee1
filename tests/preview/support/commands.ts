/**
 * Running the preview commands as people and CI run them: as child processes, asynchronously,
 * so a test can read the host while a publish is under way.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../../..');

/** What a command printed and how it ended. */
export interface CommandResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `lasting-links preview <command>` (or `publish`) with `args`, in `env` (added to this process's), optionally under `shell` limits. */
export function runScript(
  script: 'preview-publish' | 'preview-remove' | 'preview-build' | 'publish',
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; fileSizeLimitKb?: number } = {},
): Promise<CommandResult> {
  const cwd = options.cwd ?? projectRoot;
  const command = [
    process.execPath,
    resolve(cwd, 'node_modules/lasting-links/bin/lasting-links.js'),
    ...(script === 'publish' ? ['publish'] : ['preview', script.replace('preview-', '')]),
    ...args,
  ];
  // `ulimit -f` makes every write past the limit fail: a disk that fills up mid-publish.
  const child =
    options.fileSizeLimitKb === undefined
      ? spawn(command[0]!, command.slice(1), { cwd, env: { ...process.env, ...options.env } })
      : spawn(
          'bash',
          ['-c', `ulimit -f ${options.fileSizeLimitKb} && exec "$@"`, 'limited', ...command],
          {
            cwd,
            env: { ...process.env, ...options.env },
          },
        );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) =>
    child.on('close', (status, signal) => done({ status, signal, stdout, stderr })),
  );
}
