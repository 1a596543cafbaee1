/** Opens the host a `dir:` or `s3://` target names; the S3 client is loaded only for S3. */
import type { PreviewTarget } from '../lib/preview/options.ts';
import type { PreviewHost, S3Options } from './host.ts';

/** The host a target names. */
export async function openHost(target: PreviewTarget, s3: S3Options): Promise<PreviewHost> {
  if (target.kind === 'dir') {
    const { DirHost } = await import('./dir-host.ts');
    return new DirHost(target);
  }
  let s3Host: typeof import('./s3-host.ts');
  try {
    s3Host = await import('./s3-host.ts');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
    throw new Error(
      `publishing to s3://${target.bucket} needs the AWS SDK for JavaScript: npm install --save-dev @aws-sdk/client-s3`,
      { cause: error },
    );
  }
  return new s3Host.S3Host(target, s3Host.s3Client(s3));
}
