import type { ViteUserConfig } from 'astro';

/** A Vite plugin, as Astro's config takes it (Vite comes with Astro). */
type VitePlugin = Extract<NonNullable<ViteUserConfig['plugins']>[number], { name: string }>;

/**
 * A Vite plugin that calls `start` once, when `astro build` has bundled every environment and is
 * about to render the pages. Astro renders pages in its own `buildApp` hook, ordered "post" and
 * enforced last; this one is ordered "post" too but not enforced, so Vite runs it just before.
 *
 * Why the moment matters: while Vite bundles, the MDX compile and the bundler's own threads
 * keep both cores of a small machine busy; while Astro renders, one JavaScript thread works and
 * the other core mostly waits. Work started here (the docs lint) uses that idle core instead of
 * slowing the bundling down.
 */
export function whenBundled(start: () => void): VitePlugin {
  return {
    name: 'lasting-links:when-bundled',
    apply: 'build',
    buildApp: {
      order: 'post',
      handler() {
        start();
        return Promise.resolve();
      },
    },
  };
}
