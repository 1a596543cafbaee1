/**
 * The current site as `findNewHome` sees it: every content section with its own and whole
 * shingles, and the top of every page with the whole page's shingles. Built from the pages'
 * sources (for `moves`) or from the built HTML (for the build's suggestions); layout headings
 * and ids are never among them.
 */
import type { SitePath } from '../site-path.ts';
import { shingles } from './fingerprint.ts';
import type { HomeCandidate } from './find-new-home.ts';
import { sectionShingles, type OutlineSection } from './identity.ts';

/** A page's content as its outline: title, the prose before the first heading, and its sections. */
export interface PageOutline {
  path: SitePath;
  title: string;
  intro: string;
  sections: ReadonlyArray<OutlineSection & { id: string; heading: string }>;
}

/** Where sections can be found now. */
export interface CurrentCandidates {
  /** Every content section of the site. */
  sections: HomeCandidate[];
  /** The top of each page, holding the whole page's text. */
  pageTops: Map<SitePath, HomeCandidate>;
}

/** Candidates for every page of `outlines`. */
export function currentCandidates(outlines: Iterable<PageOutline>): CurrentCandidates {
  const sections: HomeCandidate[] = [];
  const pageTops = new Map<SitePath, HomeCandidate>();
  for (const page of outlines) {
    const texts = sectionShingles(page.sections);
    const whole = shingles(page.intro);
    page.sections.forEach((section, index) => {
      const { own, whole: sectionWhole } = texts[index]!;
      for (const hash of own) whole.add(hash);
      sections.push({
        path: page.path,
        id: section.id,
        heading: section.heading,
        own,
        whole: sectionWhole,
      });
    });
    pageTops.set(page.path, {
      path: page.path,
      id: null,
      heading: page.title || page.path,
      own: shingles(page.intro),
      whole,
    });
  }
  return { sections, pageTops };
}
