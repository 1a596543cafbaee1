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

/** The sidebar for the whole site, from the published pages' front matter. */
export function siteSidebar(): Promise<SidebarNode[]> {
  if (sidebar === undefined || import.meta.env.DEV)
    sidebar = publishedDocs().then((entries) =>
      buildSidebar(
        entries.map((entry) => ({
          id: entry.id,
          label: entry.data.sidebar.label ?? entry.data.title,
          order: entry.data.sidebar.order,
        })),
      ),
    );
  return sidebar;
}
