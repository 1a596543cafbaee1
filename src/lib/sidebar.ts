import type { SitePath } from 'lasting-links/theme';

/**
 * The sidebar tree, built from the docs collection's ids and front matter. Directories become
 * groups; a directory's `index.mdx` becomes the group's own link. Siblings sort by
 * `sidebar.order`, then by label, so authors control order without renaming files.
 *
 * A page does not carry the whole tree: `sidebarView` cuts it down to the groups on the way to
 * the current page, each listing its entries, with every other group one link to its first
 * page. What a page carries grows with the depth and width of its own branch, never with the
 * number of pages on the site.
 */

/** The colour of a badge; the names are those Starlight writers know. */
export type BadgeVariant = 'default' | 'note' | 'tip' | 'success' | 'caution' | 'danger';

/** A short label beside a sidebar entry ("New", "Deprecated"). */
interface SidebarBadge {
  text: string;
  variant: BadgeVariant;
}

/** A link to another site listed among a group's pages. */
interface ExternalSidebarLink {
  label: string;
  /** An absolute `https://` URL. */
  url: string;
  order: number | undefined;
  badge: SidebarBadge | undefined;
}

/** What the sidebar needs to know about one page. */
export interface SidebarPage {
  /** Collection id: `administration-guide/scale/high-availability/deployment` (an index page has its directory's id). */
  id: string;
  label: string;
  /** For an index page: the name of its folder's group, when the page sets one (`sidebar.label`). */
  groupLabel?: string | undefined;
  order: number | undefined;
  /** Built and linkable, but not listed (and not in previous/next). */
  hidden?: boolean;
  badge?: SidebarBadge | undefined;
  /** External links to list in this page's group: its own group for an index page, else its parent's. */
  links?: readonly ExternalSidebarLink[];
}

/** A link or a group in the sidebar; a group may also be a page (its index). */
export interface SidebarNode {
  /** The page's link text (its `sidebar.label`, else its title). */
  label: string;
  /**
   * The group's name: its index page's `sidebar.label`, else its directory's name
   * (`high-availability` is "High availability"). The sidebar and breadcrumbs show a group by
   * this name and link it to its index page.
   */
  groupLabel: string;
  /** Site path of the page (`/a/b/`), absent for a directory without an index page and for an external link. */
  path: SitePath | undefined;
  /** The target of an external link. */
  url?: string;
  order: number | undefined;
  hidden: boolean;
  badge: SidebarBadge | undefined;
  children: SidebarNode[];
}

/** Site path of a collection id: `a/b` is served at `/a/b/`. */
export function pagePath(id: string): SitePath {
  return (id === '' || id === 'index' ? '/' : `/${id}/`) as SitePath;
}

/** Builds the sidebar forest from every published page. */
export function buildSidebar(pages: readonly SidebarPage[]): SidebarNode[] {
  const root = emptyNode('');
  const byId = new Map<string, SidebarNode>([['', root]]);

  const nodeFor = (id: string): SidebarNode => {
    const existing = byId.get(id);
    if (existing) return existing;
    const node = emptyNode(titleFromSlug(id.slice(id.lastIndexOf('/') + 1)));
    nodeFor(parentOf(id)).children.push(node);
    byId.set(id, node);
    return node;
  };

  const external: { groupId: string; link: ExternalSidebarLink }[] = [];
  for (const page of pages) {
    if (page.id === '' || page.id === 'index') continue; // the home page is the site title's link
    const node = nodeFor(page.id);
    node.label = page.label;
    if (page.groupLabel) node.groupLabel = page.groupLabel;
    node.path = pagePath(page.id);
    node.order = page.order;
    node.hidden = page.hidden ?? false;
    node.badge = page.badge;
    for (const link of page.links ?? []) external.push({ groupId: page.id, link });
  }
  // An index page's links go in its own group; any other page's in its parent's. A page is an
  // index exactly when it has children, which is known only once every page is placed.
  for (const { groupId, link } of external) {
    const page = byId.get(groupId)!;
    const group = page.children.length > 0 ? page : nodeFor(parentOf(groupId));
    group.children.push({
      ...emptyNode(link.label),
      url: link.url,
      order: link.order,
      badge: link.badge,
    });
  }
  sortTree(root.children);
  return root.children;
}

function emptyNode(name: string): SidebarNode {
  return {
    label: name,
    groupLabel: name,
    path: undefined,
    order: undefined,
    hidden: false,
    badge: undefined,
    children: [],
  };
}

