/**
 * Running a README command in a copy of the project: to its end, or, for a server, until it
 * answers, and then stopped with everything it started. A server runs in a process group of its
 * own, so stopping it stops npm, the shell and the server under them; a watchdog stops the group
 * when this test process is gone, however it ended.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** What a finished command printed, and its exit status. */
export interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

const quiet = { NO_COLOR: '1', FORCE_COLOR: '0', CI: '' };

/** Runs `command` through the shell in `cwd` and waits for it to end. */
export function runToEnd(
  command: string,
  cwd: string,
  env: Record<string, string> = {},
  timeoutMs = 300_000,
): Finished {
  const result = spawnSync(command, {
    cwd,
    shell: true,
    encoding: 'utf8',
    env: { ...process.env, ...quiet, ...env },
    timeout: timeoutMs,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Holds a port, as another program would, until `release()`. */
export async function holdPort(): Promise<{ port: number; release: () => Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    release: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A server started by a README command; `stop()` ends its whole process group. */
export interface Running {
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts `command` as a server in its own process group, stopped when this process ends. */
export function startServer(
  command: string,
  cwd: string,
  env: Record<string, string> = {},
): Running {
  const child: ChildProcess = spawn(command, {
    cwd,
    shell: true,
    detached: true,
    env: { ...process.env, ...quiet, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const group = child.pid!;
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null && kill -0 -"$2" 2>/dev/null; do sleep 1; done; kill -TERM -"$2" 2>/dev/null',
      'watchdog',
      String(process.pid),
      String(group),
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    stop: async () => {
      try {
        process.kill(-group, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
      // npm and the shell may end before the server under them: wait for the whole group.
      for (let i = 0; i < 100 && groupAlive(group); i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      if (groupAlive(group)) process.kill(-group, 'SIGKILL');
    },
  };
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until `url` answers with `status` (or any status when none is given), or fails with
 * what the server printed so far.
 */
export async function waitForAnswer(
  url: string,
  server: Running,
  { status, timeoutMs = 180_000 }: { status?: number; timeoutMs?: number } = {},
): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { redirect: 'manual' });
      if (status === undefined || response.status === status) return response;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer (${last}); the server printed:\n${server.output()}`);
}
