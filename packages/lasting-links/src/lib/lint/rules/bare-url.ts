/**
 * `bare-url`: a URL pasted into prose ("bully algorithm : https://…", as in the 2025 rewrite)
 * makes readers parse a URL to learn where it goes. Write a link with words instead.
 *
 * `remark-lint-no-literal-urls` comes close, but asks for the opposite fix (wrap the URL in
 * `<…>`, which still shows it bare), so this rule is our own.
 */
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { lintRule } from 'unified-lint-rule';
import { eachOfType } from '../tree-nodes.ts';

const bareUrl = lintRule<Root>({ origin: 'docs-lint:bare-url' }, (tree, file) => {
  eachOfType(tree, 'link', (link) => {
    const text = toString(link).trim();
    if (text === '' || !sameUrl(text, link.url)) return;
    file.message(
      `bare URL ${text} in prose: make it a link whose words say where it goes: [words about the target](${link.url})`,
      link,
    );
  });
});

/** Whether link text is the link's own URL, as autolinks and pasted URLs are. */
function sameUrl(text: string, url: string): boolean {
  const plain = (value: string) =>
    value
      .replace(/^mailto:/i, '')
      .replace(/\/+$/, '')
      .toLowerCase();
  return (
    plain(text) === plain(url) ||
    plain(`http://${text}`) === plain(url) ||
    plain(`https://${text}`) === plain(url)
  );
}

export default bareUrl;
