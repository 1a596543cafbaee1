/**
 * The setting blocks of a reference page (`<Setting>`), checked in every page's source before
 * anything renders (the `elementChecks` option of `lastingLinks()`): a key the anchor can be made
 * from, no key twice on one page (its anchor would be taken twice), plans that exist, and a block
 * on lines of its own. The component throws the same messages at render time, where MDX would
 * name only the page's route; here each names the file and the line.
 */
import type { ComponentFinding, ComponentUse } from 'lasting-links';
import { parsePlans } from './applies-to.ts';
import { settingNameProblem } from './setting.ts';

export function checkSettingUses(uses: readonly ComponentUse[]): ComponentFinding[] {
  const findings: ComponentFinding[] = [];
  const seen = new Map<string, number>();
  for (const use of uses) {
    const problem = (message: string, fix: string) => findings.push({ use, message, fix });
    if (use.inline) {
      problem(
        '<Setting> is written inside a line of text',
        'Put <Setting …> on a line of its own, with its description on the lines below and </Setting> after them.',
      );
      continue;
    }
    const name = use.attributes['name'];
    const nameProblem = settingNameProblem(name);
    if (nameProblem !== undefined) {
      problem(
        nameProblem,
        'Write the key as the configuration spells it: <Setting name="ClusterSettings.Enable">.',
      );
      continue;
    }
    const key = name as string;
    const first = seen.get(key.toLowerCase());
    if (first !== undefined)
      problem(
        `${key} is described twice on this page (first at line ${first}), so its anchor would be taken twice`,
        'Describe each setting once; link to it from elsewhere with [](#its-anchor).',
      );
    else seen.set(key.toLowerCase(), use.line);
    const plans = use.attributes['plans'];
    if (plans !== undefined) {
      const parsed = typeof plans === 'string' ? parsePlans(plans) : { error: 'plans is text' };
      if ('error' in parsed)
        problem(
          `<Setting name="${key}">: ${parsed.error}`,
          'Write the plans as ids separated by commas, such as plans="professional, enterprise".',
        );
    }
  }
  return findings;
}
