/**
 * What a pull request changes in the rendered site: pages added, removed, changed and moved, and
 * for each, section by section and block by block, what a reader saw before and sees now. Both
 * sites are read from their built HTML (`page-blocks.ts`), so the comparison is of what readers
 * see, not of the MDX.
 *
 * A section is paired with its old self wherever it went: on the same page by its id, on a
 * renamed page by its id, and anywhere else by the redirect map (the moves the build follows).
 * A section moved from one page to another is shown once as moved, with the diff against its old
 * text, rather than as a removal on one page and an addition on another.
 */
import type { SitePath } from '../site-path.ts';
import type { RedirectTarget } from '../redirects/locations.ts';
import type { AnchorMove } from './anchor-moves.ts';
import { diffBlocks, partsChange, textDiff, type TextPart } from './block-diff.ts';
import type { Block } from './page-blocks.ts';

/** Every content page of a build, as its blocks. */
export type SiteContent = ReadonlyMap<SitePath, readonly Block[]>;

/** A section of the base, as a change refers to it. */
interface SectionRef {
  path: SitePath;
  id: string;
  heading: string;
}

/**
 * One block of a compared section. `at` is the block's index in the pull request's page (as
 * `pageBlocks` lists them); a removed block has none, and `after` is the index of the block it
 * followed (-1: the start of the page).
 */
export type BlockChange =
  | { op: 'same'; at: number; block: Block }
  | { op: 'changed'; at: number; block: Block; before: Block; parts: TextPart[] }
  | { op: 'added'; at: number; block: Block }
  | { op: 'removed'; after: number; block: Block };

/** A section of a page that differs from the base. */
export type SectionChange =
  | {
      /** Compared with `before`, its old self (maybe on another page, or under another id). */
      kind: 'changed';
      id: string;
      heading: string;
      level: number;
      /** Index of the heading's block in the page (-1 for the text before the first heading). */
      at: number;
      before: SectionRef;
      /** The diff of the heading's words, when they changed. */
      headingParts: TextPart[] | undefined;
      blocks: BlockChange[];
      /** Whether any block of the section, its heading included, differs. */
      textChanged: boolean;
    }
  | {
      kind: 'added';
      id: string;
      heading: string;
      level: number;
      at: number;
      blocks: BlockChange[];
    }
  | {
      /** In the base only; `movedTo` is where its address leads now, if anywhere. */
      kind: 'removed';
      id: string;
      heading: string;
      level: number;
      /** The page block it followed (-1: the start of the page). */
      after: number;
      movedTo: RedirectTarget | undefined;
      blocks: BlockChange[];
    }
  | {
      /** Moved to another page, where it is shown as changed with `before` naming this page. */
      kind: 'moved-away';
      id: string;
      heading: string;
      level: number;
      after: number;
      movedTo: SectionRef;
    };

/** A page that differs from the base. */
export interface PageChange {
  /** The page's path in the pull request (in the base for a removed page). */
  path: SitePath;
  title: string;
  kind: 'changed' | 'added' | 'removed' | 'moved';
  /** A moved page's path and title in the base. */
  before: { path: SitePath; title: string } | undefined;
  /** Its sections that differ, in the page's order (removed ones where they were). */
  sections: SectionChange[];
  /** Whether anything but the page's address differs. */
  textChanged: boolean;
}

/** Everything that differs between a base site and a pull request's site. */
export interface SiteChanges {
  changed: PageChange[];
  added: PageChange[];
  removed: PageChange[];
  moved: PageChange[];
  /** Pages at the same address with the same content. */
  unchanged: number;
}

/** Pages left out of the comparison: the preview's own what-changed page. */
const NOT_COMPARED = new Set(['/_changes/']);

/** A section of a page's blocks: its heading (absent for the text before the first) and its body. */
interface Section {
  id: string;
  heading: string;
  level: number;
  /** Index of the heading block, or -1. */
  at: number;
  /** The body's first block and the index after its last. */
  start: number;
  end: number;
}

/** The sections of a page: each heading with an id opens one. */
function sectionsOfBlocks(blocks: readonly Block[]): Section[] {
  const sections: Section[] = [];
  blocks.forEach((block, at) => {
    if (block.kind !== 'heading' || block.id === undefined) return;
    const last = sections[sections.length - 1];
    if (last !== undefined) last.end = at;
    else if (at > 0) sections.push({ id: '', heading: '', level: 0, at: -1, start: 0, end: at });
    sections.push({
      id: block.id,
      heading: block.text,
      level: block.level ?? 2,
      at,
      start: at + 1,
      end: blocks.length,
    });
  });
  if (sections.length === 0 && blocks.length > 0)
    sections.push({ id: '', heading: '', level: 0, at: -1, start: 0, end: blocks.length });
  return sections;
}

