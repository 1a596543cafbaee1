/**
 * Files Node runs itself (worker threads): the TypeScript source in a checkout of the package,
 * its compiled JavaScript once installed, since Node does not strip types inside node_modules.
 * Astro loads the integration through Vite, which reads the TypeScript either way.
 */

/** The file to start for the package source `url` (a `src/**.ts` file of this package). */
export function runnableFile(url: URL): URL {
  if (!url.pathname.includes('/node_modules/')) return url;
  const compiled = url.pathname.replace(/\/src\/([^]*)\.ts$/, '/dist/$1.js');
  return new URL(`file://${compiled}`);
}
