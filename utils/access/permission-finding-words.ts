/**
 * The words of the permission findings (RBAC custom roles, permission-findings.ts). UI side,
 * through t(). Permission names are the catalogue's (Amplitude's words); role names are the org's.
 */
import { type FindingWords, personInSentence } from './admin-finding-words';
import type { FindingOf, PermissionWithSources } from './finding';
import { describeSource, listing, quoted, type RoleNames, roleNameOf } from './phrases';
import { t } from '../i18n';
import { isolatedText } from '../text/visible-text';

/** How many permissions a message names before "and N more". */
const NAMED_PERMISSIONS = 6;
const NAMED_PROJECTS = 3;

const named = (name: string): string => quoted(isolatedText(name));

function someOf<T>(items: readonly T[], limit: number, describe: (item: T) => string): string {
  const shown = items.slice(0, limit).map(describe);
  return items.length > limit ? t('listMore', { names: shown.join(', '), count: items.length - limit }) : listing(shown);
}

type PermissionFinding = FindingOf<'permission-union'> | FindingOf<'permission-escalation'> | FindingOf<'custom-role-adds-nothing'>;

export function permissionFindingWords(finding: PermissionFinding, names: RoleNames): FindingWords {
  switch (finding.code) {
    case 'permission-union': {
      const { params } = finding;
      const extra = ({ permission, sources }: PermissionWithSources) =>
        t('findPermissionWithSources', { permission, sources: listing(sources.map((source) => describeSource(source, names))) });
      return {
        explanation: t('findPermissionUnion', {
          project: named(params.project),
          who: personInSentence(params.who),
          roles: listing(params.roles.map((source) => describeSource(source, names))),
          broadest: roleNameOf(params.broadest, names),
          extras: someOf(params.extras, NAMED_PERMISSIONS, extra),
        }),
        fix: t('findPermissionUnionFix'),
      };
    }
    case 'permission-escalation': {
      const { params } = finding;
      const group = named(params.group);
      const who = personInSentence(params.who);
      const [only] = params.cells;
      const explanation =
        params.cells.length === 1 && only
          ? t('findPermissionEscalationSingle', {
              group,
              who,
              given: roleNameOf(only.given, names),
              project: named(only.project),
              own: roleNameOf(only.own, names),
              permissions: someOf(only.permissions, NAMED_PERMISSIONS, (permission) => permission),
            })
          : t('findPermissionEscalationSeveral', { group, who, count: params.cells.length, list: someOf(params.cells, NAMED_PROJECTS, (cell) => named(cell.project)) });
      return { explanation, fix: t('findPermissionEscalationFix', { group }) };
    }
    case 'custom-role-adds-nothing':
      return {
        explanation: t('findCustomRoleAddsNothing', { role: named(finding.params.role), count: finding.params.holders }),
        fix: t('findCustomRoleAddsNothingFix'),
      };
  }
}
