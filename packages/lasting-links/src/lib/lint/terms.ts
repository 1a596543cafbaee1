/**
 * The terms file (`content/terms.yaml`): names whose capitals are fixed, and terminology with
 * preferred and forbidden words. The docs lint reads it for sentence-case headings, capitals
 * in the middle of a sentence and terminology; anything else that needs the same vocabulary
 * (search synonyms, a spelling check) can read it through `parseTerms` too.
 *
 * The parser checks the shape strictly and names the file and line of the first mistake, so a
 * typo in the file never turns into a silently weaker lint.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';

/** A section where a forbidden word is accepted, because it is the real name of something. */
interface TermAllowance {
  /** Site path of the page (`/administration-guide/…/configuration-reference/`); any page when absent. */
  page?: string;
  /** Heading id of the section (`database-settings`), as in the page's URL fragment. */
  section: string;
  /** Why the word stays; shown to reviewers, required so that allowances stay rare. */
  reason: string;
}

/** One terminology rule: write `preferred`, never any of `forbidden`. */
export interface TermEntry {
  preferred: string;
  /** Matched as whole words, ignoring case; the exact `preferred` spelling never matches. */
  forbidden: string[];
  /** Why, shown in the lint message (optional). */
  reason?: string;
  allow: TermAllowance[];
  /** Line of the entry in the terms file. */
  line: number;
}

/** The parsed terms file. */
export interface Terms {
  /** Names and product names written exactly so, capitals included (`PostgreSQL`, `Amazon S3`). */
  properNouns: string[];
  terminology: TermEntry[];
}

/** A mistake in the terms file; `message` reads `file:line: what is wrong`. */
export class TermsFileError extends Error {
  readonly file: string;
  readonly line: number;
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'TermsFileError';
    this.file = file;
    this.line = line;
  }
}

/**
 * Parses the terms file's text. `file` is only used in error messages. Throws `TermsFileError`
 * on invalid YAML, an unknown key, a wrong type, an empty or duplicated word.
 */
export function parseTerms(text: string, file: string): Terms {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const lineOf = (node: YamlNode | null | undefined): number =>
    node?.range ? lines.linePos(node.range[0]).line : 1;
  const fail = (node: YamlNode | null | undefined, reason: string): never => {
    throw new TermsFileError(file, lineOf(node), reason);
  };

  const syntax = doc.errors[0];
  if (syntax)
    throw new TermsFileError(
      file,
      lines.linePos(syntax.pos[0]).line,
      `invalid YAML: ${syntax.message.split('\n')[0]}`,
    );

  const root = doc.contents;
  if (!isMap(root)) return fail(root, 'expected a mapping with `properNouns` and `terminology`');

  /** A non-empty string scalar, or an error naming `what`. */
  const nonEmpty = (node: unknown, what: string): string => {
    if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') {
      return fail(
        isScalar(node) || isMap(node) || isSeq(node) ? node : root,
        `${what} must be a non-empty string`,
      );
    }
    return node.value.trim();
  };
  /** A list of non-empty strings without duplicates (ignoring case). */
  const words = (node: unknown, what: string): string[] => {
    if (!isSeq(node))
      return fail(isScalar(node) || isMap(node) ? node : root, `${what} must be a list of strings`);
    const seen = new Set<string>();
    return node.items.map((item) => {
      const word = nonEmpty(item, `each item of ${what}`);
      if (seen.has(word.toLowerCase()))
        fail(item as YamlNode, `"${word}" is listed twice in ${what}`);
      seen.add(word.toLowerCase());
      return word;
    });
  };
  const keysOf = (map: YamlNode, allowed: string[], where: string): Map<string, unknown> => {
    if (!isMap(map)) return fail(map, `${where} must be a mapping`);
    const out = new Map<string, unknown>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!allowed.includes(key))
        fail(
          pair.key as YamlNode,
          `unknown key "${key}" in ${where}; expected ${allowed.join(', ')}`,
        );
      out.set(key, pair.value);
    }
    return out;
  };

  const top = keysOf(root, ['properNouns', 'terminology'], 'the terms file');
  const properNouns = top.has('properNouns') ? words(top.get('properNouns'), '`properNouns`') : [];

  const terminologyNode = top.get('terminology');
  if (terminologyNode !== undefined && !isSeq(terminologyNode))
    fail(root, '`terminology` must be a list of entries');
  const terminology = isSeq(terminologyNode)
    ? terminologyNode.items.map((item) => {
        const node = item as YamlNode;
        const entry = keysOf(
          node,
          ['preferred', 'forbidden', 'reason', 'allow'],
          'a terminology entry',
        );
        if (!entry.has('preferred')) fail(node, 'a terminology entry needs `preferred`');
        if (!entry.has('forbidden')) fail(node, 'a terminology entry needs `forbidden`');
        const preferred = nonEmpty(entry.get('preferred'), '`preferred`');
        const forbidden = words(entry.get('forbidden'), '`forbidden`');
        if (forbidden.includes(preferred))
          fail(node, `"${preferred}" is both preferred and forbidden`);
        const allowNode = entry.get('allow');
        if (allowNode !== undefined && !isSeq(allowNode))
          fail(node, '`allow` must be a list of { page, section, reason }');
        const allow = isSeq(allowNode)
          ? allowNode.items.map((allowItem) => {
              const allowance = keysOf(
                allowItem as YamlNode,
                ['page', 'section', 'reason'],
                'an allowance',
              );
              if (!allowance.has('section') || !allowance.has('reason'))
                fail(allowItem as YamlNode, 'an allowance needs `section` and `reason`');
              const page = allowance.has('page')
                ? nonEmpty(allowance.get('page'), '`page`')
                : undefined;
              if (page !== undefined && !/^\/(.+\/)?$/.test(page))
                fail(
                  allowItem as YamlNode,
                  `\`page\` must be a site path such as /a/b/, not "${page}"`,
                );
              return {
                ...(page === undefined ? {} : { page }),
                section: nonEmpty(allowance.get('section'), '`section`').replace(/^#/, ''),
                reason: nonEmpty(allowance.get('reason'), '`reason`'),
              };
            })
          : [];
        const reason = entry.has('reason') ? nonEmpty(entry.get('reason'), '`reason`') : undefined;
        return {
          preferred,
          forbidden,
          ...(reason === undefined ? {} : { reason }),
          allow,
          line: lineOf(node),
        };
      })
    : [];
  return { properNouns, terminology };
}

/**
 * The proper nouns of the project's terms file, for titles written inside a sentence; none
 * without a terms file, or when it cannot be read (the docs lint reports why, at its line). A
 * title then keeps its first capital only when its first word is more than that capital
 * (`NGINX`, `PostgreSQL`): see titleInSentence.
 */
export function properNounsOf(projectRoot: string, termsFile: string | undefined): string[] {
  if (termsFile === undefined) return [];
  try {
    return parseTerms(readFileSync(join(projectRoot, termsFile), 'utf8'), termsFile).properNouns;
  } catch {
    return [];
  }
}
