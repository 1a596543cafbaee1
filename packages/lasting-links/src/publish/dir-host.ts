/**
 * Previews in a folder that nginx or any static host serves:
 *
 *   PATH/index.html, robots.txt   the host's own files
 *   PATH/pr-12  →  .versions/pr-12/<id>   a symlink to the live version of the preview
 *   PATH/.versions/pr-12/<id>/            each publish's complete copy
 *
 * A publish writes a complete new version beside the live one, then swaps the symlink with one
 * `rename`, which is atomic: a reader resolves `pr-12/` to the old version or to the new one,
 * never to a half-written folder. The version it replaced stays until the next publish, so a
 * request already on its way finishes, and the previous fingerprinted assets are carried into
 * the new version, so a page loaded just before the swap still gets its styles.
 *
 *   PATH/.pr-12.lease                    the lease of a publish or remove under way
 *
 * The production site (`lasting-links publish --to dir:PATH`) is the same one level up: PATH
 * itself is the symlink, to PARENT/.NAME.versions/<id>, with its lease in PARENT/.NAME.lease
 * (where PATH is PARENT/NAME), so the web server's root is PATH and flips the same way.
 *
 * The lease is a file naming its holder and when it expires, renewed while held; it is read and
 * written only under a short lock (see `underLock`), so two runs never both take it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import {
  copyFile,
  link,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import {
  describeTarget,
  previewFolder,
  pullRequestOfFolder,
  type DirTarget,
} from '../lib/preview/options.ts';
import {
  parsePreviewManifest,
  parseSlotManifest,
  serializePreviewManifest,
  type PreviewManifest,
} from '../lib/preview/manifest.ts';
import { describeSlot, manifestFileOf, previewSlot, type Slot } from '../lib/preview/slot.ts';
import type { PublishPlan, PublishState } from '../lib/preview/publish-plan.ts';
import {
  PREVIEW_MANIFEST_FILE,
  cacheControlOf,
  contentTypeOf,
} from '../lib/preview/published-files.ts';
import type { Lease, LeaseAttempt, Log, PreviewHost, StoredObject } from './host.ts';
import { holdLease } from './held-lease.ts';
import { listFiles } from './local-files.ts';
import { writeWhole } from '../lib/files.ts';

/** After this long a lock folder is taken to be left by a run that died holding it. */
const LOCK_STALE_MS = 10_000;

/**
 * Runs `work` holding a short lock on the lease file `path` (a folder beside it, made with one
 * atomic `mkdir`), so reading the lease and writing it are one step: of two runs that find a
 * lease expired, one takes it over. The lock is held for milliseconds; one left by a run that
 * died holding it is stale after 10 s.
 */
