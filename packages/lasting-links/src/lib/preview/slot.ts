/**
 * Where on a host a publish goes: a slot. A pull request's preview lives in `pr-N/` of the
 * host; the production site is the target itself (the folder `dir:PATH` names, or the bucket's
 * prefix). Both are published, leased and swapped in by the same machinery.
 */
import { previewFolder } from './options.ts';
import { PREVIEW_MANIFEST_FILE, PRODUCTION_MANIFEST_FILE } from './published-files.ts';

/** A pull request's preview, or the production site. */
export type Slot = { kind: 'preview'; pr: number } | { kind: 'production' };

/** The production site: the target's root. */
export const PRODUCTION_SLOT: Slot = { kind: 'production' };

/** The slot of pull request `pr`'s preview. */
export function previewSlot(pr: number): Slot {
  return { kind: 'preview', pr };
}

/** A name for the slot's lease: `pr-12`, or `production`. */
export function slotName(slot: Slot): string {
  return slot.kind === 'preview' ? previewFolder(slot.pr) : 'production';
}

/** The slot in messages: `the preview of pull request #12`, `the production site`. */
export function describeSlot(slot: Slot): string {
  return slot.kind === 'preview'
    ? `the preview of pull request #${slot.pr}`
    : 'the production site';
}

/** The file a publish writes last into the slot, naming everything it published. */
export function manifestFileOf(slot: Slot): string {
  return slot.kind === 'preview' ? PREVIEW_MANIFEST_FILE : PRODUCTION_MANIFEST_FILE;
}
