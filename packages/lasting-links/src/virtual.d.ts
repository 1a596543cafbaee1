/**
 * The modules `lastingLinks()` serves to pages (see integration/virtual-modules.ts). Referenced
 * from the package's entry point, so a site that imports the integration gets their types.
 */
declare module 'virtual:lasting-links/preview' {
  /** The pull request this build previews, or null for a normal build. */
  const preview: import('./theme.ts').PreviewSettings | null;
  export default preview;
}

declare module 'virtual:lasting-links/preview-layout' {
  /** The layout the What-changed page renders in: props `{ title, description }`, one slot. */
  const Layout: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default Layout;
}

declare module 'virtual:lasting-links/dev-settings' {
  /** The integration's own: the site settings its dev-only link marks work with. */
  const settings: import('./lib/settings.ts').SiteSettings;
  export default settings;
}
