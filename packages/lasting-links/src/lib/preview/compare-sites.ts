/**
 * What a pull request changes in the rendered site: pages added, removed and changed, and for
 * each changed page, section by section, what the text said before and says now. Both sites
 * are read from their built HTML (the same scan the build uses), so the comparison is of what
 * readers see, not of the MDX.
 */
import type { SitePath } from '../site-path.ts';
import { pageTitle, type AnchorIndex, type PageAnchors } from '../site/anchor-index.ts';
import { hasChanges, wordDiff, type DiffPart } from './word-diff.ts';

/** A page as listed: where it is and what it is called. */
interface PageRef {
  path: SitePath;
  title: string;
}

/** One section of a changed page. */
export type SectionChange =
  | {
      kind: 'changed';
      id: string;
      heading: string;
      /** The heading before, when it was reworded or the section's id changed. */
      before: { id: string; heading: string } | undefined;
      diff: DiffPart[];
    }
  | { kind: 'added' | 'removed'; id: string; heading: string; text: string };

/** A page both sites have, with the sections that differ. */
export interface PageChange extends PageRef {
  sections: SectionChange[];
}

/** Everything that differs between a base site and a pull request's site. */
export interface SiteChanges {
  added: PageRef[];
  removed: PageRef[];
  changed: PageChange[];
  /** Pages both have, unchanged. */
  unchanged: number;
}

/**
 * Pairs of ids a pull request renamed within a page, as the redirect map says: page, old id, new
 * id. A renamed section is diffed against its old self rather than shown as removed and added.
 */
export type RenamedIds = ReadonlyMap<SitePath, ReadonlyMap<string, string>>;

/** Pages left out of the comparison: the preview's own what-changed page. */
const NOT_COMPARED = new Set(['/_changes/']);

/** Compares two sites' content pages (the anchor index of each build). */
export function compareSites(
  before: AnchorIndex,
  after: AnchorIndex,
  renamed: RenamedIds = new Map(),
): SiteChanges {
  const changes: SiteChanges = { added: [], removed: [], changed: [], unchanged: 0 };
  const paths = [...new Set([...before.keys(), ...after.keys()])]
    .filter((path) => !NOT_COMPARED.has(path))
    .sort();
  for (const path of paths) {
    const old = before.get(path);
    const now = after.get(path);
    if (old === undefined) changes.added.push(refOf(now!));
    else if (now === undefined) changes.removed.push(refOf(old));
    else {
      const sections = compareSections(old, now, renamed.get(path) ?? new Map());
      if (sections.length === 0) changes.unchanged += 1;
      else changes.changed.push({ ...refOf(now), sections });
    }
  }
  return changes;
}

function refOf(page: PageAnchors): PageRef {
  return { path: page.path, title: pageTitle(page) ?? page.path };
}

/** A section's heading and the text under it, as a reader sees them. */
interface Section {
  id: string;
  heading: string;
  text: string;
}

/**
 * A page's sections. The scan's section text starts with the heading's self-link ("Link to this
 * section: <heading>"), which is not content, so everything up to the heading's own text is cut.
 */
export function sectionsOf(page: PageAnchors): Section[] {
  return page.headings.map((heading) => {
    const text = heading.section ?? '';
    const at = text.indexOf(heading.text);
    const body = at >= 0 && at <= 60 ? text.slice(at + heading.text.length) : text;
    return { id: heading.id, heading: heading.text, text: body.trim() };
  });
}

function compareSections(
  old: PageAnchors,
  now: PageAnchors,
  renamed: ReadonlyMap<string, string>,
): SectionChange[] {
  const before = new Map(sectionsOf(old).map((section) => [section.id, section]));
  const after = sectionsOf(now);
  const afterIds = new Set(after.map((section) => section.id));
  // New id to old id, for renames whose old id is gone and whose new id is new.
  const renamedFrom = new Map<string, string>();
  for (const [oldId, newId] of renamed) {
    if (before.has(oldId) && !afterIds.has(oldId) && !before.has(newId))
      renamedFrom.set(newId, oldId);
  }
  const matched = new Set<string>();
  const changes: SectionChange[] = [];
  for (const section of after) {
    const oldId = before.has(section.id) ? section.id : renamedFrom.get(section.id);
    const previous = oldId === undefined ? undefined : before.get(oldId);
    if (previous === undefined) {
      changes.push({ kind: 'added', ...section });
      continue;
    }
    matched.add(previous.id);
    const diff = wordDiff(previous.text, section.text);
    const reworded = previous.heading !== section.heading || previous.id !== section.id;
    if (!reworded && !hasChanges(diff)) continue;
    changes.push({
      kind: 'changed',
      id: section.id,
      heading: section.heading,
      before: reworded ? { id: previous.id, heading: previous.heading } : undefined,
      diff,
    });
  }
  for (const section of before.values())
    if (!matched.has(section.id)) changes.push({ kind: 'removed', ...section });
  return changes;
}