/** A page's title: its first `<h1>`, else its path. */
function titleOf(path: SitePath, blocks: readonly Block[]): string {
  return blocks.find((block) => block.kind === 'heading' && block.level === 1)?.text ?? path;
}

const key = (path: string, id: string) => `${path}#${id}`;

/** Compares two builds' content pages; `moves` are the base addresses the pull request moved. */
export function compareSites(
  before: SiteContent,
  after: SiteContent,
  moves: readonly AnchorMove[],
): SiteChanges {
  const compared = (path: SitePath) => !NOT_COMPARED.has(path);
  const oldPaths = [...before.keys()].filter(compared).sort();
  const newPaths = [...after.keys()].filter(compared).sort();

  // Each page of the pull request and the base page it is compared with.
  const basePageOf = new Map<SitePath, SitePath>();
  for (const path of newPaths) if (before.has(path)) basePageOf.set(path, path);
  for (const move of moves) {
    const to = move.to;
    if (move.from.fragment !== null || to?.kind !== 'site') continue;
    if (!after.has(to.path) || basePageOf.has(to.path) || after.has(move.from.path)) continue;
    basePageOf.set(to.path, move.from.path);
  }
  const pagedBase = new Set(basePageOf.values());

  const oldSections = new Map<SitePath, Section[]>();
  for (const path of oldPaths) oldSections.set(path, sectionsOfBlocks(before.get(path)!));
  const newSections = new Map<SitePath, Section[]>();
  for (const path of newPaths) newSections.set(path, sectionsOfBlocks(after.get(path)!));
  const findSection = (sections: Section[] | undefined, id: string) =>
    sections?.find((section) => section.id === id);

  // Pairs: a section of the pull request (key) and its old self in the base.
  const pairOf = new Map<string, SectionRef & { section: Section }>();
  const claimed = new Map<string, SectionRef>();
  const pair = (path: SitePath, section: Section, oldPath: SitePath, old: Section) => {
    pairOf.set(key(path, section.id), {
      path: oldPath,
      id: old.id,
      heading: old.heading,
      section: old,
    });
    claimed.set(key(oldPath, old.id), { path, id: section.id, heading: section.heading });
  };
  // First the sections that kept their id on their page (or on their renamed page)…
  for (const path of newPaths) {
    const basePath = basePageOf.get(path);
    if (basePath === undefined) continue;
    for (const section of newSections.get(path)!) {
      const old = findSection(oldSections.get(basePath), section.id);
      if (old !== undefined && !claimed.has(key(basePath, old.id)))
        pair(path, section, basePath, old);
    }
  }
  // …then those the redirect map moves: a renamed heading, a section moved to another page.
  for (const move of moves) {
    const to = move.to;
    if (move.from.fragment === null || to?.kind !== 'site' || to.fragment === null) continue;
    const section = findSection(newSections.get(to.path), to.fragment);
    const old = findSection(oldSections.get(move.from.path), move.from.fragment);
    if (section === undefined || old === undefined) continue;
    if (pairOf.has(key(to.path, section.id)) || claimed.has(key(move.from.path, old.id))) continue;
    pair(to.path, section, move.from.path, old);
  }

  const changes: SiteChanges = { changed: [], added: [], removed: [], moved: [], unchanged: 0 };
  for (const path of newPaths) {
    const blocks = after.get(path)!;
    const basePath = basePageOf.get(path);
    const page: PageChange = {
      path,
      title: titleOf(path, blocks),
      kind: basePath === undefined ? 'added' : basePath === path ? 'changed' : 'moved',
      before:
        basePath === undefined || basePath === path
          ? undefined
          : { path: basePath, title: titleOf(basePath, before.get(basePath)!) },
      sections: [],
      textChanged: false,
    };
    for (const section of newSections.get(path)!) {
      const old = pairOf.get(key(path, section.id));
      const change = compareSection(
        blocks,
        section,
        old && { ...old, blocks: before.get(old.path)! },
        basePath,
      );
      if (change !== undefined) page.sections.push(change);
    }
    if (basePath !== undefined)
      placeLeftBehind(page, basePath, oldSections.get(basePath)!, before.get(basePath)!, {
        claimed,
        newSections: newSections.get(path)!,
        pairOf,
        moves,
      });
    page.textChanged = page.sections.some(
      (section) =>
        section.kind !== 'changed' || section.textChanged || section.before.path !== basePath,
    );
    if (page.kind === 'changed' && page.sections.length === 0) changes.unchanged += 1;
    else
      changes[page.kind === 'added' ? 'added' : page.kind === 'moved' ? 'moved' : 'changed'].push(
        page,
      );
  }
  for (const path of oldPaths) {
    if (after.has(path) || pagedBase.has(path)) continue;
    const blocks = before.get(path)!;
    const page: PageChange = {
      path,
      title: titleOf(path, blocks),
      kind: 'removed',
      before: undefined,
      sections: [],
      textChanged: true,
    };
    placeLeftBehind(page, path, oldSections.get(path)!, blocks, {
      claimed,
      newSections: [],
      pairOf,
      moves,
    });
    changes.removed.push(page);
  }
  return changes;
}

