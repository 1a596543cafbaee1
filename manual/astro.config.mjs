// @ts-check
import { defineConfig } from 'astro/config';
import { docsSiteConfig } from '../src/site-config.ts';
import { ciRepositoryOf } from '../src/lib/ci-repository.ts';

// The authoring manual: the pages that show every feature of the theme to the people who write
// the docs, as a site of its own with the same theme, so the reader's site has none of them.
// Like the project's own config, the one place that reads the environment.
const env = process.env;

export default defineConfig(
  docsSiteConfig({
    root: new URL('.', import.meta.url).pathname,
    title: 'Writing Mattermost Docs',
    home: {
      description: 'How the Mattermost docs are written, laid out and published.',
      tagline:
        'For the people who write the docs: every feature of the site, described on a page that uses it, so what you read is what your page will look like.',
    },
    site: env.SITE_URL,
    base: env.SITE_BASE,
    outDir: env.OUT_DIR,
    // The reader's notice links into the HA guide, which this site does not have.
    announcement: null,
    // Nor the home page's cards into the guide's tasks.
    commonTasks: false,
    ciRepository: ciRepositoryOf(env),
    // The names and words the docs lint checks are the docs' own.
    links: { terms: '../content/terms.yaml' },
  }),
);
