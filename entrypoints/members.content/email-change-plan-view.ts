/**
 * Change of email: the plan as the panel shows it (one line per piece, in words), with a fill-in
 * for every piece this console did not let us read, and the panel's fill-in actions applied back
 * to the plan (utils/email-change/fill-in.ts). The choices come from what is readable here.
 */
import type { FillAction, FillIn } from '@/components/PlanFillIn';
import type { PlanLine } from '@/components/EmailChangePanel';
import type { OrgSnapshot, ProjectRole } from '@/utils/access/model';
import { PROJECT_ROLES, roleLabel } from '@/utils/access/roles';
import { decidePiece, FILL_ROLES, fillOptions, pickOption, setProjectRole, toggleOption } from '@/utils/email-change/fill-in';
import { pieceLabel } from '@/utils/email-change/piece-labels';
import { PLAN_PIECES, type EmailChangePlan, type PlanPieceName } from '@/utils/email-change/plan';
import { t } from '@/utils/i18n';

type Named = readonly { id: string; name: string }[] | undefined;
const nameOf = (items: Named, id: string) => items?.find((item) => item.id === id)?.name ?? id;
const listOf = (ids: readonly string[], items: Named) => (ids.length ? ids.map((id) => nameOf(items, id)).join(', ') : t('ecNone'));

function words(plan: EmailChangePlan, piece: PlanPieceName, snapshot: OrgSnapshot | null): string {
  switch (piece) {
    case 'team':
      return plan.team.value ? nameOf(snapshot?.teams, plan.team.value) : t('ecNoTeam');
    case 'groupIds':
      return listOf(plan.groupIds.value, snapshot?.groups);
    case 'projectRoles': {
      const grants = plan.projectRoles.value;
      return grants.length ? grants.map((grant) => `${nameOf(snapshot?.projects, grant.projectId)}: ${roleLabel(grant.role, snapshot?.customRoleNames)}`).join(', ') : t('ecNone');
    }
    case 'defaultProjectId':
      return plan.defaultProjectId.value ? nameOf(snapshot?.projects, plan.defaultProjectId.value) : t('ecNone');
    case 'teamSpaceIds':
      return listOf(plan.teamSpaceIds.value, snapshot?.teamSpaces);
  }
}

/** How the admin decides a piece that was not read: its choices and what is decided so far. */
function fillInOf(plan: EmailChangePlan, piece: PlanPieceName, snapshot: OrgSnapshot): FillIn {
  const options = fillOptions(snapshot, piece);
  const filled = plan[piece].source === 'admin';
  const leftEmpty = plan[piece].source === 'left-empty';
  switch (piece) {
    case 'team':
    case 'defaultProjectId':
      return { kind: 'one', options, chosen: filled ? plan[piece].value : null, leftEmpty };
    case 'groupIds':
    case 'teamSpaceIds':
      return { kind: 'many', options, chosen: filled ? plan[piece].value : [], leftEmpty };
    case 'projectRoles':
      return {
        kind: 'roles',
        options,
        roles: FILL_ROLES.map((role) => ({ value: role, label: roleLabel(role, snapshot.customRoleNames) })),
        chosen: Object.fromEntries((filled ? plan.projectRoles.value : []).map((grant) => [grant.projectId, grant.role])),
        leftEmpty,
      };
  }
}

/**
 * The plan's lines. `snapshot` given (a new change, not sent yet): every piece that was not read
 * (undecided, filled in or left empty) carries its fill-in.
 */
export function planLines(plan: EmailChangePlan, snapshot: OrgSnapshot | null, editable: boolean): PlanLine[] {
  const role: PlanLine = { piece: 'orgRole', label: t('ecPieceRole'), value: plan.orgRole === 'user' ? t('ecRoleUser') : roleLabel(plan.orgRole), chosen: false, leftEmpty: false };
  return [
    role,
    ...PLAN_PIECES.map((piece): PlanLine => {
      const { source } = plan[piece];
      const line: PlanLine = { piece, label: pieceLabel(piece), value: source === 'unknown' ? null : words(plan, piece, snapshot), chosen: source === 'admin', leftEmpty: source === 'left-empty' };
      if (editable && snapshot && source !== 'read') line.fillIn = fillInOf(plan, piece, snapshot);
      return line;
    }),
  ];
}

const isPiece = (piece: string): piece is PlanPieceName => (PLAN_PIECES as readonly string[]).includes(piece);
const isRole = (role: string): role is ProjectRole => (PROJECT_ROLES as readonly string[]).includes(role);

/** The plan after one of the panel's fill-in actions on `piece`; the same plan for anything that does not fit. */
export function applyFill(plan: EmailChangePlan, piece: string, action: FillAction): EmailChangePlan {
  if (!isPiece(piece) || plan[piece].source === 'read') return plan;
  if (action.type === 'leave-empty') return decidePiece(plan, piece, { kind: action.on ? 'leave-empty' : 'undecided' });
  if (action.type === 'pick' && (piece === 'team' || piece === 'defaultProjectId')) return pickOption(plan, piece, action.id);
  if (action.type === 'toggle' && (piece === 'groupIds' || piece === 'teamSpaceIds')) return toggleOption(plan, piece, action.id, action.on);
  if (action.type === 'role' && piece === 'projectRoles' && (action.role === null || isRole(action.role))) return setProjectRole(plan, action.id, action.role);
  return plan;
}
