/** What a Sphinx-era map import adds to the redirect map, entry by entry. */
import type { RedirectTarget, SiteLocation } from './locations.ts';

/** One entry to add to the map. */
export interface ImportedEntry {
  from: SiteLocation;
  to: RedirectTarget;
  /** The line of the Sphinx key it comes from (for an inferred entry, of the key that implied it). */
  line: number;
  /** For reviewers, when the entry is the import's inference rather than a key of the map. */
  note?: string;
}
