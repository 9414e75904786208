/** The access review's permission-level form (issue 16): rows per permission with sources, formula-safe, nothing claimed unread. */
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import { permissionReviewCsv, UNREADABLE_PERMISSIONS } from './permission-export';
import { demoSnapshot } from '../invite/test-fixture';

const linesOf = (csv: string) => csv.trimEnd().split('\r\n');

describe('permission-level access review', () => {
  it('lists each permission a person holds on a project with the sources that give it', () => {
    const snapshot = demoSnapshot();
    const lines = linesOf(permissionReviewCsv(computeAccessReport(snapshot), snapshot));
    expect(lines[0]).toBe('email,name,project,product area,permission,sources');
    expect(lines).toContain('zara.ahmed@lumenfield.example,Zara Ahmed,Web App (Production),audiences,Manage predictions,Group Insights Guild: Marketing');
    expect(lines).toContain('zara.ahmed@lumenfield.example,Zara Ahmed,Web App (Production),charts-metrics,Manage annotations,"Direct: Analyst; Group Insights Guild: Marketing"');
  });

  it('neutralises formulas in page data and says where permissions could not be read', () => {
    const snapshot = demoSnapshot();
    const withFormula = {
      ...snapshot,
      members: snapshot.members.map((member) => (member.id === 'u-21' ? { ...member, name: '=HYPERLINK("http://x")' } : member)),
      roleDefinitions: { read: false, reason: 'RoleDefinitions: Cannot query field', roles: [] },
    };
    const lines = linesOf(permissionReviewCsv(computeAccessReport(withFormula), withFormula));
    const zara = lines.filter((line) => line.startsWith('zara.ahmed@'));
    expect(zara.every((line) => line.includes(`"'=HYPERLINK(""http://x"")"`))).toBe(true);
    expect(zara.find((line) => line.includes('Web App (Production)'))).toContain(UNREADABLE_PERMISSIONS);
    expect(zara.some((line) => line.includes('Manage predictions'))).toBe(false);
  });
});

describe('the role-level access review with custom roles', () => {
  it('says the roles held, never their ranked stand-in, and that permissions are unreadable when they are', async () => {
    const { accessReviewRows } = await import('./export');
    const { createPermissionModel } = await import('./permission-union');
    const snapshot = demoSnapshot();
    const zaraOnWebApp = (rows: ReturnType<typeof accessReviewRows>) => rows.find((row) => row.name === 'Zara Ahmed' && row.project === 'Web App (Production)')!;
    const describe = () => ({ explanation: '', fix: '' });
    // Analyst (direct) and Marketing (group): neither covers the other, so both are named.
    const read = zaraOnWebApp(accessReviewRows(computeAccessReport(snapshot), describe, undefined, createPermissionModel(snapshot)));
    expect(read.effectiveRole).toBe('Analyst + Marketing');
    // Without the definitions: every role held (Member comes from Product Analysts), no claim about what they allow.
    const unread = { ...snapshot, roleDefinitions: { read: false, reason: 'RoleDefinitions: Cannot query field', roles: [] } };
    const unreadRow = zaraOnWebApp(accessReviewRows(computeAccessReport(unread), describe, undefined, createPermissionModel(unread)));
    expect(unreadRow.effectiveRole).toBe('Analyst, Member, Marketing (permissions not readable)');
    // No model at all (an older caller): still never the stand-in "Member".
    expect(zaraOnWebApp(accessReviewRows(computeAccessReport(snapshot), describe)).effectiveRole).toBe('Analyst, Member, Marketing (permissions not readable)');
  });
});
