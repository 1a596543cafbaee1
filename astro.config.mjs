// @ts-check
import { defineConfig } from 'astro/config';
import { docsSiteConfig } from './src/site-config.ts';
import { ciRepositoryOf } from './src/lib/ci-repository.ts';

// The one place that reads the environment: SITE_URL (the published origin), SITE_BASE (the
// base path, e.g. /pr-123/), OUT_DIR, and the repository a GitHub Actions run builds.
const env = process.env;

export default defineConfig(
  docsSiteConfig({
    site: env.SITE_URL,
    base: env.SITE_BASE,
    outDir: env.OUT_DIR,
    ciRepository: ciRepositoryOf(env),
  }),
);
