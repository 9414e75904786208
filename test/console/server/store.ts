/**
 * The in-memory org: a deep copy of a validated seed plus what the backend learns on the way
 * (unassigned content, invite settings that the seed format has no field for). Lookups by id and by
 * email go through maps so the large seed (5,000 members) stays fast.
 */
import type { ContentCounts, Seed, SeedGroup, SeedMember } from '../shared/seed';

/**
 * A member as stored. The seed has no place for an invite's default project and team spaces, so
 * they ride along here (and in state()); Seed.parse strips them if the state is fed back as a seed.
 */
export interface StoredMember extends SeedMember {
  defaultProjectId: string | null;
  teamSpaceIds: string[];
}

/** The whole org: seed shape, plus content nobody owns any more after removals without transfer. */
export interface OrgState extends Omit<Seed, 'members'> {
  members: StoredMember[];
  unassignedContent: ContentCounts;
}

export const NO_CONTENT: ContentCounts = { charts: 0, dashboards: 0, cohorts: 0, notebooks: 0 };

export function addContent(a: ContentCounts, b: ContentCounts): ContentCounts {
  return {
    charts: a.charts + b.charts,
    dashboards: a.dashboards + b.dashboards,
    cohorts: a.cohorts + b.cohorts,
    notebooks: a.notebooks + b.notebooks,
  };
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export class OrgStore {
  readonly state: OrgState;
  readonly nowMs: number;
  /**
   * [guess] When the org was created: the seed has no field for it, so the earliest invitation of
   * the loaded seed stands in. Fixed at load, so removals do not move it.
   */
  readonly createdAtMs: number;
  private readonly membersById = new Map<string, StoredMember>();
  private readonly membersByEmail = new Map<string, StoredMember>();
  private groupIdsByMember: Map<string, string[]> | null = null;
  private nextMemberNumber: number;

  constructor(seed: Seed) {
    const copy = structuredClone(seed);
    this.state = {
      ...copy,
      members: copy.members.map((member) => ({ ...member, defaultProjectId: null, teamSpaceIds: [] })),
      unassignedContent: { ...NO_CONTENT },
    };
    this.nowMs = Date.parse(seed.now);
    this.createdAtMs = Math.min(this.nowMs, ...seed.members.map((member) => Date.parse(member.invitedAt)));
    for (const member of this.state.members) this.index(member);
    // New ids continue after the highest numbered seed id, so `u-<n>` never collides.
    const numbers = this.state.members.map((member) => Number(/^u-(\d+)$/.exec(member.id)?.[1] ?? 0));
    this.nextMemberNumber = Math.max(0, ...numbers) + 1;
  }

  get org(): Seed['org'] {
    return this.state.org;
  }

  get projectLevel(): boolean {
    return this.state.org.projectLevelPermissions;
  }

  member(id: string): StoredMember | undefined {
    return this.membersById.get(id);
  }

  memberByEmail(email: string): StoredMember | undefined {
    return this.membersByEmail.get(normalizeEmail(email));
  }

  group(id: string): SeedGroup | undefined {
    return this.state.groups.find((group) => group.id === id);
  }

  hasProject(id: string): boolean {
    return this.state.projects.some((project) => project.id === id);
  }

  hasTeam(id: string): boolean {
    return this.state.teams.some((team) => team.id === id);
  }

  teamName(id: string | null): string | null {
    return id === null ? null : (this.state.teams.find((team) => team.id === id)?.name ?? null);
  }

  hasTeamSpace(id: string): boolean {
    return this.state.teamSpaces.some((space) => space.id === id);
  }

  /** Ids of the groups a member belongs to, in group order. */
  groupIdsOf(memberId: string): string[] {
    if (!this.groupIdsByMember) {
      const map = new Map<string, string[]>();
      for (const group of this.state.groups) {
        for (const id of group.memberIds) map.set(id, [...(map.get(id) ?? []), group.id]);
      }
      this.groupIdsByMember = map;
    }
    return this.groupIdsByMember.get(memberId) ?? [];
  }

  groupsOf(memberId: string): SeedGroup[] {
    return this.groupIdsOf(memberId).map((id) => this.group(id)).filter((group): group is SeedGroup => !!group);
  }

  joinedAdmins(): StoredMember[] {
    return this.state.members.filter((member) => member.status === 'joined' && member.orgRole === 'admin');
  }

  /** Deterministic id for the next invitee. */
  allocateMemberId(): string {
    let id = `u-${this.nextMemberNumber++}`;
    while (this.membersById.has(id)) id = `u-${this.nextMemberNumber++}`;
    return id;
  }

  addMember(member: StoredMember): void {
    this.state.members.push(member);
    this.index(member);
  }

  /** Removes members and takes them out of every group. */
  removeMembers(ids: ReadonlySet<string>, modifiedBy: string): void {
    this.state.members = this.state.members.filter((member) => !ids.has(member.id));
    for (const id of ids) {
      const member = this.membersById.get(id);
      if (!member) continue;
      this.membersById.delete(id);
      this.membersByEmail.delete(normalizeEmail(member.email));
    }
    for (const group of this.state.groups) {
      if (!group.memberIds.some((id) => ids.has(id))) continue;
      group.memberIds = group.memberIds.filter((id) => !ids.has(id));
      this.touchGroup(group, modifiedBy);
    }
    this.groupIdsByMember = null;
  }

  addToGroup(group: SeedGroup, memberId: string, modifiedBy: string): void {
    if (!group.memberIds.includes(memberId)) group.memberIds.push(memberId);
    this.touchGroup(group, modifiedBy);
    this.groupIdsByMember = null;
  }

  /** A deep copy, safe to hand out. */
  snapshot(): OrgState {
    return structuredClone(this.state);
  }

  private touchGroup(group: SeedGroup, modifiedBy: string): void {
    group.lastModifiedAt = this.state.now;
    group.lastModifiedBy = modifiedBy;
  }

  private index(member: StoredMember): void {
    this.membersById.set(member.id, member);
    this.membersByEmail.set(normalizeEmail(member.email), member);
  }
}
