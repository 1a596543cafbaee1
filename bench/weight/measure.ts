/**
 * What one built page costs a reader on first load, gzip-compressed: its HTML, its
 * stylesheets, and its eager JavaScript (inline scripts plus module scripts and everything they
 * import statically). Search is not eager on either site measured here: its client and index
 * load only when search is opened, and dynamic `import()` is not followed.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';

/** Sizes in bytes, gzip level 9. */
export interface PageWeight {
  html: number;
  css: number;
  cssFiles: number;
  /** Inline scripts (travelling inside the HTML) plus eager module files. */
  eagerJs: number;
  inlineJs: number;
  inlineScripts: number;
  moduleJs: number;
  moduleFiles: number;
  /** HTML + CSS + module files: everything a first visit downloads before search is used. */
  total: number;
}

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

/** Weighs the page at `sitePath` of the site built into `distDir` with base `base`. */
export function pageWeight(distDir: string, sitePath: string, base = '/'): PageWeight {
  const fileOf = (url: string) => {
    const path = url.split(/[?#]/)[0]!;
    return join(distDir, path.startsWith(base) ? path.slice(base.length) : path);
  };
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

  /** Follows static `import … from "./x.js"` and `import "./x.js"`; dynamic `import()` is lazy and skipped. */
  const eagerModules = (entries: string[]): string[] => {
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
  };

  const modules = eagerModules(moduleScripts);
  const css = styles.reduce((n, href) => n + gz(readFileSync(fileOf(href))), 0);
  const moduleJs = modules.reduce((n, url) => n + gz(readFileSync(fileOf(url))), 0);
  const inlineJs = gz(inlineScripts.join('\n'));
  const htmlBytes = gz(html);
  return {
    html: htmlBytes,
    css,
    cssFiles: styles.length,
    eagerJs: inlineJs + moduleJs,
    inlineJs,
    inlineScripts: inlineScripts.length,
    moduleJs,
    moduleFiles: modules.length,
    total: htmlBytes + css + moduleJs,
  };
}

/** `12.3 KB`. */
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
