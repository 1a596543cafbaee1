/**
 * What one page costs a reader on first load, gzip-compressed: its HTML, its stylesheets, and its
 * eager JavaScript (inline scripts plus module scripts and everything they import statically).
 * Search is not counted as eager: its client and index load only when search is opened.
 *
 *   node scripts/page-weight.ts [dist] [site-path]
 */
import { readFileSync } from 'node:fs';
import { join, dirname, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

const distDir = process.argv[2] ?? 'dist';
const sitePath = process.argv[3] ?? '/administration-guide/scale/high-availability/deployment/';
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const fileOf = (url: string) => join(distDir, url.split(/[?#]/)[0]!);

const html = readFileSync(
  join(distDir, sitePath, sitePath.endsWith('/') ? 'index.html' : ''),
  'utf8',
);
const styles: string[] = [];
const moduleScripts: string[] = [];
const inlineScripts: string[] = [];
let inScript: { inline: boolean; json: boolean } | undefined;
let scriptText = '';
new Parser({
  onopentag(name, attrs) {
    if (name === 'link' && attrs['rel'] === 'stylesheet' && attrs['href'])
      styles.push(attrs['href']);
    if (name === 'script') {
      if (attrs['src']) moduleScripts.push(attrs['src']);
      inScript = { inline: !attrs['src'], json: (attrs['type'] ?? '').includes('json') };
      scriptText = '';
    }
  },
  ontext(text) {
    if (inScript) scriptText += text;
  },
  onclosetag(name) {
    if (name === 'script' && inScript?.inline && !inScript.json && scriptText.trim())
      inlineScripts.push(scriptText);
    if (name === 'script') inScript = undefined;
  },
}).end(html);

/** Follows static `import … from "./x.js"` and `import "./x.js"` through the bundle; dynamic `import()` is lazy and skipped. */
function eagerModules(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (url: string) => {
    if (seen.has(url)) return;
    seen.add(url);
    const code = readFileSync(fileOf(url), 'utf8');
    for (const match of code.matchAll(
      /(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+)["']/g,
    )) {
      visit(posix.join(dirname(url), match[1]!));
    }
  };
  entries.forEach(visit);
  return [...seen];
}

const modules = eagerModules(moduleScripts);
const cssBytes = styles.reduce((n, href) => n + gz(readFileSync(fileOf(href))), 0);
const externalJs = modules.reduce((n, url) => n + gz(readFileSync(fileOf(url))), 0);
// Inline scripts travel inside the HTML (and are counted there in the total); alone they are:
const inlineJs = gz(inlineScripts.join('\n'));
const htmlBytes = gz(html);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Page weight of ${sitePath} (gzip):`);
console.log(`  HTML        ${kb(htmlBytes)} (inline scripts included)`);
console.log(`  CSS         ${kb(cssBytes)} (${styles.length} file)`);
console.log(
  `  eager JS    ${kb(inlineJs + externalJs)} (${inlineScripts.length} inline script(s): ${kb(inlineJs)}; ${modules.length} module file(s): ${kb(externalJs)})`,
);
console.log(
  `  total       ${kb(htmlBytes + cssBytes + externalJs)} (search index and client excluded: loaded on demand)`,
);
