import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSidebar, type SidebarNode } from '../lib/sidebar.ts';

/**
 * The collection and the sidebar tree are the same for every page of a build, so each is made
 * once per build and shared: building them per page made a site of N pages do N² work. In
 * `astro dev` they are made again for every page, so edits show up.
 */
let docs: Promise<CollectionEntry<'docs'>[]> | undefined;
let sidebar: Promise<SidebarNode[]> | undefined;

/** Published pages: drafts are left out of production builds and shown in `astro dev`. */
export function publishedDocs(): Promise<CollectionEntry<'docs'>[]> {
  if (docs === undefined || import.meta.env.DEV)
    docs = getCollection('docs', (entry) => import.meta.env.DEV || !entry.data.draft);
  return docs;
}

/** The sidebar tree of the whole site, from the published pages' front matter. */
export function siteSidebar(): Promise<SidebarNode[]> {
  // The dev server reloads content on every change, so only a production build may keep it.
  if (import.meta.env.DEV) return buildSiteSidebar();
  sidebar ??= buildSiteSidebar();
  return sidebar;
}

async function buildSiteSidebar(): Promise<SidebarNode[]> {
  const docs = await publishedDocs();
  return buildSidebar(
    docs.map((entry) => ({
      id: entry.id,
      label: entry.data.sidebar.label ?? entry.data.title,
      groupLabel: entry.data.sidebar.label,
      order: entry.data.sidebar.order,
      hidden: entry.data.sidebar.hidden,
      badge: entry.data.sidebar.badge,
      links: entry.data.sidebar.links.map((link) => ({
        label: link.label,
        url: link.link,
        order: link.order,
        badge: link.badge,
      })),
    })),
  );
}
