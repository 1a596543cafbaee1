// Module hooks for count-parses.mjs: `satteri` resolves to a generated wrapper around the real
// module whose page parsers log each call; lasting-links' redirect planner logs each plan it makes.
const WRAPPER = 'count-parses:satteri';
const PARSERS = [
  'mdxToMdast',
  'markdownToMdast',
  'mdxToHast',
  'markdownToHast',
  'mdxToJs',
  'markdownToJs',
  'markdownToHtml',
  'createMdxMdastHandle',
  'createMdastHandle',
  'createMdxHastHandle',
  'createHastHandle',
];

export async function resolve(specifier, context, next) {
  if (specifier === 'satteri' && context.parentURL !== WRAPPER) {
    const real = await next(specifier, context);
    return { url: `${WRAPPER}?${encodeURIComponent(real.url)}`, shortCircuit: true };
  }
  return next(specifier, context);
}

/** The module that plans the redirect map, and the line that logs each plan (with its entry count). */
const PLANNER = '/lib/redirects/plan-redirects.ts';
const LOG_PLANS = `
import { appendFileSync as appendPlanLog } from 'node:fs';
{
  const plan = planRedirects;
  planRedirects = function (entries, ...rest) {
    if (process.env.PARSE_LOG) appendPlanLog(process.env.PARSE_LOG, 'planRedirects\\t' + entries.length + '\\n');
    return plan(entries, ...rest);
  };
}
`;

export async function load(url, context, next) {
  if (url.startsWith('file:') && url.endsWith(PLANNER)) {
    // A function declaration's binding can be reassigned in its module; the export follows it.
    const loaded = await next(url, context);
    return { ...loaded, source: `${String(loaded.source)}\n${LOG_PLANS}` };
  }
  if (!url.startsWith(`${WRAPPER}?`)) return next(url, context);
  const real = JSON.stringify(decodeURIComponent(url.slice(WRAPPER.length + 1)));
  const wrapped = PARSERS.map(
    (name) =>
      `export function ${name}(source, ...rest) { log(${JSON.stringify(name)}, source); return real.${name}(source, ...rest); }`,
  ).join('\n');
  return {
    format: 'module',
    shortCircuit: true,
    source: `import * as real from ${real};
import { appendFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
export * from ${real};
function log(name, source) {
  if (typeof source !== 'string' || !process.env.PARSE_LOG) return;
  appendFileSync(process.env.PARSE_LOG, name + '\\t' + createHash('sha1').update(source).digest('hex') + '\\n');
}
${wrapped}
`,
  };
}
