/**
 * A large nginx access log written to a file as it is generated, for the memory test and the
 * `bench:traffic` benchmark: readers on live pages, readers' 404s on a fixed set of old
 * addresses, scanners' probes, missing assets, bots, and a trickle of one-off random paths.
 * Deterministic for a given size.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { seededRandom } from '../../../bench/support/seeded-text.ts';
import { ASSETS, BOTS, BROWSERS, PROBES, nginxLine } from './log-lines.ts';

/** Writes about `bytes` of log to `file`; resolves with the lines written. */
export async function writeLargeLog(
  file: string,
  bytes: number,
  pages: readonly string[],
  oldPaths: readonly string[],
): Promise<number> {
  const rand = seededRandom(2026);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const out = createWriteStream(file);
  const start = Date.UTC(2026, 9, 1);
  let written = 0;
  let lines = 0;
  while (written < bytes) {
    // Batches of lines, so the generator is not the slow part of the benchmark.
    const batch: string[] = [];
    for (let n = 0; n < 2000; n += 1) {
      const roll = rand();
      const time = start + Math.floor((lines / 5000) * 1000) + n;
      const agent = roll < 0.85 ? pick(BROWSERS) : pick(BOTS);
      let path: string;
      let status = 200;
      if (roll < 0.7) path = pick(pages);
      else if (roll < 0.78) [path, status] = [pick(oldPaths), 404];
      else if (roll < 0.8) [path, status] = [pick(PROBES), 404];
      else if (roll < 0.85) [path, status] = [pick(ASSETS), 404];
      else if (roll < 0.851)
        [path, status] = [`/r/${Math.floor(rand() * 1e9).toString(36)}.html`, 404];
      else path = pick(pages);
      batch.push(nginxLine({ path, status, time, userAgent: agent, ip: `203.0.113.${n % 250}` }));
    }
    lines += batch.length;
    const text = `${batch.join('\n')}\n`;
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return lines;
}
