/**
 * The `large` seed: an enterprise org generated deterministically (same output every run) from a
 * seeded PRNG, to test paging, search and performance at scale: 5,000 members, 200 projects,
 * 60 groups, project-level permissions on. Nothing here is special; the demo seed holds the stories.
 */
import type { ProjectRole, SeedInput } from '../shared/seed';
import { mulberry32, pick, randomInt, sample, type Random } from '../server/random';
import { PERMISSION_IDS } from '../shared/permission-ids';

export const LARGE_SIZES = { members: 5000, projects: 200, groups: 60 } as const;

const NOW = '2025-11-03T10:00:00.000Z';
const DAY_MS = 24 * 60 * 60 * 1000;
const daysAgo = (days: number, random: Random): string =>
  new Date(Date.parse(NOW) - days * DAY_MS - Math.floor(random() * DAY_MS)).toISOString();

const FIRST = ['Ada', 'Ben', 'Carla', 'Dev', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jamal', 'Kira', 'Leo', 'Mina', 'Nils', 'Oona', 'Pavel', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wen', 'Xavi', 'Yara', 'Zane', 'Amir', 'Bea', 'Cyril', 'Dana', 'Emil', 'Fay', 'Gil', 'Hana', 'Ivo', 'Jun', 'Kofi', 'Lena', 'Milo', 'Nora'];
const LAST = ['Abbott', 'Baptiste', 'Castro', 'Dimitrov', 'Eriksen', 'Fontaine', 'Gupta', 'Horvath', 'Ibarra', 'Jensen', 'Kowalski', 'Lindqvist', 'Mensah', 'Nakamura', 'Ortega', 'Petrov', 'Quispe', 'Romano', 'Silva', 'Tanaka', 'Urban', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zhou', 'Achebe', 'Brennan', 'Costa', 'Dubois', 'Ekström', 'Ferreira', 'Grant', 'Haddad', 'Iyer', 'Jovanović', 'Keller', 'Lopez', 'Moreau', 'Novak'];
const AREAS = ['Checkout', 'Search', 'Onboarding', 'Payments', 'Loyalty', 'Catalog', 'Messaging', 'Billing', 'Support', 'Growth', 'Marketplace', 'Ads', 'Identity', 'Notifications', 'Recommendations', 'Subscriptions', 'Reviews', 'Shipping', 'Inventory', 'Pricing', 'Referrals', 'Rewards', 'Insights', 'Partners', 'Community'];
const PLATFORMS = ['Web', 'iOS', 'Android', 'API', 'Web (Staging)', 'iOS (Staging)', 'Android (Staging)', 'Internal'];
const TEAMS = ['Engineering', 'Product', 'Marketing', 'Data', 'Sales', 'Design', 'Finance', 'Support', 'Operations', 'Legal', 'People', 'Security'];
const GROUP_KINDS = ['Analysts', 'Leads', 'Viewers', 'Editors'];

/** Weighted choice: [value, weight] pairs. */
function weighted<T>(random: Random, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return choices[choices.length - 1]![0];
}

const DIRECT_ROLES = [['no_access', 1], ['viewer', 4], ['member', 3], ['manager', 1]] as const satisfies readonly (readonly [ProjectRole, number])[];
const GROUP_ROLES = [['no_access', 1], ['viewer', 4], ['member', 4], ['manager', 2]] as const satisfies readonly (readonly [ProjectRole, number])[];

export function generateLargeSeed(): SeedInput {
  const random = mulberry32(900001);

  const projects = AREAS.flatMap((area) => PLATFORMS.map((platform) => `${area} ${platform}`)).map((name, index) => ({
    id: `p-${index + 1}`,
    name,
    description: `Events from ${name}.`,
  }));
  const teams = TEAMS.map((name) => ({ id: `t-${name.toLowerCase()}`, name }));
  const teamSpaces = TEAMS.flatMap((name) => [`${name} Space`, `${name} Reviews`]).map((name, index) => ({ id: `s-${index + 1}`, name }));
  const projectIds = projects.map((project) => project.id);

  const members: NonNullable<SeedInput['members']> = [];
  for (let n = 1; n <= LARGE_SIZES.members; n++) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const email = `${first}.${last}.${n}@globex-holdings.example`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    // The first five are the Admins (u-1 signs in); about one in sixteen is still pending.
    const admin = n <= 5;
    const pending = !admin && n % 16 === 0;
    const invitedDaysAgo = randomInt(random, 1, 900);
    const joinedDaysAgo = Math.max(0, invitedDaysAgo - randomInt(random, 0, 5));
    const activeDaysAgo = randomInt(random, 0, Math.min(joinedDaysAgo, weighted(random, [[20, 6], [90, 3], [400, 1]])));
    const grants = admin ? [] : sample(random, projectIds, randomInt(random, 0, pending ? 2 : 5)).map((projectId) => ({ projectId, role: weighted(random, DIRECT_ROLES) }));
    const owns = !pending && random() < 0.4;
    members.push({
      id: `u-${n}`,
      email,
      name: pending ? email : `${first} ${last}`,
      status: pending ? 'pending' : 'joined',
      orgRole: admin ? 'admin' : 'user',
      teamId: random() < 0.9 ? pick(random, teams).id : null,
      projectRoles: grants,
      invitedAt: daysAgo(invitedDaysAgo, random),
      invitedBy: n === 1 ? null : `u-${randomInt(random, 1, 5)}`,
      joinedAt: pending ? null : daysAgo(joinedDaysAgo, random),
      lastActiveAt: pending ? null : daysAgo(activeDaysAgo, random),
      content: owns
        ? { charts: randomInt(random, 0, 60), dashboards: randomInt(random, 0, 12), cohorts: randomInt(random, 0, 20), notebooks: randomInt(random, 0, 5) }
        : { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 },
    });
  }

  const adminNames = members.slice(0, 5).map((member) => member.name);
  const groups = Array.from({ length: LARGE_SIZES.groups }, (_, index) => {
    const name = `${TEAMS[index % TEAMS.length]} ${GROUP_KINDS[Math.floor(index / TEAMS.length) % GROUP_KINDS.length]}${index >= TEAMS.length * GROUP_KINDS.length ? ` ${index}` : ''}`;
    const grants = sample(random, projectIds, randomInt(random, 3, 15)).map((projectId, grantIndex) => ({
      projectId,
      // The first grant is never No Access: it is the group's default project.
      role: grantIndex === 0 ? weighted(random, GROUP_ROLES.slice(1)) : weighted(random, GROUP_ROLES),
    }));
    return {
      id: `g-${index + 1}`,
      name,
      description: `${name} across ${grants.length} projects.`,
      projectRoles: grants,
      defaultProjectId: grants[0]!.projectId,
      teamSpaceIds: sample(random, teamSpaces, randomInt(random, 0, 3)).map((space) => space.id),
      memberIds: [] as string[],
      lastModifiedAt: daysAgo(randomInt(random, 0, 300), random),
      lastModifiedBy: random() < 0.25 ? 'SCIM Provisioned' : pick(random, adminNames),
    };
  });
  // About half the non-admins sit in one to three groups.
  for (const member of members.slice(5)) {
    if (random() < 0.5) continue;
    for (const group of sample(random, groups, randomInt(random, 1, 3))) group.memberIds.push(member.id);
  }

  const accessRequests = Array.from({ length: 12 }, (_, index) => {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    return { email: `${first}.${last}.r${index + 1}@globex-holdings.example`.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''), name: `${first} ${last}`, requestedAt: daysAgo(randomInt(random, 0, 20), random) };
  });

  const customRoles = largeCustomRoles();
  assignCustomRoles(members, groups, customRoles.map((role) => role.id));

  return {
    now: NOW,
    org: { id: 900001, url: 'large-org', name: 'Globex Holdings', plan: 'enterprise', projectLevelPermissions: true, rbac: true },
    signedInMemberId: 'u-1',
    projects,
    teams,
    teamSpaces,
    members,
    groups,
    customRoles,
    accessRequests,
  };
}

