#!/usr/bin/env node
// The `lasting-links` command. Installed from the registry, Node runs the compiled JavaScript in
// `dist/` (Node does not strip types inside node_modules); in a checkout of the package's own
// sources, it runs the TypeScript in `src/` directly, so the command is never stale.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `lasting-links needs Node.js 22.12 or later, as Astro 7 does; this is Node.js ${process.versions.node}.`,
  );
  process.exit(2);
}
// CI runs the command on every pull request: reusing compiled code across runs halves start-up.
module.enableCompileCache();
const source = new URL('../src/cli/main.ts', import.meta.url);
const installed = fileURLToPath(import.meta.url).includes('/node_modules/');
await import(installed || !existsSync(source) ? '../dist/cli/main.js' : source.href);
