/**
 * Change of email, the checks before anything is sent: the new address and the plan go through the
 * bulk invite's own validation (utils/invite/validate.ts) as one row, so the rules are the same
 * everywhere: the address's format, not a member, not pending, and everything the invite sets
 * (team required when the org has teams, groups within what the admin may give, roles not below a
 * group's, a default project the person reaches, some project access). The row is written with the
 * names the console shows; the settings it resolves to must be exactly the plan's ids, or a name is
 * ambiguous and the admin is told. Pure.
 */
import { roleLabel, type OrgSnapshot } from '../access/model';
import { settingsKey } from '../invite/plan';
import type { ParsedCsv } from '../invite/parse';
import { validateInvites, type InviteSettings } from '../invite/validate';
import { t } from '../i18n';
import type { EmailChangePlan } from './plan';

export type AddressCheck =
  | { ok: true; email: string; settings: InviteSettings; warnings: string[] }
  | { ok: false; email: string; errors: string[] };

/** The plan as the one row of a bulk-invite file, by the names the console shows. */
export function planAsInviteRow(plan: EmailChangePlan, snapshot: OrgSnapshot, email: string): Record<string, string> {
  const name = (items: readonly { id: string; name: string }[], id: string) => items.find((item) => item.id === id)?.name ?? id;
  const values: Record<string, string> = { email };
  if (plan.team.value) values.team = name(snapshot.teams, plan.team.value);
  if (plan.groupIds.value.length) values.groups = plan.groupIds.value.map((id) => name(snapshot.groups, id)).join(';');
  if (plan.projectRoles.value.length) {
    values.projects = plan.projectRoles.value.map((grant) => `${name(snapshot.projects, grant.projectId)}:${roleLabel(grant.role)}`).join(';');
  }
  // 'user' is what every non-Admin of a project-level org is: the invite's default, nothing to say.
  if (plan.orgRole !== 'user') values.role = roleLabel(plan.orgRole);
  if (plan.defaultProjectId.value) values.default_project = name(snapshot.projects, plan.defaultProjectId.value);
  if (plan.teamSpaceIds.value.length) values.team_spaces = plan.teamSpaceIds.value.map((id) => name(snapshot.teamSpaces, id)).join(';');
  return values;
}

export function checkNewAddress(snapshot: OrgSnapshot, plan: EmailChangePlan, typed: string): AddressCheck {
  const email = typed.trim();
  const values = planAsInviteRow(plan, snapshot, email);
  const headers = Object.keys(values);
  const parsed: ParsedCsv = {
    ok: true,
    delimiter: ',',
    headers,
    columns: headers as ParsedCsv['columns'],
    rows: [{ row: 1, line: 2, cells: Object.values(values), values, errors: [] }],
    errors: [],
    warnings: [],
  };
  const result = validateInvites(parsed, snapshot);
  const row = result.rows[0];
  if (!result.ok || !row) return { ok: false, email, errors: result.fileErrors.map((issue) => issue.message) };
  // Already a member or pending: the bulk invite skips such a row; here it is the reason to stop.
  if (row.status === 'skip') return { ok: false, email, errors: [row.reason ?? t('ecAlreadyThere')] };
  if (row.status === 'invalid' || !row.settings) return { ok: false, email, errors: row.errors.map((error) => (error.column ? `${error.column}: ${error.message}` : error.message)) };
  const expected = { ...row.settings, teamId: plan.team.value, groupIds: plan.groupIds.value, projectRoles: plan.projectRoles.value, defaultProjectId: plan.defaultProjectId.value, teamSpaceIds: plan.teamSpaceIds.value };
  if (settingsKey(row.settings) !== settingsKey(expected) || row.settings.teamId !== expected.teamId) {
    return { ok: false, email, errors: [t('ecAmbiguousNames')] };
  }
  return { ok: true, email, settings: row.settings, warnings: [...result.warnings.map((issue) => issue.message), ...row.warnings.map((warning) => warning.message)] };
}
