/**
 * What a section says, in a form that survives its heading being renamed: the set of its word
 * triples (shingles), hashed. Two texts share a shingle only when they share three words in a
 * row, so the share of an old section's shingles found in a new section is how much of its text
 * now lives there (its containment). That is robust to a new title, to edits around the text,
 * and to the text being split or merged.
 *
 * The lock keeps a small fingerprint of each published section: its shingle count and a uniform
 * sample of its shingles (the `SAMPLE_SIZE` smallest hashes, a bottom-k sketch). The share of
 * the sample found in a candidate's full shingle set estimates containment without keeping the
 * text. A section with no more shingles than the sample is kept whole, so its estimate is exact.
 */

/** A section's shingles as hashes: the full set, from a text at hand. */
export type Shingles = ReadonlySet<number>;

/** A published section as the lock keeps it. */
export interface Fingerprint {
  /** How many distinct shingles the text had. */
  size: number;
  /** The `SAMPLE_SIZE` smallest shingle hashes (all of them when there are fewer). */
  sample: readonly number[];
}

/** Enough for a containment estimate within about ±0.09; 128 characters in the lock. */
const SAMPLE_SIZE = 32;

/** Lower-case words of letters and digits: "Set up the proxy!" and "set-up the Proxy" share their words. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** 24 bits of FNV-1a: a few characters per hash in the lock, and rare collisions within one page. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193);
  }
  return (value >>> 8) & 0xffffff;
}

/** The hashed word triples of a text; a text of one or two words is its words. */
export function shingles(text: string): Set<number> {
  const list = words(text);
  const result = new Set<number>();
  if (list.length < 3) {
    for (const word of list) result.add(hash(word));
    return result;
  }
  for (let i = 0; i + 2 < list.length; i += 1)
    result.add(hash(`${list[i]} ${list[i + 1]} ${list[i + 2]}`));
  return result;
}

/** The fingerprint of a shingle set. */
export function fingerprintOf(set: Shingles): Fingerprint {
  return { size: set.size, sample: [...set].sort((a, b) => a - b).slice(0, SAMPLE_SIZE) };
}

/**
 * How much of `old` is found in `candidate`, from 0 to 1: exact for a full set, estimated from
 * the sample for a fingerprint. Nothing is found of an empty text.
 */
export function containment(old: Shingles | Fingerprint, candidate: Shingles): number {
  const members = isFingerprint(old) ? old.sample : [...old];
  if (members.length === 0) return 0;
  let found = 0;
  for (const member of members) if (candidate.has(member)) found += 1;
  return found / members.length;
}

function isFingerprint(value: Shingles | Fingerprint): value is Fingerprint {
  return 'sample' in value;
}

const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `size:sample` with each 24-bit hash as four URL-safe base-64 characters. */
export function serializeFingerprint(fingerprint: Fingerprint): string {
  let sample = '';
  for (const value of fingerprint.sample) {
    for (let shift = 18; shift >= 0; shift -= 6) sample += DIGITS[(value >> shift) & 63];
  }
  return `${fingerprint.size}:${sample}`;
}

/** The inverse of serializeFingerprint, or undefined for anything that is not one. */
export function parseFingerprint(text: string): Fingerprint | undefined {
  const match = /^(\d+):([A-Za-z0-9_-]*)$/.exec(text);
  if (match === null || match[2]!.length % 4 !== 0) return undefined;
  const sample: number[] = [];
  for (let i = 0; i < match[2]!.length; i += 4) {
    let value = 0;
    for (let j = 0; j < 4; j += 1) value = (value << 6) | DIGITS.indexOf(match[2]![i + j]!);
    sample.push(value);
  }
  return { size: Number(match[1]), sample };
}
