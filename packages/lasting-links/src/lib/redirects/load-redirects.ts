/** Reads the redirect map from disk and plans it against a site: what the build and the commands share. */
import { join } from 'node:path';
import { readOptionalText } from '../files.ts';
import type { AnchorIndex } from '../site/anchor-index.ts';
import type { Problem } from '../problems/problem.ts';
import { parseRedirectMap, type RedirectEntry } from './redirect-map.ts';
import { planRedirects, type PlanOptions } from './plan-redirects.ts';
import type { RedirectPlan } from './follow.ts';

/** The map's entries, the plan made from them, and every problem of either. */
export interface LoadedRedirects {
  entries: RedirectEntry[];
  plan: RedirectPlan;
  problems: Problem[];
}

/**
 * Reads `mapFile` (relative to `projectRoot`; a missing file is an empty map) and plans it
 * against `index`. Hosts outside `allowedHosts` are refused as targets.
 */
export async function loadRedirects(
  projectRoot: string,
  mapFile: string,
  allowedHosts: readonly string[],
  index: AnchorIndex,
  options: PlanOptions = {},
): Promise<LoadedRedirects> {
  const text = await readOptionalText(join(projectRoot, mapFile));
  const parsed = parseRedirectMap(text ?? '', mapFile, allowedHosts);
  const { plan, problems } = planRedirects(parsed.entries, index, mapFile, options);
  return { entries: parsed.entries, plan, problems: [...parsed.problems, ...problems] };
}