function parentOf(id: string): string {
  return id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
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
export function readingOrder(
  nodes: readonly SidebarNode[],
): readonly { label: string; path: SitePath }[] {
  return lookupsOf(nodes).order;
}

/** The first listed page of `node`'s branch in reading order, found without walking the rest of it. */
export function firstPage(node: SidebarNode): SitePath | undefined {
  if (node.path && !node.hidden) return node.path;
  for (const child of node.children) {
    const found = firstPage(child);
    if (found) return found;
  }
  return undefined;
}

/** What pages look up in the whole tree: its reading order, where each page is, and each page's label. */
interface SidebarLookups {
  order: { label: string; path: SitePath }[];
  /** A page's place in `order` (its first, if listed twice). */
  positions: Map<SitePath, number>;
  /** The chain of nodes from the top down to each page (its first place in the tree). */
  trails: Map<SitePath, SidebarNode[]>;
  labels: Map<SitePath, string>;
}

/**
 * Every page of a build shares one sidebar tree, and each asks where it stands in it. Walking the
 * whole tree for each page made a site of N pages do N² work (a third of a second at 1,000 pages,
 * four times that at 2,000), so each tree is walked once and its answers kept with it. A tree
 * built again (as `astro dev` does on every page) is a new key, so nothing stale is kept.
 */
const lookupsByTree = new WeakMap<readonly SidebarNode[], SidebarLookups>();

function lookupsOf(nodes: readonly SidebarNode[]): SidebarLookups {
  const known = lookupsByTree.get(nodes);
  if (known !== undefined) return known;
  const lookups: SidebarLookups = {
    order: [],
    positions: new Map(),
    trails: new Map(),
    labels: new Map(),
  };
  const walk = (list: readonly SidebarNode[], above: SidebarNode[]) => {
    for (const node of list) {
      const trail = [...above, node];
      if (node.path) {
        if (!lookups.trails.has(node.path)) lookups.trails.set(node.path, trail);
        lookups.labels.set(node.path, node.label);
        if (!node.hidden) {
          if (!lookups.positions.has(node.path))
            lookups.positions.set(node.path, lookups.order.length);
          lookups.order.push({ label: node.label, path: node.path });
        }
      }
      walk(node.children, trail);
    }
  };
  walk(nodes, []);
  lookupsByTree.set(nodes, lookups);
  return lookups;
}

/** The chain of nodes from the top of the sidebar down to the page at `path` (empty when absent). */
export function breadcrumbTrail(nodes: readonly SidebarNode[], path: SitePath): SidebarNode[] {
  return lookupsOf(nodes).trails.get(path) ?? [];
}

/** The previous and next pages around `path` in reading order. */
export function neighbours(nodes: readonly SidebarNode[], path: SitePath) {
  const { order, positions } = lookupsOf(nodes);
  const at = positions.get(path) ?? -1;
  return {
    previous: at > 0 ? order[at - 1] : undefined,
    next: at >= 0 ? order[at + 1] : undefined,
  };
}

/** One row of the sidebar as a page shows it. */
export interface SidebarEntry {
  label: string;
  /** Where the row links: a page of the site, or another site. */
  target: { path: SitePath } | { url: string };
  badge: SidebarBadge | undefined;
  /** The row is the page being read. */
  current: boolean;
  /**
   * For a group: `open` when it holds the current page (its entries follow), `closed` when it
   * does not (the row links to its first page, where it opens). Absent for a single page.
   */
  group?: 'open' | 'closed';
  /** The entries of an open group; empty otherwise. */
  children: SidebarEntry[];
}

/**
 * The sidebar of the page at `current`: every top-level section, the groups on the way to the
 * page open, every other group closed. A group with no page of its own whose only entry is
 * another group adds a level and nothing to choose from, so its subgroup takes its place. A group
 * with a page of its own is a group like any other ("Scale" holding "High availability"): listed
 * beside its subgroup, its page would read as a sibling of a group it contains.
 */
export function sidebarView(nodes: readonly SidebarNode[], current: SitePath): SidebarEntry[] {
  const onPath = new Set(breadcrumbTrail(nodes, current));
  const entry = (node: SidebarNode, label: string, path: SitePath): SidebarEntry => ({
    label,
    target: { path },
    badge: node.badge,
    current: path === current,
    children: [],
  });
  const view = (list: readonly SidebarNode[], top: boolean): SidebarEntry[] =>
    list.flatMap((node): SidebarEntry[] => {
      // A hidden index page hides only itself: its group stays, led by its first listed page.
      const ownPath = node.hidden ? undefined : node.path;
      const children = node.children.filter((child) => !child.hidden || child.children.length);
      if (children.length === 0) {
        if (node.url !== undefined)
          return [
            {
              label: node.label,
              target: { url: node.url },
              badge: node.badge,
              current: false,
              children: [],
            },
          ];
        return ownPath ? [entry(node, node.label, ownPath)] : [];
      }
      const only = children[0]!;
      if (!top && !ownPath && children.length === 1 && only.children.length > 0)
        return view([only], false);
      const landing = ownPath ?? firstPage(node);
      if (!landing) return [];
      const open = onPath.has(node);
      return [
        {
          ...entry(node, node.groupLabel, landing),
          current: ownPath === current,
          group: open ? 'open' : 'closed',
          children: open ? view(children, false) : [],
        },
      ];
    });
  return view(nodes, true);
}

/** Every row of a sidebar view, depth-first: what a page's sidebar markup holds. */
export function entryCount(entries: readonly SidebarEntry[]): number {
  return entries.reduce((n, entry) => n + 1 + entryCount(entry.children), 0);
}

/** A page's previous or next link as its front matter may override it (`prev:`, `next:`). */
export type PagerOverride =
  boolean | string | { link?: string | undefined; label?: string | undefined } | undefined;

/**
 * The link the page shows: `false` none, a string relabels the automatic one, `{ link, label }`
 * points elsewhere (labelled with the target's sidebar label unless it says otherwise).
 */
export function pagerLink(
  automatic: { label: string; path: SitePath } | undefined,
  override: PagerOverride,
  labelOf: (path: SitePath) => string | undefined,
): { label: string; path: SitePath } | undefined {
  if (override === undefined || override === true) return automatic;
  if (override === false) return undefined;
  if (typeof override === 'string') return automatic && { ...automatic, label: override };
  const path = (override.link as SitePath | undefined) ?? automatic?.path;
  if (!path) return undefined;
  return { path, label: override.label ?? labelOf(path) ?? automatic?.label ?? path };
}

/** The sidebar label of every page, by site path (hidden pages included). */
export function labelsByPath(nodes: readonly SidebarNode[]): ReadonlyMap<SitePath, string> {
  return lookupsOf(nodes).labels;
}
