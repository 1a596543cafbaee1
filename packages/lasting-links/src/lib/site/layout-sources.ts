/**
 * The project's files that are not page sources but may write links into every page: layouts,
 * components and settings under Astro's `srcDir` (the docs folder left out), and the Astro config
 * itself (Starlight's sidebar and social links live there).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LayoutSource } from '../links/site-wide-links.ts';

const LAYOUT_EXTENSIONS = /\.(astro|[cm]?[jt]sx?|json|ya?ml)$/;
const ASTRO_CONFIG = /^astro\.config\.[cm]?[jt]s$/;

/** Every layout source of the project at `root`; `srcDir` and `contentDir` are relative to it. */
export function readLayoutSources(
  root: string,
  srcDir: string,
  contentDir: string,
): LayoutSource[] {
  const content = contentDir.replace(/\/+$/, '') + '/';
  const files: string[] = [];
  try {
    for (const name of readdirSync(join(root, srcDir), { recursive: true, encoding: 'utf8' })) {
      const file = `${srcDir.replace(/\/+$/, '')}/${name.split('\\').join('/')}`;
      if (LAYOUT_EXTENSIONS.test(file) && !file.startsWith(content)) files.push(file);
    }
  } catch {
    // No srcDir: only the config can write links.
  }
  for (const name of readdirSync(root)) if (ASTRO_CONFIG.test(name)) files.push(name);
  return files.sort().flatMap((file) => {
    try {
      return [{ file, text: readFileSync(join(root, file), 'utf8') }];
    } catch {
      return [];
    }
  });
}
