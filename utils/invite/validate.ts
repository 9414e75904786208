/**
 * Bulk invite, step 2: every parsed row checked with zod and against the org snapshot, and resolved
 * to the settings an invite needs (ids, not names). Each error names its column and says how to fix
 * it; the row number is on the row. Pure: no DOM, nothing about Amplitude's pages or endpoints.
 *
 * Part of the org may not be readable on this console (the snapshot's pieces). Who is already a
 * member or invited is always known (the people are always read), so those rows are skipped as
 * ever. A check that needs a piece that was not read is never made from a guess: a notice above the
 * rows says what was not checked, and a row naming something that cannot be looked up (a group, a
 * team space) is held with the reason, for the admin to decide.
 */
import { type Group, knownOrgRole, type Member, type OrgRole, type OrgSnapshot, type ProjectRole } from '../access/model';
import { compareRoles, maxRole, roleLabel } from '../access/roles';
import { emailProblem, MAX_ADDRESS, MAX_LOCAL_PART } from './email';
import { closestName, normalizeName } from './fuzzy';
import type { InviteColumn, ParsedCsv, ParseIssue, ParsedRow } from './parse';
import { t } from '../i18n';

/** At most this many rows per import. */
export const MAX_INVITE_ROWS = 2000;

export type RowStatus = 'ready' | 'skip' | 'invalid';

export interface RowError {
  /** The column at fault; null when the whole row is (its shape, or who may invite). */
  column: InviteColumn | null;
  /** What is wrong and how to fix it. */
  message: string;
}

export interface ProjectRoleSetting {
  projectId: string;
  role: ProjectRole;
}

/** What one invite sets, by id. Serialisable. */
export interface InviteSettings {
  teamId: string | null;
  groupIds: string[];
  /** Direct project roles (project-level permissions only), in the file's order. */
  projectRoles: ProjectRoleSetting[];
  /** 'user' for non-Admins in orgs with project-level permissions. */
  orgRole: OrgRole;
  defaultProjectId: string | null;
  teamSpaceIds: string[];
}

export interface ValidatedRow {
  /** 1-based data row (row 1 = first row after the header). */
  row: number;
  /** 1-based line of the text where the row starts. */
  line: number;
  /** The original cells, for the results download. */
  cells: string[];
  /** The email as written (trimmed). */
  email: string;
  status: RowStatus;
  /** Why a 'skip' row is skipped; null otherwise. */
  reason: string | null;
  /** Non-empty exactly when status is 'invalid'. */
  errors: RowError[];
  /** Notices that do not stop the invite. */
  warnings: RowError[];
  /** The resolved settings; non-null exactly when status is 'ready'. */
  settings: InviteSettings | null;
}

export interface ValidationResult {
  /** False when the file as a whole cannot be imported; `fileErrors` says why. */
  ok: boolean;
  rows: ValidatedRow[];
  fileErrors: ParseIssue[];
  warnings: ParseIssue[];
  counts: { ready: number; skip: number; invalid: number };
}

/** Role words accepted in the `projects` and `role` columns, lowercased and spaces collapsed. */
const ROLE_WORDS: Readonly<Record<string, ProjectRole | 'admin'>> = {
  'no access': 'no_access',
  no_access: 'no_access',
  noaccess: 'no_access',
  none: 'no_access',
  viewer: 'viewer',
  member: 'member',
  manager: 'manager',
  admin: 'admin',
};

/** What a lookup says when a name does not resolve, per kind of thing (one message each, for translators). */
interface LookupTexts {
  /** Several (count ≥ 2) have this name. */
  sameName(count: number, name: string): string;
  /** The org has none of this kind. */
  noneInOrg(name: string): string;
  suggest(name: string, suggestion: string): string;
  /** `names`: the quoted names to choose from. */
  choices(name: string, names: string): string;
}

