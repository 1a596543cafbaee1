import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSidebar, type SidebarNode } from '../lib/sidebar.ts';

/** Published pages: drafts are left out of production builds and shown in `astro dev`. */
export async function publishedDocs(): Promise<CollectionEntry<'docs'>[]> {
  return getCollection('docs', (entry) => import.meta.env.DEV || !entry.data.draft);
}

/** Built once per build: every page asks for it, and it depends only on the collection. */
let sidebar: Promise<SidebarNode[]> | undefined;

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
