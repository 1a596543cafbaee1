/**
 * Free TCP ports for the run's servers, chosen once by the runner and shared with its workers
 * through the environment (Playwright loads the config again in every worker, so a port picked
 * there would differ). Asking the system for port 0 means a server left behind by another run,
 * or any other program, never collides with this one.
 */
import { spawnSync } from 'node:child_process';

const PICK = `
const net = require('node:net');
const servers = Array.from({ length: Number(process.argv[1]) }, () => net.createServer());
Promise.all(servers.map((s) => new Promise((r) => s.listen(0, '127.0.0.1', () => r(s.address().port)))))
  .then((ports) => { console.log(ports.join(',')); servers.forEach((s) => s.close()); });
`;

/** `count` ports that were free a moment ago, the same in the runner and in every worker. */
export function freePorts(count: number, variable = 'DOCS_E2E_PORTS'): number[] {
  if (process.env[variable] === undefined) {
    const picked = spawnSync(process.execPath, ['-e', PICK, String(count)], { encoding: 'utf8' });
    if (picked.status !== 0) throw new Error(`cannot pick free ports: ${picked.stderr}`);
    process.env[variable] = picked.stdout.trim();
  }
  const ports = process.env[variable].split(',').map(Number);
  if (ports.length < count || ports.some((port) => !Number.isInteger(port) || port <= 0)) {
    throw new Error(`${variable}="${process.env[variable]}" does not list ${count} ports`);
  }
  return ports;
}
