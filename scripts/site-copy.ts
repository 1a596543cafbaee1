/**
 * A copy of this project's code in another folder, for a site whose content is generated (the
 * scale test site, the build benchmark): the code and settings as they are, sharing this
 * project's node_modules, with an Astro cache of its own so builds of the two never mix, and
 * without what belongs to this project's own content: the site-wide announcement, which links
 * into the HA guide. The caller writes `content/`.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What is copied besides `content/terms.yaml` (the docs lint's and the titles' vocabulary). */
const CODE = [
  'astro.config.mjs',
  'package.json',
  'tsconfig.json',
  'src',
  'public',
  'scripts',
  'packages',
];

/** Replaces `dir` with a copy of the project at `projectRoot`, ready for generated content. */
export function copyProjectCode(projectRoot: string, dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'content'), { recursive: true });
  for (const entry of CODE) cpSync(join(projectRoot, entry), join(dir, entry), { recursive: true });
  cpSync(join(projectRoot, 'content', 'terms.yaml'), join(dir, 'content', 'terms.yaml'));
  edit(join(dir, 'astro.config.mjs'), (text) =>
    text.replace(
      'export default defineConfig({',
      "export default defineConfig({\n  cacheDir: './.cache/astro',",
    ),
  );
  edit(join(dir, 'src', 'config.ts'), (text) =>
    text.replace(/\n {2}announcement: \{[\s\S]*?\n {2}\} as /, '\n  announcement: undefined as '),
  );
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
}

/** Rewrites a file, failing loudly when the change finds nothing to change. */
function edit(file: string, change: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = change(before);
  if (after === before)
    throw new Error(`${file}: the copy could not be adapted; the file has changed shape`);
  writeFileSync(file, after);
}