/**
 * A few custom roles (RBAC), each Member-like with its own additions, so the bench covers the
 * union of permissions. Derived from the catalogue's ids in order: no hand-kept list to drift.
 */
function largeCustomRoles(): NonNullable<SeedInput['customRoles']> {
  const ids = [...PERMISSION_IDS];
  const base = ids.filter((id) => /^(view|use|export|manage-cohorts|manage-saved-segments|manage-heatmaps|update-tracking-plan)/.test(id));
  const extra = (from: number) => ids.filter((id) => !base.includes(id) && id !== 'manage-deployments').slice(from, from + 4);
  return ['Analyst', 'Marketing', 'Data Steward', 'Support Lead'].map((name, index) => ({
    id: `role-${name.toLowerCase().replace(/ /g, '-')}`,
    name,
    description: `${name} (generated).`,
    permissions: [...base, ...extra(index * 3)],
  }));
}

/**
 * Turns about one grant in six (direct and group, never No Access) into a custom role, with a
 * PRNG of its own: the rest of the seed stays exactly as it was generated before custom roles.
 */
function assignCustomRoles(
  members: NonNullable<SeedInput['members']>,
  groups: { projectRoles: { projectId: string; role: string }[] }[],
  roleIds: readonly string[],
): void {
  const random = mulberry32(900002);
  const convert = (grant: { role: string }) => {
    if (grant.role !== 'no_access' && random() < 1 / 6) grant.role = pick(random, roleIds);
  };
  for (const member of members) for (const grant of member.projectRoles ?? []) convert(grant);
  for (const group of groups) for (const grant of group.projectRoles) convert(grant);
}
