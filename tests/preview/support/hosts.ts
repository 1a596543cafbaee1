/**
 * The two kinds of preview host, set up the same way for a test: a folder, or a bucket prefix on
 * a real S3 API. Each can say everything it holds (to prove a command touched nothing it should
 * not) and what a reader gets for a file of a preview.
 */
import { createHash } from 'node:crypto';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { BUCKET, bucketSnapshot, getObject, startStore, type TestStore } from './local-store.ts';

/** A host under test. */
export interface HostFixture {
  kind: 'dir' | 's3';
  /** The `--to` value. */
  to: string;
  /** The environment the commands need (the store's endpoint and credentials). */
  env: NodeJS.ProcessEnv;
  /** A folder for builds and summaries, removed with the test. */
  scratch: string;
  /** Everything the host holds, and everything beside it, as comparable lines. */
  snapshot(): Promise<string[]>;
  /** The content a reader gets for `file` of pull request `pr`'s preview, or undefined. */
  read(pr: number, file: string): Promise<string | undefined>;
  /** The host's index page. */
  index(): Promise<string | undefined>;
  store: TestStore | undefined;
  /** The folder the host is (dir only). */
  root: string | undefined;
}

function walk(dir: string, into: string[], prefix = ''): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const info = lstatSync(path);
    const relative = prefix + name;
    if (info.isSymbolicLink()) into.push(`${relative} -> ${readlinkSync(path)}`);
    else if (info.isDirectory()) walk(path, into, `${relative}/`);
    else into.push(`${relative} ${createHash('sha256').update(readFileSync(path)).digest('hex')}`);
  }
}

/** A fresh host of `kind` with a neighbour it must never touch. */
export async function makeHost(t: TestContext, kind: 'dir' | 's3'): Promise<HostFixture> {
  const scratch = mkdtempSync(join(tmpdir(), `docs-preview-${kind}-`));
  t.after(() => rmSync(scratch, { recursive: true, force: true }));
  if (kind === 'dir') {
    const parent = join(scratch, 'served');
    const root = join(parent, 'host');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(parent, 'neighbour.txt'), 'not a preview');
    return {
      kind,
      to: `dir:${root}`,
      env: {},
      scratch,
      store: undefined,
      root,
      snapshot: () => {
        const lines: string[] = [];
        walk(parent, lines);
        return Promise.resolve(lines);
      },
      read: (pr, file) => {
        try {
          return Promise.resolve(readFileSync(join(root, `pr-${pr}`, file), 'utf8'));
        } catch {
          return Promise.resolve(undefined);
        }
      },
      index: () => Promise.resolve(readFileSync(join(root, 'index.html'), 'utf8')),
    };
  }
  const store = await startStore(t);
  // Neighbours: the bucket's root, and a prefix that starts like the host's.
  for (const key of ['keep.txt', 'hosted-other/pr-1/index.html', 'hostedpr-1/index.html']) {
    await store.client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }));
  }
  const get = async (key: string) => {
    try {
      return (await getObject(store.client, key)).body;
    } catch {
      return undefined;
    }
  };
  return {
    kind,
    to: `s3://${BUCKET}/hosted`,
    env: store.env,
    scratch,
    store,
    root: undefined,
    snapshot: () => bucketSnapshot(store.client),
    read: (pr, file) => get(`hosted/pr-${pr}/${file}`),
    index: () => get('hosted/index.html'),
  };
}
