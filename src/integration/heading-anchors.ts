import { satteriHeadingIdsPlugin } from '@astrojs/markdown-satteri';
import type { HastPluginDefinition } from 'satteri';
import { HEADING_ANCHOR_CLASS } from 'lasting-links/theme';
import { usableHeadingId } from 'lasting-links/theme';

/**
 * Adds a "link to this section" self-link after every h2–h6 that has an id. Heading and link
 * share a wrapper so the link shows on hover or focus of either; the link stays outside the
 * heading so the heading's text (table of contents, search, anchor index) is only its title.
 */
function headingAnchorsPlugin(): HastPluginDefinition {
  return {
    name: 'docs-heading-anchors',
    element: {
      filter: ['h2', 'h3', 'h4', 'h5', 'h6'],
      visit(node, ctx) {
        const slugged = node.properties['id'];
        if (typeof slugged !== 'string') return;
        const title = ctx.textContent(node);
        // A heading of emoji alone is slugged to "": it gets a stable id (and a build warning).
        const id = usableHeadingId(slugged, title);
        if (id !== slugged) ctx.setProperty(node, 'id', id);
        // Wrapped in place (the heading stays where it is, its words untouched) rather than
        // replaced by a copy: replacing every heading of a page made the compile grow with the
        // square of the headings (a page of 17,000 headings passed 5 GB; wrapped, 0.4 GB).
        ctx.wrapNode(node, {
          type: 'element',
          tagName: 'div',
          properties: { className: ['heading-wrapper', `level-${node.tagName}`] },
          children: [
            {
              type: 'element',
              tagName: 'a',
              properties: {
                className: [HEADING_ANCHOR_CLASS],
                href: `#${id}`,
                dataPagefindIgnore: true,
              },
              children: [
                {
                  type: 'element',
                  tagName: 'span',
                  properties: { ariaHidden: 'true' },
                  children: [{ type: 'text', value: '#' }],
                },
                {
                  type: 'element',
                  tagName: 'span',
                  properties: { className: ['sr-only'] },
                  children: [{ type: 'text', value: `Link to this section: ${title}` }],
                },
              ],
            },
          ],
        });
      },
    },
  };
}

/** Heading ids must exist before the self-links are added, so the id plugin runs first. */
export const headingPlugins = [() => satteriHeadingIdsPlugin(), headingAnchorsPlugin];
