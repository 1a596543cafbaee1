/**
 * Takes the lease on a preview and holds it until killed, as a publish that crashed would:
 *
 *   node hold-lease.ts TARGET PR TTL_MS
 *
 * Prints "held" once it holds the lease. The S3 store is read from the environment, as the
 * command reads it.
 */
import { commandEnvironment } from '../../../packages/lasting-links/src/cli/environment.ts';
import { parseTarget } from '../../../packages/lasting-links/src/lib/preview/options.ts';
import { openHost } from '../../../packages/lasting-links/src/publish/open-host.ts';
import { takeLease } from '../../../packages/lasting-links/src/publish/lease.ts';
import {
  PRODUCTION_SLOT,
  previewSlot,
} from '../../../packages/lasting-links/src/lib/preview/slot.ts';

const [to, pr, ttlMs] = process.argv.slice(2);
const host = await openHost(parseTarget(to), commandEnvironment(process.env).s3);
await takeLease(host, pr === 'production' ? PRODUCTION_SLOT : previewSlot(Number(pr)), {
  ttlMs: Number(ttlMs),
  waitMs: 0,
});
console.log('held');
setInterval(() => {}, 60_000);
