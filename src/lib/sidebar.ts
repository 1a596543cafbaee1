import type { SitePath } from './site-path.ts';

/**
 * The sidebar tree, built from the docs collection's ids and front matter. Directories become
 * groups; a directory's `index.mdx` becomes the group's own link. Siblings sort by
 * `sidebar.order`, then by label, so authors control order without renaming files.
 */

/** What the sidebar needs to know about one page. */
export interface SidebarPage {
  /** Collection id: `administration-guide/scale/high-availability/deployment` (an index page has its directory's id). */
  id: string;
  label: string;
  order: number | undefined;
}

/** A link or a group in the sidebar; a group may also be a page (its index). */
export interface SidebarNode {
  /** The page's link text (its `sidebar.label`, else its title). */
  label: string;
  /**
   * The group's name, from its directory (`high-availability` is "High availability"). A group
   * that has an index page lists it as its first link, labelled with `label`.
   */
  groupLabel: string;
  /** Site path of the page (`/a/b/`), absent for a directory without an index page. */
  path: SitePath | undefined;
  order: number | undefined;
  children: SidebarNode[];
}

/** Site path of a collection id: `a/b` is served at `/a/b/`. */
export function pagePath(id: string): SitePath {
  return (id === '' || id === 'index' ? '/' : `/${id}/`) as SitePath;
}

/** Builds the sidebar forest from every published page. */
export function buildSidebar(pages: SidebarPage[]): SidebarNode[] {
  const root: SidebarNode = {
    label: '',
    groupLabel: '',
    path: undefined,
    order: undefined,
    children: [],
  };
  const byId = new Map<string, SidebarNode>([['', root]]);

  const nodeFor = (id: string): SidebarNode => {
    const existing = byId.get(id);
    if (existing) return existing;
    const parentId = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
    const name = titleFromSlug(id.slice(id.lastIndexOf('/') + 1));
    const node: SidebarNode = {
      label: name,
      groupLabel: name,
      path: undefined,
      order: undefined,
      children: [],
    };
    nodeFor(parentId).children.push(node);
    byId.set(id, node);
    return node;
  };

  for (const page of pages) {
    if (page.id === '' || page.id === 'index') continue; // the home page is the site title's link
    const node = nodeFor(page.id);
    node.label = page.label;
    node.path = pagePath(page.id);
    node.order = page.order;
  }
  sortTree(root.children);
  return root.children;
}

function sortTree(nodes: SidebarNode[]): void {
  nodes.sort(
    (a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.label.localeCompare(b.label),
  );
  for (const node of nodes) sortTree(node.children);
}

/** A directory with no index page still needs a readable group label. */
function titleFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Pages in reading order (depth-first, as the sidebar shows them): the basis of previous/next links. */
export function readingOrder(nodes: SidebarNode[]): { label: string; path: SitePath }[] {
  const out: { label: string; path: SitePath }[] = [];
  const walk = (list: SidebarNode[]) => {
    for (const node of list) {
      if (node.path) out.push({ label: node.label, path: node.path });
      walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** The chain of nodes from the top of the sidebar down to the page at `path` (empty when absent). */
export function breadcrumbTrail(nodes: SidebarNode[], path: SitePath): SidebarNode[] {
  for (const node of nodes) {
    if (node.path === path) return [node];
    const below = breadcrumbTrail(node.children, path);
    if (below.length > 0) return [node, ...below];
  }
  return [];
}

/** The previous and next pages around `path` in reading order. */
export function neighbours(nodes: SidebarNode[], path: SitePath) {
  const order = readingOrder(nodes);
  const at = order.findIndex((entry) => entry.path === path);
  return {
    previous: at > 0 ? order[at - 1] : undefined,
    next: at >= 0 ? order[at + 1] : undefined,
  };
}
