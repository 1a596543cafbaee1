/**
 * The docs lint as a list of unified plugins: the MDX syntax, every rule with its severity and
 * options, and the disable comments last. `.remarkrc.mjs` (editors, through unified-engine) and
 * `lintDocs` (the CLI, the build) both use this list, so they report the same things.
 */
import type { PluggableList } from 'unified';
import fencedCodeFlag from 'remark-lint-fenced-code-flag';
import noEmptyUrl from 'remark-lint-no-empty-url';
import noUndefinedReferences from 'remark-lint-no-undefined-references';
import disableComments from './disable-comments.ts';
import { mdxSyntax } from './parser.ts';
import bareUrl from './rules/bare-url.ts';
import headingCase from './rules/heading-case.ts';
import linkText from './rules/link-text.ts';
import listLabels from './rules/list-labels.ts';
import markupLeak from './rules/markup-leak.ts';
import midSentenceCapital from './rules/mid-sentence-capital.ts';
import placeholder from './rules/placeholder.ts';
import shellPrompt from './rules/shell-prompt.ts';
import staleVersion, { parseVersion } from './rules/stale-version.ts';
import terminology from './rules/terminology.ts';
import type { LintSettings, Severity } from './types.ts';

/** A rule: its id (as reported and as named in disable comments), severity and what it checks. */
export interface RuleInfo {
  id: string;
  severity: Severity;
  /** One line for the README and `--help`. */
  checks: string;
}

/** Every rule, in the order they run. */
export const RULES: readonly RuleInfo[] = [
  {
    id: 'markup-leak',
    severity: 'error',
    checks:
      'reStructuredText roles, directives, links and substitutions; emphasis markers without a partner',
  },
  {
    id: 'no-undefined-references',
    severity: 'error',
    checks: '[text][ref] with no [ref]: definition, which renders as raw brackets (remark-lint)',
  },
  {
    id: 'no-empty-url',
    severity: 'error',
    checks: 'a link or image with an empty URL (remark-lint)',
  },
  {
    id: 'link-text',
    severity: 'error',
    checks:
      'empty-text links must target a page or heading that gives them a title, and one that reads as a noun where the link stands (a question or an order only alone or after "see" at the end of a sentence); no empty external links; no raw anchors as text',
  },
  {
    id: 'bare-url',
    severity: 'error',
    checks: 'a URL pasted into prose instead of a link with words',
  },
  {
    id: 'list-labels',
    severity: 'error',
    checks:
      'when most items of a list start with a bold label, all do, with the same casing and punctuation',
  },
  {
    id: 'heading-case',
    severity: 'error',
    checks:
      'headings and page titles in sentence case; proper nouns from content/terms.yaml keep their capitals',
  },
  {
    id: 'terminology',
    severity: 'error',
    checks: 'preferred terms from content/terms.yaml instead of their forbidden variants',
  },
  {
    id: 'mid-sentence-capital',
    severity: 'error',
    checks: 'an ordinary word capitalised in the middle of a sentence',
  },
  {
    id: 'stale-version',
    severity: 'warning',
    checks:
      'a release older than the oldest supported one, unless it dates today’s behaviour (“since v5.15”)',
  },
  {
    id: 'fenced-code-flag',
    severity: 'error',
    checks: 'a code fence without a language (remark-lint)',
  },
  {
    id: 'shell-prompt',
    severity: 'error',
    checks: '"$ " prompts in shell code blocks, which break the copied command',
  },
  {
    id: 'placeholder',
    severity: 'error',
    checks: 'TODO, TBD, TBC, FIXME, XXX, "NEED … HERE", lorem ipsum',
  },
];

/** The rule ids a disable comment may name. */
const RULE_IDS = RULES.map((rule) => rule.id);

/** unified-lint-rule's severity label; it must be passed in an array, `[label, options?]`. */
const level = (id: string): 'error' | 'warn' =>
  RULES.find((rule) => rule.id === id)?.severity === 'warning' ? 'warn' : 'error';

/** The plugins, configured from `settings`. Throws on an invalid `oldestSupportedVersion`. */
export function docsLintPlugins(settings: LintSettings): PluggableList {
  const { terms, termsFile, pages, contentDir, oldestSupportedVersion, syntax } = settings;
  if (oldestSupportedVersion !== undefined) parseVersion(oldestSupportedVersion);
  return [
    ...mdxSyntax,
    [markupLeak, [level('markup-leak')]],
    [noUndefinedReferences, [level('no-undefined-references')]],
    [noEmptyUrl, [level('no-empty-url')]],
    [linkText, [level('link-text'), { pages, contentDir, syntax }]],
    [bareUrl, [level('bare-url')]],
    [listLabels, [level('list-labels'), { terms }]],
    [headingCase, [level('heading-case'), { terms, termsFile }]],
    [terminology, [level('terminology'), { terms, termsFile, contentDir }]],
    [midSentenceCapital, [level('mid-sentence-capital'), { terms, termsFile }]],
    // Without a supported release to compare with, nothing is stale.
    ...(oldestSupportedVersion === undefined
      ? []
      : ([[staleVersion, [level('stale-version'), { oldestSupportedVersion }]]] as PluggableList)),
    [fencedCodeFlag, [level('fenced-code-flag'), { allowEmpty: false }]],
    [shellPrompt, [level('shell-prompt')]],
    [placeholder, [level('placeholder')]],
    [disableComments, { rules: RULE_IDS }],
  ];
}