/**
 * A section compared with its old self (or with nothing): undefined when it is the same section
 * of the same base page (`basePath`), unchanged.
 */
function compareSection(
  blocks: readonly Block[],
  section: Section,
  old: (SectionRef & { section: Section; blocks: readonly Block[] }) | undefined,
  basePath: SitePath | undefined,
): SectionChange | undefined {
  const body = blocks.slice(section.start, section.end);
  if (old === undefined) {
    return {
      kind: 'added',
      id: section.id,
      heading: section.heading,
      level: section.level,
      at: section.at,
      blocks: body.map((block, n) => ({ op: 'added', at: section.start + n, block })),
    };
  }
  const oldBody = old.blocks.slice(old.section.start, old.section.end);
  let last = section.at >= 0 ? section.at : section.start - 1;
  const changes: BlockChange[] = diffBlocks(oldBody, body).map((step) => {
    if (step.op === 'removed') return { op: 'removed', after: last, block: oldBody[step.before]! };
    last = section.start + step.after;
    const block = body[step.after]!;
    return step.op === 'added'
      ? { op: 'added', at: last, block }
      : step.op === 'same'
        ? { op: 'same', at: last, block }
        : { op: 'changed', at: last, block, before: oldBody[step.before]!, parts: step.parts };
  });
  const headingParts =
    old.heading === section.heading ? undefined : textDiff(old.heading, section.heading, 'text');
  const textChanged =
    headingParts !== undefined ||
    changes.some(
      (change) => change.op !== 'same' && (change.op !== 'changed' || partsChange(change.parts)),
    );
  if (!textChanged && old.id === section.id && old.path === basePath) return undefined;
  return {
    kind: 'changed',
    id: section.id,
    heading: section.heading,
    level: section.level,
    at: section.at,
    before: { path: old.path, id: old.id, heading: old.heading },
    headingParts,
    blocks: changes,
    textChanged,
  };
}

/** Where a section change stands on its page, to order sections left behind among the others. */
function positionOf(section: SectionChange): number {
  return section.kind === 'removed' || section.kind === 'moved-away'
    ? section.after + 0.5
    : section.at;
}

/**
 * The sections of base page `basePath` that are not on `page` any more, each placed after the
 * section that came before it in the base: moved away (to the section that now holds it) or
 * removed (with where its address leads, if anywhere).
 */
function placeLeftBehind(
  page: PageChange,
  basePath: SitePath,
  oldSections: readonly Section[],
  oldBlocks: readonly Block[],
  context: {
    claimed: ReadonlyMap<string, SectionRef>;
    newSections: readonly Section[];
    pairOf: ReadonlyMap<string, SectionRef>;
    moves: readonly AnchorMove[];
  },
): void {
  // Where each section of the base is on this page now: the index of its last block.
  const endOnPage = new Map<string, number>();
  for (const section of context.newSections) {
    const old = context.pairOf.get(key(page.path, section.id));
    if (old?.path === basePath) endOnPage.set(old.id, section.end - 1);
  }
  let after = -1;
  const left: SectionChange[] = [];
  for (const old of oldSections) {
    const now = context.claimed.get(key(basePath, old.id));
    if (now !== undefined && now.path === page.path) {
      after = endOnPage.get(old.id) ?? after;
      continue;
    }
    const common = { id: old.id, heading: old.heading, level: old.level, after };
    if (now !== undefined) {
      left.push({ kind: 'moved-away', ...common, movedTo: now });
      continue;
    }
    // The title's section is the page's own address.
    const fragment = old.id === '' || old.level === 1 ? null : old.id;
    const move = context.moves.find(
      (candidate) => candidate.from.path === basePath && candidate.from.fragment === fragment,
    );
    left.push({
      kind: 'removed',
      ...common,
      movedTo: move?.to,
      blocks: oldBlocks
        .slice(old.start, old.end)
        .map((block): BlockChange => ({ op: 'removed', after, block })),
    });
  }
  // A stable sort: sections left behind at one place keep their order in the base.
  page.sections = [...page.sections, ...left].sort((a, b) => positionOf(a) - positionOf(b));
}
