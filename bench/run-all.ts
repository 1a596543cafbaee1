/**
 * `npm run bench`: runs every benchmark under bench/ (each `bench/<name>/run.ts`), one after
 * another so they do not compete for the CPU, and fails if any fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchDir = import.meta.dirname;
let failed = 0;
for (const name of readdirSync(benchDir).sort()) {
  const script = join(benchDir, name, 'run.ts');
  if (!existsSync(script)) continue;
  console.error(`\n== bench/${name} ==`);
  const result = spawnSync(process.execPath, [script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  if (result.status !== 0) failed += 1;
}
process.exitCode = failed > 0 ? 1 : 0;
