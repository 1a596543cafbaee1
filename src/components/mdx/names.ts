/**
 * The components every MDX page can use without importing them, by name, readable without
 * loading any `.astro` file: the build checks pages against it before rendering (see
 * `src/lib/sources/unknown-components.ts`). `index.ts` is type-checked against this list.
 */
export const MDX_COMPONENT_NAMES = [
  'Aside',
  'Badge',
  'Card',
  'CardGrid',
  'FileTree',
  'LinkCard',
  'Setting',
  'Steps',
  'Tabs',
  'TabItem',
] as const;
