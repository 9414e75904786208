/**
 * "Who can…?" (RBAC orgs with custom roles): pick a permission and, optionally, a project; lists
 * everyone who holds it, on which projects, through which sources, and exports that as CSV.
 * Loaded on demand with the card's file (entrypoints/access-card.ts). Page data as text only.
 */
import { useMemo, useState } from 'preact/hooks';
import { PERMISSIONS } from '@/utils/access/permission-catalogue';
import type { OrgSnapshot } from '@/utils/access/model';
import type { AccessReport } from '@/utils/access/report';
import type { CustomRoleNames } from '@/utils/access/roles';
import { whoCan, type WhoCanRow } from '@/utils/access/who-can';
import { t } from '@/utils/i18n';
import { isolatedText } from '@/utils/text/visible-text';

export interface WhoCanPanelProps {
  report: Pick<AccessReport, 'members' | 'projects'>;
  snapshot: OrgSnapshot;
  names?: CustomRoleNames;
  /** Words of one source, as the card says it ("Direct: Analyst"). */
  sourceLabel: (source: WhoCanRow['sources'][number]) => string;
  onExport(rows: readonly WhoCanRow[], permissionTitle: string): void;
}

const FIRST_PERMISSION = PERMISSIONS.find((permission) => permission.id === 'manage-api-keys')?.id ?? PERMISSIONS[0]?.id ?? '';

export function WhoCanPanel(props: WhoCanPanelProps) {
  const [permission, setPermission] = useState(FIRST_PERMISSION);
  const [projectId, setProjectId] = useState<string>('');
  const answer = useMemo(() => whoCan(props.report, props.snapshot, permission, projectId || null), [props.report, props.snapshot, permission, projectId]);
  const title = PERMISSIONS.find((entry) => entry.id === permission)?.title ?? permission;
  const people = useMemo(() => {
    const byMember = new Map<string, WhoCanRow[]>();
    for (const row of answer.rows) byMember.set(row.member.id, [...(byMember.get(row.member.id) ?? []), row]);
    return [...byMember.values()];
  }, [answer]);

  return (
    <section class="al-who" aria-label={t('whoCanHeading')}>
      <div class="al-sum__row">
        <label class="al-who__field" for="al-who-permission">
          {t('whoCanPermission')}
        </label>
        <select id="al-who-permission" value={permission} onChange={(event) => setPermission((event.currentTarget as HTMLSelectElement).value)}>
            {PERMISSIONS.map((entry) => (
              <option key={entry.id} value={entry.id}>
                {entry.title}
              </option>
            ))}
        </select>
        <label class="al-who__field" for="al-who-project">
          {t('whoCanProject')}
        </label>
        <select id="al-who-project" value={projectId} onChange={(event) => setProjectId((event.currentTarget as HTMLSelectElement).value)}>
            <option value="">{t('whoCanAnyProject')}</option>
            {props.report.projects.map((project) => (
              <option key={project.id} value={project.id}>
                {isolatedText(project.name)}
              </option>
            ))}
        </select>
        <button type="button" class="al-sum__button" disabled={answer.rows.length === 0} onClick={() => props.onExport(answer.rows, title)}>
          {t('whoCanExport')}
        </button>
      </div>
      <p class="al-who__result">{people.length > 0 ? t('whoCanResult', { count: people.length, permission: title }) : t('whoCanNobody', { permission: title })}</p>
      {people.length > 0 ? (
        <ul class="al-who__list" aria-label={t('whoCanListLabel', { permission: title })}>
          {people.map((rows) => {
            const member = rows[0]!.member;
            return (
              <li key={member.id}>
                <bdi class="al-who__name">{isolatedText(member.name || member.email)}</bdi> <bdi class="al-who__email">{isolatedText(member.email)}</bdi>
                <ul>
                  {rows.map((row) => (
                    <li key={row.project.id}>{t('whoCanOn', { project: isolatedText(row.project.name), sources: row.sources.map(props.sourceLabel).join('; ') })}</li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      ) : null}
      {answer.unknown.length > 0 ? (
        <p class="al-sum__note">{t('whoCanUnknown', { people: answer.unknown.map((member) => isolatedText(member.name || member.email)).join(', ') })}</p>
      ) : null}
    </section>
  );
}
