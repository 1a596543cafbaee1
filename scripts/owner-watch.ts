/**
 * Servers started for a test run end with it, however it ends. A run sets `DOCS_OWNER_PID` to
 * its own process id; a server started with it watches that process and stops when it is gone,
 * even when the run was killed outright and had no chance to stop its servers itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** The process that owns this server, when a test run started it. */
function ownerPid(): number | undefined {
  const pid = Number(process.env['DOCS_OWNER_PID']);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Calls `stop` once the owning run is gone (checked every second); does nothing without an owner. */
export function stopWithOwner(stop: () => void): void {
  const owner = ownerPid();
  if (owner === undefined) return;
  const timer = setInterval(() => {
    if (isAlive(owner)) return;
    clearInterval(timer);
    stop();
  }, 1000);
  timer.unref();
}

/**
 * For a child that cannot watch anything itself (nginx): a small shell loop that kills it when
 * the owning run or this process is gone, whichever goes first.
 */
export function killChildWithOwner(child: ChildProcess): void {
  const owner = ownerPid();
  if (owner === undefined || child.pid === undefined) return;
  const watchdog = spawn(
    'sh',
    [
      '-c',
      'while kill -0 "$1" 2>/dev/null && kill -0 "$2" 2>/dev/null && kill -0 "$3" 2>/dev/null; do sleep 1; done; kill "$3" 2>/dev/null',
      'watchdog',
      String(owner),
      String(process.pid),
      String(child.pid),
    ],
    { detached: true, stdio: 'ignore' },
  );
  watchdog.unref();
}
