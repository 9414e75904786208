/**
 * The template offered for download: the header with every column and example rows. Given the
 * org's snapshot, the examples use the org's own team, group, project and space names, so the
 * template validates as it is (after replacing the example emails). Pure.
 */
import type { OrgSnapshot } from '../access/model';
import { toCsv } from '../csv';
import { INVITE_COLUMNS } from './parse';

type Names = Pick<OrgSnapshot, 'teams' | 'groups' | 'projects' | 'teamSpaces'> & { org: Pick<OrgSnapshot['org'], 'projectLevelPermissions'> };

/** Header plus two example rows (CRLF, no BOM). */
export function templateCsv(snapshot?: Names): string {
  // Given the org, its own names (none when it has none); without it, the demo's.
  const team = snapshot ? (snapshot.teams[0]?.name ?? '') : 'Engineering';
  const group = snapshot ? (snapshot.groups[0]?.name ?? '') : 'Product Analysts';
  const project1 = snapshot?.projects[0]?.name ?? 'Web App';
  const project2 = snapshot?.projects[1]?.name ?? project1;
  const space = snapshot ? (snapshot.teamSpaces[0]?.name ?? '') : 'Engineering Space';
  const projectLevel = snapshot?.org.projectLevelPermissions ?? true;
  const rows: string[][] = [[...INVITE_COLUMNS]];
  if (projectLevel) {
    rows.push(['new.person@example.com', team, '', `${project1}:Member;${project2}:Viewer`, '', project1, space]);
    // A row with no group still needs a project: the console asks for some access.
    rows.push(['another.person@example.com', team, group, group ? '' : `${project1}:Viewer`, '', '', '']);
  } else {
    rows.push(['new.person@example.com', team, '', '', 'Member', project1, space]);
    rows.push(['another.person@example.com', team, group, '', 'Viewer', '', '']);
  }
  return toCsv(rows);
}
