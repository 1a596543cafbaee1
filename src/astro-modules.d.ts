/**
 * `.astro` imports as plain TypeScript sees them (ESLint, `tsc`). `astro check` resolves the
 * real components through its own language service, which takes precedence over this.
 */
declare module '*.astro' {
  const component: import('astro/runtime/server/index.js').AstroComponentFactory;
  export default component;
}

/** The theme's settings, served by `docsTheme()` (see src/integration/index.ts). */
declare module 'virtual:docs-theme/settings' {
  const settings: import('./integration/index.ts').ThemeModule;
  export default settings;
}
