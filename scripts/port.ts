/**
 * The port a server command listens on, and what it says when that port is taken. A newcomer's
 * first `npm start` often meets a port another program holds; the answer is one line naming
 * `PORT`, the setting that fixes it, never Node's stack trace for `EADDRINUSE`.
 */
import { createServer, type Server } from 'node:http';

/** `PORT` as a port number, else `fallback`; anything else is refused in one line. */
export function portFromEnvironment(fallback: number): number {
  const written = process.env['PORT'];
  if (written === undefined || written === '') return fallback;
  const port = Number(written);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(
      `PORT="${written}" is not a port number: write one from 1 to 65535, e.g. PORT=8081`,
    );
    process.exit(2);
  }
  return port;
}

/**
 * The one line for a port another program holds: which port, and how to choose another,
 * spelled as the command the reader ran (`npm start`, `npm run serve`).
 */
export function portTakenMessage(port: number, host: string): string {
  const script = process.env['npm_lifecycle_event'];
  const command = !script ? 'the command' : script === 'start' ? 'npm start' : `npm run ${script}`;
  return `Port ${port} on ${host} is already in use: stop the program using it, or choose another port with PORT, e.g. PORT=${port + 1} ${command}`;
}

/** Whether an error is the operating system saying the address is taken. */
export function isPortTaken(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * Starts `server` on `port`; a taken port prints `portTakenMessage` and exits with status 1
 * (any other listen error is thrown as it is).
 */
export async function listenOrExplain(server: Server, port: number, host: string): Promise<void> {
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if (!isPortTaken(error)) throw error;
    console.error(portTakenMessage(port, host));
    process.exit(1);
  }
}

/**
 * For servers that are not Node's (nginx, s3rver): checks that `port` is free by holding it for a
 * moment, so a taken port gets the same one line instead of the other program's retries and errors.
 */
export async function exitIfPortTaken(port: number, host: string): Promise<void> {
  if (port === 0) return; // the system picks a free one
  const probe = createServer();
  await listenOrExplain(probe, port, host);
  await new Promise<void>((resolve) => probe.close(() => resolve()));
}
