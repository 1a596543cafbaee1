/** Browser side of the search dialog: lazy Pagefind, keyboard shortcuts, result rendering. */
import { anchorNamedBy } from '../lib/setting.ts';

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  locations?: number[];
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string; description?: string };
  sub_results?: PagefindSubResult[];
}
interface Pagefind {
  options(options: {
    baseUrl: string;
    ranking?: { termSaturation?: number; pageLength?: number };
  }): Promise<void>;
  debouncedSearch(
    query: string,
  ): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

declare global {
  interface Window {
    /** Defined inline in Search.astro: `import(url)` kept away from the bundler. */
    docsImportModule(url: string): Promise<unknown>;
  }
}

let pagefind: Promise<Pagefind> | undefined;

/**
 * Why search is not answering. The index is made by the build, so `npm run dev` has none: say
 * so, and how to get it, rather than fail silently.
 */
const UNAVAILABLE = import.meta.env.DEV
  ? 'Search needs the index a build makes: run npm run build, then npm start, to search.'
  : 'Search is not available on this build.';

/**
 * Pagefind's client is generated at build time, so it is fetched at run time rather than
 * bundled. `base` is the site's root URL, rendered into the widget by the server (`data-base`),
 * so this script imports nothing and stays inline.
 */
function loadPagefind(base: string): Promise<Pagefind> {
  pagefind ??= window.docsImportModule(`${base}pagefind/pagefind.js`).then(async (loaded) => {
    const module = loaded as Pagefind;
    // A guide page that explains a subject at length uses its words many times: Pagefind's
    // defaults stop counting them early (termSaturation 1.4) and mark long pages down
    // (pageLength 0.75), so the configuration reference, which names the words once in a
    // setting's key, outranked the page about them ("replica lag" found the reference first).
    await module.options({ baseUrl: base, ranking: { termSaturation: 2, pageLength: 0 } });
    return module;
  });
  return pagefind;
}

/** Plain text (a page's description) as excerpt HTML. */
function escaped(text: string | undefined): string {
  const holder = document.createElement('p');
  holder.textContent = text ?? '';
  return holder.innerHTML;
}

/** Excerpts come from Pagefind with `<mark>` around hits and everything else escaped. */
function item(title: string, url: string, excerpt: string, sub = false): HTMLLIElement {
  const li = document.createElement('li');
  li.className = sub ? 'search-sub-result' : 'search-result';
  const link = document.createElement('a');
  link.href = url;
  link.textContent = title;
  li.append(link);
  if (excerpt) {
    const text = document.createElement('p');
    text.innerHTML = excerpt;
    li.append(text);
  }
  return li;
}

/**
 * The sections to list under a page: those titled with the query's words first, then those
 * with the most hits, at most three. `#_top` is the page itself, already listed.
 */
function sectionsOf(result: PagefindResultData, query: string): PagefindSubResult[] {
  const words = query.toLowerCase().split(/\s+/);
  const rank = (sub: PagefindSubResult) =>
    (words.every((w) => sub.title.toLowerCase().includes(w)) ? 1e6 : 0) +
    (sub.locations?.length ?? 0);
  return (result.sub_results ?? [])
    .filter((sub) => sub.url !== result.url && !sub.url.endsWith('#_top'))
    .sort((a, b) => rank(b) - rank(a))
    .slice(0, 3);
}

/**
 * When the query is a setting's key or environment variable (`ClusterSettings.Enable`,
 * `MM_CLUSTERSETTINGS_ENABLE`), the section of the setting it names, from the first page that
 * has it: the reader asked for that block, not for the page around it.
 */
function namedSetting(
  results: readonly PagefindResultData[],
  query: string,
): { result: PagefindResultData; section: PagefindSubResult } | undefined {
  const anchor = anchorNamedBy(query);
  if (anchor === undefined) return undefined;
  for (const result of results) {
    const section = result.sub_results?.find((sub) => sub.url.endsWith(`#${anchor}`));
    if (section) return { result, section };
  }
  return undefined;
}

/** "1 page found", "3 pages found". */
function pagesFound(count: number): string {
  return `${count} ${count === 1 ? 'page' : 'pages'} found`;
}

/** The result links of a list, in the order the reader sees them. */
const resultLinks = (list: HTMLElement) => [...list.querySelectorAll<HTMLAnchorElement>('a')];

/**
 * Arrow keys move between the search field and the results: Down from the field goes to the
 * first result, Up from the first goes back to the field; Home and End jump to either end.
 */
function onArrowKeys(event: KeyboardEvent, input: HTMLInputElement, list: HTMLElement): void {
  const links = resultLinks(list);
  if (links.length === 0) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  const inList = at !== -1;
  let next: HTMLElement | undefined;
  if (event.key === 'ArrowDown')
    next = inList ? links[Math.min(at + 1, links.length - 1)] : links[0];
  else if (event.key === 'ArrowUp') next = !inList ? undefined : at === 0 ? input : links[at - 1];
  else if (event.key === 'Home' && inList) next = links[0];
  else if (event.key === 'End' && inList) next = links.at(-1);
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/** Wires one search widget: open on click (and `/` or Ctrl+K for the page's main one); search as the reader types. */
export function mountSearch(root: HTMLElement): void {
  const base = root.dataset['base'] ?? '/';
  const dialog = root.querySelector('dialog')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-input]')!;
  const list = root.querySelector<HTMLUListElement>('[data-search-results]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const open = () => {
    if (!dialog.open) dialog.showModal();
    input.focus();
    loadPagefind(base).catch(() => (status.textContent = UNAVAILABLE));
  };
  root.querySelector('[data-search-open]')?.addEventListener('click', open);
  if (root.hasAttribute('data-search-shortcuts')) {
    document.addEventListener('keydown', (event) => {
      const typing =
        event.target instanceof HTMLElement &&
        event.target.closest('input, textarea, select, [contenteditable]');
      const slash = event.key === '/' && !typing && !event.ctrlKey && !event.metaKey;
      if (slash || (event.key === 'k' && (event.ctrlKey || event.metaKey))) {
        event.preventDefault();
        open();
      }
    });
  }
  dialog.addEventListener('keydown', (event) => {
    // A search field's own Escape only clears it, so closing would take a second press.
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
      return;
    }
    onArrowKeys(event, input, list);
  });
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  const showResults = async () => {
    const query = input.value.trim();
    const search = await (await loadPagefind(base)).debouncedSearch(query);
    if (search === null) return; // superseded by a newer keystroke
    list.replaceChildren();
    if (!query) return void (status.textContent = '');
    const results = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
    status.textContent = results.length ? pagesFound(results.length) : `No results for “${query}”`;
    // A setting asked for by name comes first, as its own result, and links to its block.
    const setting = namedSetting(results, query);
    if (setting) {
      const page = setting.result.meta.title ?? setting.result.url;
      list.append(
        item(`${setting.section.title} · ${page}`, setting.section.url, setting.section.excerpt),
      );
    }
    for (const result of results) {
      const sections = sectionsOf(result, query).filter((sub) => sub !== setting?.section);
      // Pagefind's page excerpt is often its best section's excerpt: say it once, under the
      // section, and describe the page instead (its front matter description).
      const repeated = sections.some((sub) => sub.excerpt === result.excerpt);
      const excerpt =
        repeated || !result.excerpt ? escaped(result.meta.description) : result.excerpt;
      list.append(item(result.meta.title ?? result.url, result.url, excerpt));
      for (const sub of sections) list.append(item(sub.title, sub.url, sub.excerpt, true));
    }
  };
  input.addEventListener('input', () => {
    // Results of the last query go at once: arrow keys must never land on a link about to vanish.
    list.replaceChildren();
    showResults().catch(() => (status.textContent = UNAVAILABLE));
  });
}
