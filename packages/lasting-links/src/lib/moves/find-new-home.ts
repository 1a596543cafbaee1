/**
 * Where a section that is no longer at its old address went, decided by what it says. Every
 * content section of the site is a candidate; the one holding most of the old section's text
 * wins, heading similarity only breaks ties. When two candidates hold the text about equally and
 * their headings do not tell them apart, or when no section holds at least `MIN_CONFIDENCE` of
 * it (a section rewritten in new words, or deleted), nothing is decided: the question goes to the
 * writer, with the best candidates ranked by their text, their heading's words and their place
 * on the page, and the top of the page the address now lands on.
 */
import type { SitePath } from '../site-path.ts';
import { containment, type Shingles } from './fingerprint.ts';
import { headingSimilarity, headingWordShare, normalizeHeading } from './headings.ts';
import type { Identity } from './identity.ts';

/** A place a section may have gone: a heading, or the top of a page (`id` null). */
export interface HomeCandidate {
  path: SitePath;
  id: string | null;
  heading: string;
  own: Shingles;
  whole: Shingles;
}

/** A section that lost its address, and what is known of its text. */
export interface LostSection {
  path: SitePath;
  id: string;
  heading: string;
  identity: Identity | undefined;
  /** Where it stood on its page, from 0 (first section) to 1 (last), when known. */
  position?: number;
}

/** One proposed home, with how sure and why. */
export interface HomeChoice {
  home: HomeCandidate;
  /** 0 to 1. */
  confidence: number;
  reason: string;
}

/** A decision, or a question with the best candidates. */
export type HomeDecision =
  ({ kind: 'found' } & HomeChoice) | { kind: 'ask'; choices: HomeChoice[]; reason: string };

/** Shares of the old text that count as "most of it" and as "a real part of it". */
const CLEAR = 0.5;
const PART = 0.25;
/**
 * The least share of a section's old text a new home must hold for `moves` to redirect there by
 * itself; below it, `moves` asks (the README states it).
 */
const MIN_CONFIDENCE = PART;
/** Scores closer than this are a tie. */
const TIE = 0.1;

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Decides the new home of `lost` among `candidates` (content sections only; never layout ids).
 * `pageItself` is the top of the page the old address now lands on, the fallback when the text
 * is nowhere.
 */
export function findNewHome(
  lost: LostSection,
  candidates: readonly HomeCandidate[],
  pageItself: HomeCandidate | undefined,
): HomeDecision {
  const identity = lost.identity;
  if (identity === undefined || sizeOf(identity) === 0)
    return byHeading(lost, candidates, pageItself);
  const scored = candidates
    .filter((candidate) => candidate.id !== null)
    .map((candidate) => {
      const text = identity.scope === 'own' ? candidate.own : candidate.whole;
      return {
        candidate,
        score: containment(identity.text, text),
        alike: headingSimilarity(lost.heading, candidate.heading),
        size: text.size,
      };
    })
    .sort((a, b) => {
      if (Math.abs(a.score - b.score) > TIE) return b.score - a.score;
      // About as much of the text in both: a whole-section identity prefers the tighter
      // container (the section itself over the chapter around it); then the closer heading.
      if (identity.scope === 'whole' && a.size !== b.size) return a.size - b.size;
      return b.alike - a.alike || b.score - a.score;
    });
  const choice = (entry: (typeof scored)[number]): HomeChoice => ({
    home: entry.candidate,
    confidence: entry.score,
    reason: textReason(lost, entry.candidate, entry.score),
  });
  const [best, second] = scored;
  if (best === undefined || best.score < MIN_CONFIDENCE) {
    const choices = rankWeak(lost, candidates, pageItself?.path ?? lost.path).slice(0, 3);
    if (pageItself !== undefined)
      choices.push({ home: pageItself, confidence: 0, reason: `the top of ${pageItself.path}` });
    return {
      kind: 'ask',
      choices,
      reason:
        best === undefined || best.score === 0
          ? `its text is no longer on the site${pageItself === undefined ? ' and its page is gone' : ''}`
          : `at most ${percent(best.score)} of its text is in any one section, too little to decide`,
    };
  }
  const contested =
    second !== undefined &&
    second.score >= best.score - TIE &&
    !(identity.scope === 'whole' && best.size < second.size) &&
    best.alike - second.alike < 0.2;
  const clear = best.score >= CLEAR || second === undefined || best.score - second.score >= 0.15;
  if (!contested && clear) return { kind: 'found', ...choice(best) };
  const choices = scored.slice(0, 3).map(choice);
  if (pageItself !== undefined)
    choices.push({ home: pageItself, confidence: 0, reason: `the top of ${pageItself.path}` });
  return {
    kind: 'ask',
    choices,
    reason: contested
      ? `its text is split about evenly between ${choices.length > 1 ? `"${choices[0]!.home.heading}" and "${choices[1]!.home.heading}"` : 'sections'}`
      : `only ${percent(best.score)} of its text is in any one section`,
  };
}

