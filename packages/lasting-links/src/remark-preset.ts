/**
 * The docs lint for editors: a remark preset for `.remarkrc.mjs`, which the remark/MDX language
 * server reads, configured with the integration's settings (terms file, oldest supported
 * release), so the editor underlines what the build and `lasting-links lint` report.
 *
 *     // .remarkrc.mjs
 *     export { default } from 'lasting-links/remark-preset';
 *
 * Cross-references are checked against the pages as they were when the editor loaded it.
 */
import { loadSettings } from './cli/settings.ts';
import { docsLintPlugins, loadLintSettings } from './lib/lint/index.ts';

const settings = await loadSettings(process.cwd());

export default {
  plugins: docsLintPlugins(
    loadLintSettings({
      root: settings.projectRoot,
      contentDir: settings.contentDir,
      termsFile: settings.termsFile,
      oldestSupportedVersion: settings.oldestSupportedVersion,
      syntax: settings.syntax,
    }),
  ),
};
