import { getCollection, type CollectionEntry } from 'astro:content';
import { buildSidebar, type SidebarNode } from '../lib/sidebar.ts';

/** Published pages: drafts are left out of production builds and shown in `astro dev`. */
export async function publishedDocs(): Promise<CollectionEntry<'docs'>[]> {
  return getCollection('docs', (entry) => import.meta.env.DEV || !entry.data.draft);
}

/** The sidebar for the whole site, from the published pages' front matter. */
export async function siteSidebar(): Promise<SidebarNode[]> {
  const docs = await publishedDocs();
  return buildSidebar(
    docs.map((entry) => ({
      id: entry.id,
      label: entry.data.sidebar.label ?? entry.data.title,
      order: entry.data.sidebar.order,
    })),
  );
}
