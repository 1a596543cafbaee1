/**
 * A section's identity: the text that says what it is about. Usually its own prose (up to the
 * next heading); for a section that is mostly a container of subsections (a short intro, then
 * h3s), its whole text with the subsections, which is what moves when it moves.
 */
import {
  fingerprintOf,
  parseFingerprint,
  serializeFingerprint,
  shingles,
  type Fingerprint,
  type Shingles,
} from './fingerprint.ts';

/** Below this many shingles a section's own prose says too little to recognise it by. */
export const MIN_SHINGLES = 6;

/** Which text an identity was taken from. */
type IdentityScope = 'own' | 'whole';

/** A section's identity text, as shingles or as the lock's fingerprint of them. */
export interface Identity {
  scope: IdentityScope;
  text: Shingles | Fingerprint;
}

/** A heading and its prose, in page order. */
export interface OutlineSection {
  level: number;
  text: string;
}

/** Each section's own shingles and whole shingles (with its subsections), in page order. */
export function sectionShingles(
  sections: readonly OutlineSection[],
): Array<{ own: Set<number>; whole: Set<number> }> {
  const own = sections.map((section) => shingles(section.text));
  return sections.map((section, index) => {
    const whole = new Set(own[index]);
    for (
      let next = index + 1;
      next < sections.length && sections[next]!.level > section.level;
      next += 1
    ) {
      for (const hash of own[next]!) whole.add(hash);
    }
    return { own: own[index]!, whole };
  });
}

/** The identity of a section from its own and whole shingles. */
export function identityOf(own: Shingles, whole: Shingles): Identity {
  return own.size >= MIN_SHINGLES || whole.size <= own.size
    ? { scope: 'own', text: own }
    : { scope: 'whole', text: whole };
}

/** `own:…` or `whole:…`: an identity as the lock stores it. */
export function serializeIdentity(identity: Identity): string {
  const text = identity.text;
  return `${identity.scope}:${serializeFingerprint('sample' in text ? text : fingerprintOf(text))}`;
}

/** The inverse of serializeIdentity, or undefined for anything that is not one. */
export function parseIdentity(text: string): Identity | undefined {
  const match = /^(own|whole):(.*)$/.exec(text);
  const fingerprint = match === null ? undefined : parseFingerprint(match[2]!);
  return fingerprint === undefined
    ? undefined
    : { scope: match![1] as IdentityScope, text: fingerprint };
}