const TEAM_TEXTS: LookupTexts = {
  sameName: (count, name) => t('valTeamSameName', { count, name }),
  noneInOrg: (name) => t('valTeamNone', { name }),
  suggest: (name, suggestion) => t('valTeamSuggest', { name, suggestion }),
  choices: (name, names) => t('valTeamChoices', { name, names }),
};
const GROUP_TEXTS: LookupTexts = {
  sameName: (count, name) => t('valGroupSameName', { count, name }),
  noneInOrg: (name) => t('valGroupNone', { name }),
  suggest: (name, suggestion) => t('valGroupSuggest', { name, suggestion }),
  choices: (name, names) => t('valGroupChoices', { name, names }),
};
const PROJECT_TEXTS: LookupTexts = {
  sameName: (count, name) => t('valProjectSameName', { count, name }),
  noneInOrg: (name) => t('valProjectNone', { name }),
  suggest: (name, suggestion) => t('valProjectSuggest', { name, suggestion }),
  choices: (name, names) => t('valProjectChoices', { name, names }),
};
const SPACE_TEXTS: LookupTexts = {
  sameName: (count, name) => t('valSpaceSameName', { count, name }),
  noneInOrg: (name) => t('valSpaceNone', { name }),
  suggest: (name, suggestion) => t('valSpaceSuggest', { name, suggestion }),
  choices: (name, names) => t('valSpaceChoices', { name, names }),
};

interface Lookup<T> {
  say: LookupTexts;
  byName: Map<string, T[]>;
  names: string[];
}

function lookup<T extends { name: string }>(say: LookupTexts, items: readonly T[]): Lookup<T> {
  const byName = new Map<string, T[]>();
  for (const item of items) {
    const key = normalizeName(item.name);
    byName.set(key, [...(byName.get(key) ?? []), item]);
  }
  return { say, byName, names: items.map((item) => item.name) };
}

type Resolved<T> = { ok: true; item: T } | { ok: false; message: string };

const quote = (s: string) => `"${s}"`;

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 8).map(quote).join(', ');
  return names.length > 8 ? t('listMore', { names: shown, count: names.length - 8 }) : shown;
}

function resolveName<T>(table: Lookup<T>, name: string): Resolved<T> {
  const found = table.byName.get(normalizeName(name));
  if (found && found.length === 1) return { ok: true, item: found[0]! };
  if (found && found.length > 1) {
    return { ok: false, message: table.say.sameName(found.length, name) };
  }
  if (table.names.length === 0) return { ok: false, message: table.say.noneInOrg(name) };
  const suggestion = closestName(name, table.names);
  return { ok: false, message: suggestion ? table.say.suggest(name, suggestion) : table.say.choices(name, listNames(table.names)) };
}

