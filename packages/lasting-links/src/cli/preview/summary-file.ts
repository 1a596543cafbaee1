/** The what-changed summary as Markdown, for the pull request comment and the CI job summary. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  changesMarkdown,
  parseChangesSummary,
  type ChangesSummary,
  type CommentIdentity,
} from '../../lib/preview/changes-summary.ts';
import { previewFolder } from '../../lib/preview/options.ts';
import { CHANGES_SUMMARY_FILE } from '../../lib/preview/published-files.ts';

/** The summary a preview build wrote, checked field by field (it may come from an untrusted job). */
export async function readSummary(buildDir: string): Promise<ChangesSummary> {
  const where = join(buildDir, CHANGES_SUMMARY_FILE);
  let text: string;
  try {
    text = await readFile(where, 'utf8');
  } catch {
    throw new Error(
      `${where} is missing: ${buildDir} is not a preview build (lasting-links preview build)`,
    );
  }
  return parseChangesSummary(text, where);
}

/**
 * Writes the summary's Markdown to `file`, with links under `hostUrl` (else relative to the
 * host's root), as the preview of `identity` (never the summary's own say); returns the
 * preview's URL.
 */
export async function writeSummaryMarkdown(
  summary: ChangesSummary,
  hostUrl: string | undefined,
  file: string,
  mapFile: string,
  identity: CommentIdentity,
): Promise<string> {
  const previewUrl = `${hostUrl ?? ''}/${previewFolder(identity.pr)}/`;
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, changesMarkdown(summary, previewUrl, mapFile, identity));
  return previewUrl;
}
