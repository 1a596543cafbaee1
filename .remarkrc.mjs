// The docs lint, for editors: the unified/remark editor extensions (unified-engine) read this
// file and show the same findings as `npm run lint:docs` and the build, configured with the
// lastingLinks() options in astro.config.mjs. Needs a Node.js that runs TypeScript files
// directly (22.18 or later), as the project's own does.
export { default } from 'lasting-links/remark-preset';
