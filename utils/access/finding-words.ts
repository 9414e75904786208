/**
 * The words of a finding: the engine gives a code with its facts (finding.ts), this makes the
 * explanation and the fix in the user's language, with the org's own role names. UI side: used
 * by the breakdown card, the summary, the access-review export, and anything else that shows one.
 * Names from the page (people, groups, projects) go in with their hidden characters made visible
 * and, when right to left, isolated (utils/text/visible-text.ts), so a sentence cannot be made to lie.
 */
import { adminFindingWords, type FindingWords, personInSentence } from './admin-finding-words';
import { permissionFindingWords } from './permission-finding-words';
import type { EscalatedCell, Finding, FindingOf } from './finding';
import { describeSource, groupsPhrase, listing, quoted, type RoleNames } from './phrases';
import { roleLabel } from './roles';
import { t } from '../i18n';
import { codePointLabel, isolatedText } from '../text/visible-text';

export type { FindingWords } from './admin-finding-words';
export { personInSentence } from './admin-finding-words';

/** How many projects a message names before "and N more". */
const NAMED_PROJECTS = 3;

/** A page name (project, group) in a sentence: quoted, visible, isolated. */
const named = (name: string): string => quoted(isolatedText(name));

/** Names the first few items and counts the rest: "'A', 'B', 'C' and 4 more". */
function someOf<T>(items: readonly T[], describe: (item: T) => string): string {
  const shown = items.slice(0, NAMED_PROJECTS).map(describe);
  return items.length > NAMED_PROJECTS ? t('listMore', { names: shown.join(', '), count: items.length - NAMED_PROJECTS }) : listing(shown);
}

export function findingWords(finding: Finding, names?: RoleNames): FindingWords {
  switch (finding.code) {
    case 'escalated-through-group':
      return escalatedWords(finding, names);
    case 'mixed-roles':
      return mixedRolesWords(finding, names);
    case 'redundant-direct-grant':
      return redundantWords(finding, names);
    case 'mixed-management':
      return { explanation: t('findMixedManagement', { who: personInSentence(finding.params.who) }), fix: t('findMixedManagementFix') };
    case 'sole-admin':
    case 'too-many-admins':
      return adminFindingWords(finding, names);
    case 'no-access':
      return { explanation: t('findNoAccess', { who: personInSentence(finding.params.who) }), fix: t('findNoAccessFix') };
    case 'stale-invite': {
      const { email, days, invitedAt } = finding.params;
      return { explanation: t('findStaleInvite', { email: isolatedText(email), days, date: invitedAt.slice(0, 10) }), fix: t('findStaleInviteFix') };
    }
    case 'hidden-characters':
      return hiddenWords(finding);
    case 'permission-union':
    case 'permission-escalation':
    case 'custom-role-adds-nothing':
      return permissionFindingWords(finding, names);
  }
}

function escalatedWords({ params }: FindingOf<'escalated-through-group'>, names: RoleNames): FindingWords {
  const who = personInSentence(params.who);
  const group = named(params.group);
  const kind = params.ownKind === 'org' ? t('findKindOrg') : t('findKindDirect');
  const item = (cell: EscalatedCell) => ({ role: roleLabel(cell.given, names), project: named(cell.project), kind, own: roleLabel(cell.own, names) });
  const [only] = params.cells;
  const explanation =
    params.cells.length === 1 && only
      ? t('findEscalatedSingle', { group, who, ...item(only) })
      : t('findEscalatedSeveral', { group, who, kind, count: params.cells.length, list: someOf(params.cells, (cell) => t('findEscalatedItem', item(cell))) });
  return { explanation, fix: t('findEscalatedFix', { group }) };
}

function mixedRolesWords({ params }: FindingOf<'mixed-roles'>, names: RoleNames): FindingWords {
  const who = personInSentence(params.who);
  const [only] = params.cells;
  const explanation =
    params.cells.length === 1 && only
      ? t('findMixedRolesSingle', {
          who,
          project: named(only.project),
          sources: listing(only.sources.map((source) => describeSource(source, names))),
          role: roleLabel(only.role, names),
        })
      : t('findMixedRolesSeveral', { who, count: params.cells.length, list: someOf(params.cells, (cell) => named(cell.project)) });
  return { explanation, fix: t('findMixedRolesFix') };
}

function redundantWords({ params }: FindingOf<'redundant-direct-grant'>, names: RoleNames): FindingWords {
  const who = personInSentence(params.who);
  const groups = groupsPhrase(params.groups);
  const [only] = params.cells;
  if (params.cells.length === 1 && only) {
    const own = roleLabel(only.own, names);
    const project = named(only.project);
    return {
      explanation: t(params.groups.length > 1 ? 'findRedundantSingleGive' : 'findRedundantSingleGives', { who, own, project, groups, role: roleLabel(only.best, names) }),
      fix: t('findRedundantSingleFix', { project, own, groups }),
    };
  }
  return {
    explanation: t('findRedundantSeveral', { who, count: params.cells.length, list: someOf(params.cells, (cell) => named(cell.project)), groups }),
    fix: t('findRedundantSeveralFix', { groups }),
  };
}

function hiddenWords({ params }: FindingOf<'hidden-characters'>): FindingWords {
  const codes = (codePoints: readonly number[]) => codePoints.map(codePointLabel).join(', ');
  const who = personInSentence(params.who);
  const explanation =
    params.inName.length > 0 && params.inEmail.length > 0
      ? t('findHiddenInNameAndEmail', { who, name: codes(params.inName), email: codes(params.inEmail) })
      : params.inName.length > 0
        ? t('findHiddenInName', { who, codes: codes(params.inName) })
        : t('findHiddenInEmail', { who, codes: codes(params.inEmail) });
  return { explanation, fix: t('findHiddenFix') };
}