async function underLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const lock = `${path}.lock`;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let age: number;
    try {
      age = Date.now() - (await stat(lock)).mtimeMs;
    } catch {
      continue; // Given back meanwhile.
    }
    if (age > LOCK_STALE_MS) await rm(lock, { recursive: true, force: true });
    else if (attempt > 1000)
      throw new Error(`${lock} stays locked: remove it if no publish or remove is running`);
    else await new Promise((wait) => setTimeout(wait, 20));
  }
  try {
    return await work();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/** The holder and expiry a lease file records, or undefined when there is none (or it is not one). */
async function readLeaseFile(
  path: string,
): Promise<{ owner: string; expiresAt: number } | undefined> {
  try {
    const { owner, expiresAt } = JSON.parse(await readFile(path, 'utf8')) as Record<
      string,
      unknown
    >;
    const time = Date.parse(String(expiresAt));
    return typeof owner === 'string' && !Number.isNaN(time)
      ? { owner, expiresAt: time }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The folder of every version of every preview, beside the previews' symlinks. */
const VERSIONS = '.versions';

/** Where a slot lives in the file system. */
interface Place {
  /** The folder the slot's symlink is in. */
  parent: string;
  /** The symlink's name: readers reach the slot through `parent/name`. */
  name: string;
  /** The folder of the slot's versions. */
  versions: string;
  /** The slot's lease file. */
  lease: string;
}

export class DirHost implements PreviewHost {
  readonly description: string;
  readonly #root: string;

  constructor(target: DirTarget) {
    this.#root = resolve(target.path);
    this.description = describeTarget(target);
  }

  /** Where `slot` lives: a preview in the root, the production site as the root itself. */
  #place(slot: Slot): Place {
    if (slot.kind === 'preview') {
      const name = previewFolder(slot.pr);
      return {
        parent: this.#root,
        name,
        versions: join(this.#root, VERSIONS, name),
        lease: join(this.#root, `.${name}.lease`),
      };
    }
    const parent = dirname(this.#root);
    const name = basename(this.#root);
    return {
      parent,
      name,
      versions: join(parent, `.${name}.versions`),
      lease: join(parent, `.${name}.lease`),
    };
  }

  /** The folder the live version of `slot` is in, or undefined when there is none. */
  async #live(slot: Slot): Promise<string | undefined> {
    const { parent, name } = this.#place(slot);
    const path = join(parent, name);
    let info;
    try {
      info = await lstat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    if (!info.isSymbolicLink()) {
      throw new Error(
        `${path} is not ${slot.kind === 'preview' ? 'a preview' : 'a site'} published by this command (it is not a symlink to a version): move it away, or publish to another folder`,
      );
    }
    return resolve(parent, await readlink(path));
  }

  async state(slot: Slot): Promise<PublishState> {
    const live = await this.#live(slot);
    if (live === undefined) return { previous: undefined, existing: new Set() };
    const where = join(live, manifestFileOf(slot));
    let text: string | undefined;
    try {
      text = await readFile(where, 'utf8');
    } catch {
      text = undefined;
    }
    return {
      previous: text === undefined ? undefined : parseSlotManifest(slot, text, where),
      existing: new Set(await listFiles(live)),
    };
  }

  async tryLease(slot: Slot, ttlMs: number): Promise<LeaseAttempt> {
    const { parent, lease: path } = this.#place(slot);
    await mkdir(parent, { recursive: true });
    const owner = randomUUID();
    const write = () =>
      writeWhole(
        path,
        JSON.stringify({ owner, expiresAt: new Date(Date.now() + ttlMs).toISOString() }),
      );
    const heldBy = await underLock(path, async () => {
      const current = await readLeaseFile(path);
      if (current !== undefined && current.expiresAt > Date.now())
        return `its lease ${path} runs until ${new Date(current.expiresAt).toISOString()}`;
      await write();
      return undefined;
    });
    if (heldBy !== undefined) return { heldBy };
    const isOurs = async () => (await readLeaseFile(path))?.owner === owner;
    const lease = holdLease(
      {
        renew: () =>
          underLock(path, async () => {
            if (!(await isOurs())) return 'another run took it over';
            await write();
            return undefined;
          }),
        isStillOurs: isOurs,
        giveBack: () =>
          underLock(path, async () => {
            if (await isOurs()) await rm(path, { force: true });
          }),
      },
      ttlMs,
      `${describeSlot(slot)} at ${this.description}`,
    );
    return { lease };
  }

  async apply(
    slot: Slot,
    buildDir: string,
    plan: PublishPlan,
    log: Log,
    lease: Lease,
  ): Promise<void> {
    const { parent, name: folder, versions } = this.#place(slot);
    const label = slot.kind === 'preview' ? `${this.description}/${folder}` : this.description;
    await mkdir(versions, { recursive: true });
    const live = await this.#live(slot);
    const id = `${Date.now().toString(36)}-${(plan.manifest.sha ?? 'site').slice(0, 7)}-${randomBytes(3).toString('hex')}`;
    const next = join(versions, id);
    await mkdir(next);
    try {
      let linked = 0;
      const place = async (file: string, from: string, reuse: boolean) => {
        const to = join(next, file);
        await mkdir(dirname(to), { recursive: true });
        // An unchanged file is the same bytes as the live one: a hard link costs no copy.
        if (reuse && live !== undefined) {
          try {
            await link(join(live, file), to);
            linked += 1;
            return;
          } catch {
            // Another file system, or the live file is gone: copy it instead.
          }
        }
        await copyFile(join(from, file), to);
      };
      for (const upload of plan.uploads) await place(upload.file, buildDir, false);
      for (const upload of plan.unchanged) await place(upload.file, buildDir, true);
      for (const file of plan.kept) if (live !== undefined) await place(file, live, true);
      await writeFile(join(next, manifestFileOf(slot)), serializePreviewManifest(plan.manifest));
      const swap = join(parent, `.${folder}.${id}.link`);
      await symlink(relative(parent, next), swap);
      await lease.check();
      await rename(swap, join(parent, folder));
      log(
        `${label}: ${plan.uploads.length} files written, ${linked} unchanged files linked, ${plan.kept.length} previous assets kept; swapped in`,
      );
    } catch (error) {
      await rm(next, { recursive: true, force: true });
      throw new Error(
        `writing the new version of ${label} failed, so the live ${slot.kind === 'preview' ? 'preview' : 'site'} was left as it was: ${(error as Error).message}`,
        { cause: error },
      );
    }
    // Versions before the one just replaced: no reader can still be on their way to them. This
    // also clears what a publish that crashed left behind (a partial version, a stray link).
    // Whatever the link names now is never deleted, even if it is not the version just written.
    await lease.check();
    const current = await this.#live(slot);
    for (const old of await readdir(versions)) {
      const path = join(versions, old);
      if (path !== next && path !== live && path !== current)
        await rm(path, { recursive: true, force: true });
    }
    for (const name of await readdir(parent)) {
      if (name.startsWith(`.${folder}.`) && name.endsWith('.link'))
        await rm(join(parent, name), { force: true });
    }
  }

  async remove(pr: number, lease: Lease): Promise<number> {
    const folder = previewFolder(pr);
    const live = await this.#live(previewSlot(pr));
    await lease.check();
    const files = live === undefined ? 0 : (await listFiles(live)).length;
    // The symlink first: the preview is gone for readers in one step, then its versions go.
    if (live !== undefined) await rm(join(this.#root, folder));
    await rm(join(this.#root, VERSIONS, folder), { recursive: true, force: true });
    return files;
  }

  async previews(): Promise<PreviewManifest[]> {
    let names: string[];
    try {
      names = await readdir(this.#root);
    } catch {
      return [];
    }
    const manifests: PreviewManifest[] = [];
    for (const name of names) {
      const pr = pullRequestOfFolder(name);
      if (pr === undefined) continue;
      const where = join(this.#root, name, PREVIEW_MANIFEST_FILE);
      try {
        manifests.push(parsePreviewManifest(await readFile(where, 'utf8'), where));
      } catch {
        // Not a published preview (or one being removed): not listed.
      }
    }
    return manifests;
  }

  async writeHostFile(name: string, body: string): Promise<void> {
    await mkdir(this.#root, { recursive: true });
    const temporary = join(this.#root, `.${name}.${randomBytes(3).toString('hex')}.tmp`);
    await writeFile(temporary, body);
    await rename(temporary, join(this.#root, name));
  }

  async read(key: string): Promise<StoredObject | undefined> {
    const root = await realpath(this.#root);
    let path: string;
    try {
      path = await realpath(join(this.#root, key));
    } catch {
      return undefined;
    }
    // Symlinks lead into .versions/, inside the root; nothing may lead out of it.
    if (!path.startsWith(root + sep) || !(await stat(path)).isFile()) return undefined;
    const inPreview = pullRequestOfFolder(key.split('/')[0] ?? '') !== undefined;
    return {
      body: await readFile(path),
      contentType: contentTypeOf(key),
      cacheControl: inPreview ? cacheControlOf(key.slice(key.indexOf('/') + 1)) : 'no-cache',
    };
  }
}
