/**
 * What a default role may do, per product area, from Amplitude's RBAC permission catalogue [doc]
 * (`rbac-permissions.json`, copied from the shared reference). Lets the breakdown say
 * "Manager: can manage API keys, manage annotations, ..." instead of just a word.
 * Custom RBAC roles are not described here: their permissions are not in the console's data we read.
 */
import catalogue from './rbac-permissions.json';
import { compareRoles, type CustomRoleNames, type Role, roleLabel, ROLES } from './roles';
import { listing } from './phrases';
import { t } from '../i18n';

export interface Capability {
  title: string;
  actions: readonly string[];
  /** Amplitude marks some permissions "advanced" (Expanded/Full tiers). */
  advanced: boolean;
}

export interface AreaCapabilities {
  /** The catalogue's key, e.g. 'charts-metrics'. */
  area: string;
  /** Human-readable, e.g. 'Charts & metrics'. */
  label: string;
  capabilities: readonly Capability[];
}

/** Area order for display: administration first, as an admin reviewing access cares most about it. */
const AREA_LABELS: Readonly<Record<string, string>> = {
  admin: 'Administration',
  'charts-metrics': 'Charts & metrics',
  audiences: 'Audiences',
  'data-management': 'Data management',
  integrations: 'Integrations',
  'session-replay': 'Session Replay & Heatmaps',
  experiment: 'Experiment',
  'guides-surveys': 'Guides & Surveys',
  'resource-center': 'Resource Center',
  ai: 'AI',
};
const AREA_ORDER = Object.keys(AREA_LABELS);

/** Areas the catalogue may add later still get a readable label: 'new-area' -> 'New area'. */
export function areaLabel(area: string): string {
  const words = area.replace(/-/g, ' ');
  return AREA_LABELS[area] ?? words.charAt(0).toUpperCase() + words.slice(1);
}

export function areaRank(area: string): number {
  const rank = AREA_ORDER.indexOf(area);
  return rank === -1 ? AREA_ORDER.length : rank;
}

function holds(role: Role, defaultRoles: readonly string[]): boolean {
  return defaultRoles.includes(role);
}

/** The role's default permissions, grouped by product area in display order. No Access has none. */
export function capabilitiesOf(role: Role): AreaCapabilities[] {
  const byArea = new Map<string, Capability[]>();
  for (const permission of catalogue.permissions) {
    if (!holds(role, permission.default_roles)) continue;
    const list = byArea.get(permission.product_area) ?? [];
    list.push({ title: permission.title, actions: permission.actions, advanced: permission.advanced });
    byArea.set(permission.product_area, list);
  }
  return [...byArea]
    .sort(([a], [b]) => areaRank(a) - areaRank(b) || a.localeCompare(b))
    .map(([area, capabilities]) => ({ area, label: areaLabel(area), capabilities }));
}

/** "Manage API keys" -> "manage API keys", for use after "can". */
function asVerbPhrase(title: string): string {
  const firstWord = title.split(' ')[0] ?? '';
  return firstWord === firstWord.toUpperCase() ? title : title.charAt(0).toLowerCase() + title.slice(1);
}

function roleBelow(role: Role): Role | null {
  const lower = ROLES.filter((candidate) => compareRoles(candidate, role) < 0);
  return lower[lower.length - 1] ?? null;
}

export interface DescribeCapabilitiesOptions {
  /** How many capabilities to name before "and N more" (default 4). */
  limit?: number;
  /** The org's own role names, if it renamed roles. */
  customNames?: CustomRoleNames;
}

/**
 * A short sentence: "Manager: can manage API keys, manage project settings, ... and 30 more."
 * What sets the role apart from the one below it comes first, since that is what the reader
 * cannot guess from the role below.
 */
export function describeCapabilities(role: Role, options: DescribeCapabilitiesOptions = {}): string {
  const name = roleLabel(role, options.customNames);
  const all = capabilitiesOf(role).flatMap((area) => area.capabilities);
  if (all.length === 0) return t('capsNone', { role: name });

  const below = roleBelow(role);
  const belowTitles = new Set(below ? capabilitiesOf(below).flatMap((area) => area.capabilities.map((capability) => capability.title)) : []);
  const distinctive = all.filter((capability) => !belowTitles.has(capability.title));
  const shared = all.filter((capability) => belowTitles.has(capability.title));
  const ordered = [...distinctive, ...shared].map((capability) => asVerbPhrase(capability.title));

  const limit = Math.max(1, options.limit ?? 4);
  const named = ordered.slice(0, limit);
  const rest = ordered.length - named.length;
  if (rest === 0) return t('capsList', { role: name, list: listing(named) });
  return t('capsListMore', { role: name, list: named.join(', '), count: rest });
}
