/**
 * Which Mattermost plans and deployment types a page or a setting applies to: the words of the
 * "Applies to" line under a page's title (front matter `appliesTo`) and of a setting's
 * "Applies to" field. One vocabulary for both, so every page spells a plan the same way, and a
 * misspelt plan is an error that lists the right spellings rather than a line that misleads.
 */

/** Mattermost's plans, by the id written in front matter, with the name readers see. */
const PLANS = {
  free: 'Free',
  entry: 'Entry',
  professional: 'Professional',
  enterprise: 'Enterprise',
  'enterprise-advanced': 'Enterprise Advanced',
} as const;

/** Where Mattermost runs: on the customer's own servers, or Mattermost Cloud. */
const DEPLOYMENTS = {
  'self-hosted': 'Self-hosted',
  cloud: 'Cloud',
} as const;

export type Plan = keyof typeof PLANS;
export type Deployment = keyof typeof DEPLOYMENTS;

/** What a page or setting applies to; either list may be left out. */
export interface AppliesTo {
  plans?: readonly Plan[] | undefined;
  deployments?: readonly Deployment[] | undefined;
}

/** The ids of `PLANS` (or `DEPLOYMENTS`), for schemas and messages. */
export const PLAN_IDS = Object.keys(PLANS) as [Plan, ...Plan[]];
export const DEPLOYMENT_IDS = Object.keys(DEPLOYMENTS) as [Deployment, ...Deployment[]];

/** "Enterprise, Enterprise Advanced · Self-hosted": the plans, then the deployment types. */
export function appliesToText(appliesTo: AppliesTo): string {
  const plans = (appliesTo.plans ?? []).map((plan) => PLANS[plan]).join(', ');
  const deployments = (appliesTo.deployments ?? [])
    .map((deployment) => DEPLOYMENTS[deployment])
    .join(', ');
  return [plans, deployments].filter(Boolean).join(' · ');
}

/**
 * A component attribute's plans, written as ids separated by commas or spaces
 * (`professional, enterprise`): the ids, or the error naming the one that is not a plan.
 */
export function parsePlans(written: string): { plans: Plan[] } | { error: string } {
  const words = written
    .split(/[\s,]+/)
    .map((word) => word.trim().toLowerCase())
    .filter(Boolean);
  const unknown = words.find((word) => !(word in PLANS));
  if (unknown !== undefined)
    return { error: `"${unknown}" is not a plan: use ${PLAN_IDS.join(', ')}` };
  if (words.length === 0) return { error: `name at least one plan: ${PLAN_IDS.join(', ')}` };
  return { plans: words as Plan[] };
}
