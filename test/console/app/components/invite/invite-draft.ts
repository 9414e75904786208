/**
 * The Invite New Users wizard's state and rules, apart from its screens: which steps there are,
 * when each step is complete, what a chosen group already grants, and the InviteUsers variables.
 * Steps [doc]: emails with a team each, Select Groups (Enterprise with groups), Assign Access,
 * default project and team spaces, review. Step titles other than "Select Groups" and
 * "Assign Access" are [guess].
 */
import type { Variables } from '../../../shared/operations';
import { highestProjectRole, ROLE_LABEL, type OrgRole, type ProjectRole } from '../../model/roles';
import type { GroupNode } from '../../model/types';

export interface EmailEntry {
  email: string;
  teamId: string | null;
}

export interface InviteDraft {
  entries: EmailEntry[];
  groupIds: string[];
  /** Project-level orgs: a role per project. */
  projectRoles: { projectId: string; role: ProjectRole }[];
  /** Org-level orgs [guess]: one role for all invitees. */
  orgRole: Exclude<OrgRole, 'user'>;
  defaultProjectId: string | null;
  teamSpaceIds: string[];
}

export const EMPTY_DRAFT: InviteDraft = { entries: [], groupIds: [], projectRoles: [], orgRole: 'viewer', defaultProjectId: null, teamSpaceIds: [] };

export type StepKey = 'emails' | 'groups' | 'access' | 'defaults' | 'review';

export const STEP_TITLE: Record<StepKey, string> = {
  emails: 'Add Users',
  groups: 'Select Groups',
  access: 'Assign Access',
  defaults: 'Default Project & Team Spaces',
  review: 'Review',
};

/** Select Groups only when the org has groups [doc: "Enterprise with groups"]. */
export const stepsFor = (hasGroups: boolean): StepKey[] => ['emails', ...(hasGroups ? (['groups'] as const) : []), 'access', 'defaults', 'review'];

/** The same check as the backend's (zod's email format), so what is chipped is what is accepted. */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const isValidEmail = (text: string): boolean => EMAIL.test(text);
export const normalizeEmail = (text: string): string => text.trim().toLowerCase();

/** The highest role the chosen groups grant on a project, with the groups that grant it. */
export function groupGrant(chosen: readonly GroupNode[], projectId: string): { role: ProjectRole; groups: string[] } | null {
  const grants = chosen.flatMap((group) => group.projectRoles.filter((grant) => grant.projectId === projectId).map((grant) => ({ role: grant.role, group: group.name })));
  const role = highestProjectRole(grants.map((grant) => grant.role));
  return role === null ? null : { role, groups: grants.filter((grant) => grant.role === role).map((grant) => grant.group) };
}

/** Why a role cannot be picked for a project: a chosen group grants more [doc: cannot be lowered]. */
export function floorReason(grant: { role: ProjectRole; groups: string[] }): string {
  return `${grant.groups.join(', ')} ${grant.groups.length === 1 ? 'grants' : 'grant'} ${ROLE_LABEL[grant.role]} on this project; a lower role cannot be set here.`;
}

/** Projects the invitees will reach (above No Access), directly or through a chosen group. */
export function grantedProjectIds(draft: InviteDraft, chosen: readonly GroupNode[]): Set<string> {
  const ids = new Set<string>();
  for (const grant of [...draft.projectRoles, ...chosen.flatMap((group) => group.projectRoles)]) if (grant.role !== 'no_access') ids.add(grant.projectId);
  return ids;
}

/** A direct role below a chosen group's grant (after groups changed), or null. */
export function loweredGrant(draft: InviteDraft, chosen: readonly GroupNode[]): string | null {
  const rank: Record<ProjectRole, number> = { no_access: 0, viewer: 1, member: 2, manager: 3 };
  const bad = draft.projectRoles.find((grant) => {
    const floor = groupGrant(chosen, grant.projectId);
    return floor !== null && rank[grant.role] < rank[floor.role];
  });
  return bad ? bad.projectId : null;
}

export interface StepCheck {
  ok: boolean;
  /** Why Next is disabled, shown under the step. */
  reason?: string;
}

export function checkStep(
  step: StepKey,
  context: { draft: InviteDraft; chosen: readonly GroupNode[]; pendingText: string; teamsRequired: boolean; projectLevel: boolean; chipCommit?: 'enter' | 'comma-blur' },
): StepCheck {
  const { draft, chosen } = context;
  switch (step) {
    case 'emails':
      if (context.pendingText.trim()) {
        const how = context.chipCommit === 'comma-blur' ? 'Type a comma' : 'Press Enter';
        return { ok: false, reason: `${how} to add “${context.pendingText.trim()}”.` };
      }
      if (draft.entries.length === 0) return { ok: false, reason: 'Add at least one email address.' };
      // [guess] Every invitee needs a team when the org has teams.
      if (context.teamsRequired && draft.entries.some((entry) => entry.teamId === null)) return { ok: false, reason: 'Choose a team for every email address.' };
      return { ok: true };
    case 'groups':
      return { ok: true };
    case 'access':
      if (!context.projectLevel) return { ok: true };
      if (loweredGrant(draft, chosen)) return { ok: false, reason: 'A chosen group grants more than a role set here; raise the role or remove the project.' };
      if (grantedProjectIds(draft, chosen).size === 0) return { ok: false, reason: 'Give access to at least one project, directly or through a group.' };
      return { ok: true };
    case 'defaults':
      if (context.projectLevel && draft.defaultProjectId !== null && !grantedProjectIds(draft, chosen).has(draft.defaultProjectId)) {
        return { ok: false, reason: 'The default project must be one of the projects the users get.' };
      }
      return { ok: true };
    case 'review':
      return { ok: true };
  }
}

export function inviteVariables(draft: InviteDraft, projectLevel: boolean): Variables<'InviteUsers'> {
  return {
    invites: draft.entries.map((entry) => ({ email: entry.email, teamId: entry.teamId })),
    groupIds: draft.groupIds,
    projectRoles: projectLevel ? draft.projectRoles : [],
    orgRole: projectLevel ? null : draft.orgRole,
    defaultProjectId: draft.defaultProjectId,
    teamSpaceIds: draft.teamSpaceIds,
  };
}
