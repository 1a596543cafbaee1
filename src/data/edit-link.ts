/**
 * Where "Edit this page" points. The repository is settled once per build: the site's setting
 * when there is one, else the repository a CI run says it builds, else package.json's
 * `repository`. The path is the page's source file in that repository, so the link opens the
 * very file the page was built from.
 */
import packageJson from '../../package.json' with { type: 'json' };
import { repositoryWebUrl } from 'lasting-links/theme';

/** package.json's `repository`: a URL, a `host:owner/name` shorthand, or an object with a `directory`. */
type RepositoryField = string | { url?: string; directory?: string } | undefined;

/** A repository's web address and the folder of this project inside it (`''` at its root). */
export interface EditRepository {
  web: string;
  directory: string;
}

/** Settles the repository from the site setting, the CI's environment and package.json, in that order. */
export function editRepository(
  setting: string | false | undefined,
  fromEnvironment: string | undefined,
  field: RepositoryField,
): EditRepository | undefined {
  if (setting === false) return undefined;
  if (setting) return { web: setting.replace(/\/+$/, ''), directory: '' };
  if (fromEnvironment) return { web: fromEnvironment, directory: '' };
  const written = typeof field === 'string' ? field : field?.url;
  const web = written ? repositoryWebUrl(written) : undefined;
  const directory = typeof field === 'object' ? (field.directory ?? '') : '';
  return web ? { web, directory: directory.replace(/^\.?\/+|\/+$/g, '') } : undefined;
}

/** The edit address of `file` (relative to the project root) on `branch`, in GitHub's or GitLab's form. */
export function editUrlOf(repository: EditRepository, branch: string, file: string): string {
  const path = [repository.directory, file].filter(Boolean).join('/');
  const gitlab = new URL(repository.web).hostname.includes('gitlab');
  return `${repository.web}/${gitlab ? '-/edit' : 'edit'}/${branch}/${path}`;
}

/** "Edit this page" for a page built from `sourceFile`, or `undefined` when no repository is known. */
export function editUrl(
  sourceFile: string,
  settings: {
    editLink: { repository: string | false | undefined; branch: string };
    ciRepository: string | undefined;
    siteDirectory?: string;
  },
): string | undefined {
  const repository = editRepository(
    settings.editLink.repository,
    settings.ciRepository,
    (packageJson as { repository?: RepositoryField }).repository,
  );
  const file = [settings.siteDirectory, sourceFile].filter(Boolean).join('/');
  return repository && editUrlOf(repository, settings.editLink.branch, file);
}