/** Splits a multi-value cell at `;`, trimming and dropping empty parts. */
export function splitList(cell: string | undefined): string[] {
  if (!cell) return [];
  return cell
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

function roleWords(snapshot: OrgSnapshot): Map<string, ProjectRole | 'admin'> {
  const words = new Map(Object.entries(ROLE_WORDS));
  for (const [value, label] of Object.entries(snapshot.customRoleNames ?? {})) {
    if (value in ROLE_WORDS) words.set(normalizeName(label), ROLE_WORDS[value]!);
  }
  return words;
}

/** What the signed-in admin may do through an invite. */
interface Inviter {
  name: string;
  isAdmin: boolean;
  /** Null when they cannot invite at all: the reason. */
  cannotInvite: string | null;
  /** Project-level orgs, non-Admins: the projects where they are Manager; null when their grants could not be read. */
  managedProjects: Set<string> | null;
}

function inviterOf(snapshot: OrgSnapshot, groupsById: Map<string, Group>): Inviter {
  const viewer: Member | undefined = snapshot.members.find((member) => member.id === snapshot.viewerId);
  if (!viewer) {
    return { name: 'you', isAdmin: false, cannotInvite: t('valNoViewer'), managedProjects: new Set() };
  }
  const isAdmin = viewer.orgRole === 'admin';
  const projectLevel = snapshot.org.projectLevelPermissions;
  const grantsRead = snapshot.pieces.projectRoles.read && snapshot.pieces.groups.read;
  let managedProjects: Set<string> | null = new Set<string>();
  if (projectLevel !== false && !isAdmin) {
    if (!grantsRead || projectLevel === null) managedProjects = null;
    else {
      const roles = new Map<string, ProjectRole>();
      const sources = [...viewer.projectRoles, ...viewer.groupIds.flatMap((id) => groupsById.get(id)?.projectRoles ?? [])];
      for (const grant of sources) roles.set(grant.projectId, maxRole(roles.get(grant.projectId) ?? 'no_access', grant.role) as ProjectRole);
      for (const [projectId, role] of roles) if (role === 'manager') managedProjects.add(projectId);
    }
  }
  let cannotInvite: string | null = null;
  // What the console itself says the admin may do decides; the role is read only when it could not be asked.
  if (snapshot.viewerMay.invite !== null) {
    if (!snapshot.viewerMay.invite) cannotInvite = t('valCannotInviteConsole', { name: viewer.name });
  } else if (!isAdmin) {
    const role = knownOrgRole(viewer.orgRole);
    if (projectLevel === true && managedProjects?.size === 0) {
      cannotInvite = t('valCannotInviteProjects', { name: viewer.name });
    } else if (projectLevel === false && role !== 'manager') {
      const shown = role === null || role === 'user' ? 'viewer' : role;
      cannotInvite = t('valCannotInviteRole', { name: viewer.name, role: roleLabel(shown, snapshot.customRoleNames) });
    }
  }
  return { name: viewer.name, isAdmin, cannotInvite, managedProjects };
}

/** What could not be checked because part of the org was not readable here: said once, above the rows. */
function uncheckedNotices(snapshot: OrgSnapshot, inviter: Inviter): ParseIssue[] {
  const notices: ParseIssue[] = [];
  if (snapshot.org.projectLevelPermissions === null) notices.push({ message: t('valNoticeMode') });
  if (!snapshot.pieces.groups.read) notices.push({ message: t('valNoticeGroups') });
  if (!snapshot.pieces.teams.read) notices.push({ message: t('valNoticeTeams') });
  if (!snapshot.pieces.teamSpaces.read) notices.push({ message: t('valNoticeSpaces') });
  if (!inviter.cannotInvite && inviter.managedProjects === null) notices.push({ message: t('valNoticeGrants') });
  return notices;
}

function tally(rows: readonly ValidatedRow[]): ValidationResult['counts'] {
  const counts = { ready: 0, skip: 0, invalid: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Validates every row of a parsed file against the org snapshot. Never throws. */
export function validateInvites(parsed: ParsedCsv, snapshot: OrgSnapshot, options: { maxRows?: number } = {}): ValidationResult {
  const maxRows = options.maxRows ?? MAX_INVITE_ROWS;
  const fail = (fileErrors: ParseIssue[]): ValidationResult => ({ ok: false, rows: [], fileErrors, warnings: parsed.warnings, counts: { ready: 0, skip: 0, invalid: 0 } });
  if (!parsed.ok) return fail(parsed.errors);
  if (parsed.rows.length > maxRows) {
    return fail([
      {
        message: t('valTooManyRows', { count: parsed.rows.length.toLocaleString(t('localeCode')), max: maxRows.toLocaleString(t('localeCode')) }),
      },
    ]);
  }

  const groupsById = new Map(snapshot.groups.map((group) => [group.id, group]));
  const inviter = inviterOf(snapshot, groupsById);
  const context: Context = {
    snapshot,
    inviter,
    words: roleWords(snapshot),
    teams: lookup(TEAM_TEXTS, snapshot.teams),
    groups: lookup(GROUP_TEXTS, snapshot.groups),
    projects: lookup(PROJECT_TEXTS, snapshot.projects),
    spaces: lookup(SPACE_TEXTS, snapshot.teamSpaces),
    projectNames: new Map(snapshot.projects.map((project) => [project.id, project.name])),
  };
  const members = new Map(snapshot.members.map((member) => [member.email.trim().toLowerCase(), member]));
  const firstRowOf = new Map<string, number>();

  const rows = parsed.rows.map((parsedRow): ValidatedRow => {
    const email = parsedRow.values.email ?? '';
    const base = { row: parsedRow.row, line: parsedRow.line, cells: parsedRow.cells, email, warnings: [] as RowError[] };
    const invalid = (errors: RowError[]): ValidatedRow => ({ ...base, status: 'invalid', reason: null, errors, settings: null });

    if (parsedRow.errors.length > 0) return invalid(parsedRow.errors.map((issue) => ({ column: null, message: issue.message })));
    if (inviter.cannotInvite) return invalid([{ column: null, message: inviter.cannotInvite }]);

    const emailError = checkEmail(email);
    if (emailError) return invalid([{ column: 'email', message: emailError }]);
    const key = email.toLowerCase();
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      return invalid([{ column: 'email', message: t('valDuplicateRow', { row: first }) }]);
    }
    firstRowOf.set(key, parsedRow.row);

    const member = members.get(key);
    if (member) {
      const reason =
        member.status === 'pending'
          ? t('valAlreadyInvited', { date: member.invitedAt.slice(0, 10) })
          : member.name
            ? t('valAlreadyMemberNamed', { name: member.name })
            : t('valAlreadyMember');
      return { ...base, status: 'skip', reason, errors: [], settings: null };
    }

    const result = resolveRow(parsedRow, context);
    if (result.errors.length > 0) return { ...invalid(result.errors), warnings: result.warnings };
    return { ...base, status: 'ready', reason: null, errors: [], warnings: result.warnings, settings: result.settings };
  });

  const fileErrors: ParseIssue[] = inviter.cannotInvite ? [{ message: inviter.cannotInvite }] : [];
  return { ok: fileErrors.length === 0, rows, fileErrors, warnings: [...uncheckedNotices(snapshot, inviter), ...parsed.warnings], counts: tally(rows) };
}

function checkEmail(email: string): string | null {
  switch (emailProblem(email)) {
    case null:
      return null;
    case 'empty':
      return t('valEmailEmpty');
    case 'several':
      return t('valEmailSeveral', { email });
    case 'local-too-long':
      return t('valEmailLocalTooLong', { email, length: email.slice(0, email.lastIndexOf('@')).length, max: MAX_LOCAL_PART });
    case 'too-long':
      return t('valEmailTooLong', { email, length: email.length, max: MAX_ADDRESS });
    case 'invalid':
      return t('valEmailInvalid', { email });
  }
}

interface Context {
  snapshot: OrgSnapshot;
  inviter: Inviter;
  words: Map<string, ProjectRole | 'admin'>;
  teams: Lookup<OrgSnapshot['teams'][number]>;
  groups: Lookup<Group>;
  projects: Lookup<OrgSnapshot['projects'][number]>;
  spaces: Lookup<OrgSnapshot['teamSpaces'][number]>;
  projectNames: Map<string, string>;
}

interface RowResult {
  errors: RowError[];
  warnings: RowError[];
  settings: InviteSettings;
}

function resolveRow(parsedRow: ParsedRow, context: Context): RowResult {
  const { snapshot, inviter } = context;
  const values = parsedRow.values;
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  // Unknown mode: the mode-dependent checks are not made (a notice says so); the role word is kept.
  const modeKnown = snapshot.org.projectLevelPermissions !== null;
  const projectLevel = snapshot.org.projectLevelPermissions === true;
  const projectName = (id: string) => context.projectNames.get(id) ?? id;

  // Team.
  let teamId: string | null = null;
  if (values.team) {
    const team = resolveName(context.teams, values.team);
    if (team.ok) teamId = team.item.id;
    // Without the list of teams, only teams someone is in are known: another name is not checkable.
    else if (!snapshot.pieces.teams.read) errors.push({ column: 'team', message: t('valTeamUnreadable', { name: values.team }) });
    else errors.push({ column: 'team', message: team.message });
  } else if (snapshot.teams.length > 0) {
    // The console's invite asks for a team per email when the org has teams [doc: step 1].
    const names = snapshot.teams.slice(0, 5).map((team) => quote(team.name)).join(', ');
    errors.push({ column: 'team', message: t('valTeamRequired', { names: `${names}${snapshot.teams.length > 5 ? ', …' : ''}` }) });
  }

  // Groups.
  const groups: Group[] = [];
  for (const name of splitList(values.groups)) {
    if (!snapshot.pieces.groups.read) {
      errors.push({ column: 'groups', message: t('valGroupUnreadable', { name }) });
      continue;
    }
    const group = resolveName(context.groups, name);
    if (!group.ok) errors.push({ column: 'groups', message: group.message });
    else if (!groups.includes(group.item)) groups.push(group.item);
  }

  // Org role.
  let orgRole: OrgRole = projectLevel ? 'user' : 'viewer';
  if (values.role) {
    const word = context.words.get(normalizeName(values.role));
    if (!modeKnown && word && word !== 'no_access' && (word !== 'admin' || inviter.isAdmin)) {
      orgRole = word;
    } else if (!word || word === 'no_access') {
      errors.push({
        column: 'role',
        message: projectLevel ? t('valRoleUnknownProjectLevel', { role: values.role }) : t('valRoleUnknown', { role: values.role }),
      });
    } else if (projectLevel && word !== 'admin') {
      errors.push({
        column: 'role',
        message: t('valRoleProjectLevel', { role: roleLabel(word), example: `${snapshot.projects[0]?.name ?? 'Project'}:${roleLabel(word)}` }),
      });
    } else if (word === 'admin' && !inviter.isAdmin) {
      errors.push({ column: 'role', message: t('valAdminOnly') });
    } else {
      orgRole = word;
    }
  }
  const invitesAdmin = orgRole === 'admin';

  // Direct project roles.
  const projectRoles: ProjectRoleSetting[] = [];
  const pairs = splitList(values.projects);
  if (pairs.length > 0 && modeKnown && !projectLevel) {
    errors.push({
      column: 'projects',
      message: t('valProjectsOrgLevel'),
    });
  } else if (pairs.length > 0 && invitesAdmin) {
    errors.push({ column: 'projects', message: t('valProjectsAdmin') });
  } else {
    for (const pair of pairs) {
      const colon = pair.lastIndexOf(':');
      if (colon < 0) {
        errors.push({ column: 'projects', message: t('valPairNoRole', { pair }) });
        continue;
      }
      const name = pair.slice(0, colon).trim();
      const roleText = pair.slice(colon + 1).trim();
      if (name === '') {
        errors.push({ column: 'projects', message: t('valPairNoName', { pair }) });
        continue;
      }
      const project = resolveName(context.projects, name);
      const word = context.words.get(normalizeName(roleText));
      if (!project.ok) errors.push({ column: 'projects', message: project.message });
      if (roleText === '') {
        errors.push({ column: 'projects', message: t('valPairEmptyRole', { project: name }) });
        continue;
      }
      if (word === 'admin') {
        errors.push({ column: 'projects', message: t('valPairAdmin', { pair }) });
        continue;
      }
      if (!word) {
        errors.push({ column: 'projects', message: t('valPairUnknownRole', { role: roleText, pair }) });
        continue;
      }
      if (!project.ok) continue;
      if (projectRoles.some((grant) => grant.projectId === project.item.id)) {
        errors.push({ column: 'projects', message: t('valPairTwice', { project: project.item.name }) });
        continue;
      }
      projectRoles.push({ projectId: project.item.id, role: word });
    }
  }

  // What the signed-in admin may grant.
  if (!inviter.isAdmin && inviter.managedProjects) {
    const managed = inviter.managedProjects;
    if (projectLevel) {
      for (const grant of projectRoles) {
        if (!managed.has(grant.projectId)) {
          errors.push({
            column: 'projects',
            message: t('valNotManagerOf', { project: projectName(grant.projectId) }),
          });
        }
      }
      for (const group of groups) {
        const outside = group.projectRoles.filter((grant) => grant.role !== 'no_access' && !managed.has(grant.projectId));
        if (outside.length > 0) {
          errors.push({
            column: 'groups',
            message: t('valGroupOutside', { group: group.name, projects: outside.map((grant) => quote(projectName(grant.projectId))).join(', ') }),
          });
        }
      }
    }
  }

  // A direct role below what a chosen group gives has no effect ("the highest wins").
  for (const grant of projectRoles) {
    for (const group of groups) {
      const groupGrant = group.projectRoles.find((g) => g.projectId === grant.projectId);
      if (groupGrant && compareRoles(grant.role, groupGrant.role) < 0) {
        errors.push({
          column: 'projects',
          message: t('valBelowGroup', {
            project: projectName(grant.projectId),
            role: roleLabel(grant.role, snapshot.customRoleNames),
            grouprole: roleLabel(groupGrant.role, snapshot.customRoleNames),
            group: group.name,
          }),
        });
      }
    }
  }

  // Effective access, for the default project.
  const granted = new Map<string, ProjectRole>();
  for (const grant of [...projectRoles, ...groups.flatMap((group) => group.projectRoles)]) {
    granted.set(grant.projectId, maxRole(granted.get(grant.projectId) ?? 'no_access', grant.role) as ProjectRole);
  }
  const accessible = [...granted].filter(([, role]) => role !== 'no_access').map(([id]) => id);

  let defaultProjectId: string | null = null;
  if (values.default_project) {
    const project = resolveName(context.projects, values.default_project);
    if (!project.ok) errors.push({ column: 'default_project', message: project.message });
    else if (projectLevel && !invitesAdmin && !accessible.includes(project.item.id)) {
      errors.push({
        column: 'default_project',
        message:
          accessible.length > 0
            ? t('valDefaultNotGiven', { project: project.item.name, projects: accessible.map((id) => quote(projectName(id))).join(', ') })
            : t('valDefaultNoAccess', { project: project.item.name }),
      });
    } else defaultProjectId = project.item.id;
  }

  // Team spaces.
  const teamSpaceIds: string[] = [];
  for (const name of splitList(values.team_spaces)) {
    if (!snapshot.pieces.teamSpaces.read) {
      errors.push({ column: 'team_spaces', message: t('valSpaceUnreadable', { name }) });
      continue;
    }
    const space = resolveName(context.spaces, name);
    if (!space.ok) errors.push({ column: 'team_spaces', message: space.message });
    else if (!teamSpaceIds.includes(space.item.id)) teamSpaceIds.push(space.item.id);
  }

  if (projectLevel && !invitesAdmin && accessible.length === 0 && errors.length === 0) {
    // The console's invite does not go past "Assign Access" without any project [guess].
    errors.push({ column: 'projects', message: t('valNoProjectAccess') });
  }
  if (projectLevel && invitesAdmin && errors.length === 0) {
    // [guess] The invite form of a project-level org gives project roles, maybe no org role: said
    // before the run, so a batch that fails on it is no surprise and the way round is known.
    warnings.push({ column: 'role', message: t('valAdminInviteMayFail') });
  }

  return {
    errors,
    warnings,
    settings: { teamId, groupIds: groups.map((group) => group.id), projectRoles, orgRole, defaultProjectId, teamSpaceIds },
  };
}

/** "Row 3 (line 4), groups: …": one error as a sentence, for lists and downloads. */
export function describeRowError(row: Pick<ValidatedRow, 'row' | 'line'>, error: RowError): string {
  const where = row.line !== row.row + 1 ? t('valWhereLine', { row: row.row, line: row.line }) : t('valWhere', { row: row.row });
  return error.column ? t('valDescribeColumn', { where, column: error.column, message: error.message }) : t('valDescribe', { where, message: error.message });
}
