/**
 * What the preview commands accept from the command line, checked before anything is built,
 * uploaded or deleted: the pull request's number, the commit and where previews are hosted.
 * Each value reaches file paths and object keys, so anything that is not plainly a number, a
 * commit id or a well-formed target is refused with a message that says what to write instead.
 */

/** Bad input on the command line: the commands print the message and exit 2, without a trace. */
export class UsageError extends Error {}

/** A folder served by a static host: previews live in `PATH/pr-N/`. */
export interface DirTarget {
  kind: 'dir';
  /** The folder as written after `dir:`; commands resolve it against their working directory. */
  path: string;
}

/** An S3 bucket, optionally with a key prefix: previews live under `PREFIX/pr-N/`. */
export interface S3Target {
  kind: 's3';
  bucket: string;
  /** Key prefix without slashes at either end; empty for the bucket's root. */
  prefix: string;
}

/** Where previews are published. */
export type PreviewTarget = DirTarget | S3Target;

const TARGET_FORMS = 'dir:PATH (a folder, e.g. dir:/srv/previews) or s3://BUCKET[/PREFIX]';

/**
 * The pull request's number: digits only, no sign, no leading zero, at most 9 digits. It names a
 * folder and a key prefix, so `../x`, `1;rm` or an empty value never get that far.
 */
export function parsePullRequest(value: string | undefined): number {
  if (value === undefined)
    throw new UsageError('--pr is missing: give the pull request number, e.g. --pr 123');
  if (!/^[1-9][0-9]{0,8}$/.test(value)) {
    throw new UsageError(
      `--pr ${JSON.stringify(value)} is not a pull request number: use its digits only, e.g. --pr 123`,
    );
  }
  return Number(value);
}

/** A commit id as git prints it: 7 to 40 hexadecimal digits, stored in lower case. */
export function parseSha(value: string | undefined): string {
  if (value === undefined)
    throw new UsageError('--sha is missing: give the commit, e.g. --sha "$(git rev-parse HEAD)"');
  if (!/^[0-9a-f]{7,40}$/i.test(value)) {
    throw new UsageError(
      `--sha ${JSON.stringify(value)} is not a commit id: give 7 to 40 hexadecimal digits, e.g. --sha "$(git rev-parse HEAD)"`,
    );
  }
  return value.toLowerCase();
}

/** S3's rules for bucket names (the DNS-compatible ones every S3 API accepts). */
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** One segment of a key prefix: no dot segments, nothing a URL or a shell would reinterpret. */
const PREFIX_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** `dir:PATH` or `s3://BUCKET[/PREFIX]`, given with the flag `flag`. */
export function parseTarget(value: string | undefined, flag = '--to'): PreviewTarget {
  if (value === undefined || value === '')
    throw new UsageError(`${flag} is missing: give ${TARGET_FORMS}`);
  if (value.startsWith('dir:')) {
    const path = value.slice('dir:'.length);
    if (path.trim() === '')
      throw new UsageError(`${flag} ${JSON.stringify(value)} names no folder: write dir:PATH`);
    if (path.includes('\0')) throw new UsageError(`${flag} holds a NUL character`);
    return { kind: 'dir', path };
  }
  if (value.startsWith('s3://')) {
    const [bucket = '', ...rest] = value.slice('s3://'.length).replace(/\/+$/, '').split('/');
    if (!BUCKET_NAME.test(bucket) || bucket.includes('..')) {
      throw new UsageError(
        `${flag} ${JSON.stringify(value)}: "${bucket}" is not a bucket name (3 to 63 lower-case letters, digits, "." and "-")`,
      );
    }
    const bad = rest.find((segment) => !PREFIX_SEGMENT.test(segment));
    if (bad !== undefined) {
      throw new UsageError(
        `${flag} ${JSON.stringify(value)}: the prefix segment ${JSON.stringify(bad)} is not allowed; use letters, digits, ".", "_" and "-" (no empty or dot segments), e.g. s3://${bucket}/previews`,
      );
    }
    return { kind: 's3', bucket, prefix: rest.join('/') };
  }
  throw new UsageError(`${flag} ${JSON.stringify(value)} is not a target: give ${TARGET_FORMS}`);
}

/** How a target reads in messages: `dir:/srv/previews`, `s3://bucket/prefix`. */
export function describeTarget(target: PreviewTarget): string {
  return target.kind === 'dir'
    ? `dir:${target.path}`
    : `s3://${target.bucket}${target.prefix ? `/${target.prefix}` : ''}`;
}

/** The folder (and URL segment) of a pull request's preview: `pr-123`. */
export function previewFolder(pr: number): string {
  return `pr-${pr}`;
}

/** A `pr-N` folder name back to its number, or undefined for anything else on the host. */
export function pullRequestOfFolder(name: string): number | undefined {
  const match = /^pr-([1-9][0-9]{0,8})$/.exec(name);
  return match ? Number(match[1]) : undefined;
}

/**
 * Every key of a pull request's preview starts with this: `PREFIX/pr-N/`. The trailing slash
 * keeps `pr-1/` from matching `pr-12/`.
 */
export function previewKeyPrefix(target: S3Target, pr: number): string {
  return `${hostKeyPrefix(target)}${previewFolder(pr)}/`;
}

/** Where the host's own files (index, robots.txt) live: `PREFIX/`, or `` at the bucket root. */
export function hostKeyPrefix(target: S3Target): string {
  return target.prefix ? `${target.prefix}/` : '';
}