function sizeOf(identity: Identity): number {
  return identity.text.size;
}

function textReason(lost: LostSection, home: HomeCandidate, score: number): string {
  const renamed =
    normalizeHeading(home.heading) === normalizeHeading(lost.heading)
      ? ''
      : ` (heading "${lost.heading}" → "${home.heading}")`;
  return `${percent(score)} of its text is in "${home.heading}"${renamed}`;
}

/** Without any of the old text: the same heading elsewhere, or a question. */
function byHeading(
  lost: LostSection,
  candidates: readonly HomeCandidate[],
  pageItself: HomeCandidate | undefined,
): HomeDecision {
  const scored = candidates
    .filter((candidate) => candidate.id !== null)
    .map((candidate) => ({ candidate, alike: headingSimilarity(lost.heading, candidate.heading) }))
    .sort((a, b) => b.alike - a.alike);
  const [best, second] = scored;
  if (best !== undefined && best.alike === 1 && (second === undefined || second.alike < 1)) {
    return {
      kind: 'found',
      home: best.candidate,
      confidence: 0.8,
      reason: `same heading "${best.candidate.heading}" (its text was not recorded)`,
    };
  }
  const choices = rankWeak(lost, candidates, pageItself?.path ?? lost.path).slice(0, 3);
  if (pageItself !== undefined)
    choices.push({ home: pageItself, confidence: 0, reason: `the top of ${pageItself.path}` });
  return { kind: 'ask', choices, reason: 'its text was not recorded and no heading has its words' };
}

/**
 * Candidates for a section whose text is mostly gone (rewritten or deleted), best first: by how
 * much of its old text each holds, how many of its heading's words each heading keeps, and how
 * close each stands to the old section's place on `page` (the page the address lands on now).
 */
function rankWeak(
  lost: LostSection,
  candidates: readonly HomeCandidate[],
  page: SitePath,
): HomeChoice[] {
  const onPage = candidates.filter((candidate) => candidate.path === page && candidate.id !== null);
  const placeOf = (candidate: HomeCandidate) => {
    const at = onPage.indexOf(candidate);
    return at < 0 ? undefined : onPage.length === 1 ? 0 : at / (onPage.length - 1);
  };
  return candidates
    .filter((candidate) => candidate.id !== null)
    .map((candidate) => {
      const text =
        lost.identity === undefined
          ? 0
          : containment(
              lost.identity.text,
              lost.identity.scope === 'own' ? candidate.own : candidate.whole,
            );
      const heading = headingWordShare(lost.heading, candidate.heading);
      const place = placeOf(candidate);
      const near =
        place === undefined || lost.position === undefined
          ? 0
          : 1 - Math.abs(place - lost.position);
      return {
        home: candidate,
        confidence: text,
        score: 0.5 * text + 0.3 * heading + 0.2 * near,
        reason: `${percent(text)} of its text, ${percent(heading)} of its heading's words${place === undefined ? '' : near >= 0.9 ? ', where it stood on the page' : `, ${percent(near)} near where it stood`}`,
      };
    })
    .sort((a, b) => b.score - a.score)
    .map(({ home, confidence, reason }) => ({ home, confidence, reason }));
}
