/**
 * The repository a preview links its pull request in: the environment's (`PREVIEW_REPOSITORY_URL`,
 * or the repository a GitHub Actions run builds), else the project's package.json `repository`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRepositoryUrl } from '../lib/repository-url.ts';
import type { CommandEnvironment } from './environment.ts';

/** Where pull requests are linked when no repository is known at all. */
const UNKNOWN_REPOSITORY = 'https://github.com/invalid/invalid';

export function repositoryOf(projectRoot: string, env: CommandEnvironment): string {
  if (env.repositoryUrl !== undefined) return env.repositoryUrl;
  try {
    const packageJson = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      repository?: Parameters<typeof packageRepositoryUrl>[0];
    };
    return packageRepositoryUrl(packageJson.repository) ?? UNKNOWN_REPOSITORY;
  } catch {
    return UNKNOWN_REPOSITORY;
  }
}
