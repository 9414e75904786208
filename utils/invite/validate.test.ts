// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editDistance, closestName } from './fuzzy';
import { parseInviteCsv } from './parse';
import { templateCsv } from './template';
import { classicSnapshot, demoSnapshot } from './test-fixture';
import { describeRowError, validateInvites } from './validate';
import type { OrgSnapshot } from '../access/model';
import type { InviteColumn } from './parse';

const HEADER = 'email,team,groups,projects,role,default_project,team_spaces';
const run = (text: string, snapshot: OrgSnapshot = demoSnapshot(), maxRows?: number) => validateInvites(parseInviteCsv(text), snapshot, maxRows ? { maxRows } : {});
/** One data row under the full header. */
const one = (cells: string) => `${HEADER}\n${cells}\n`;

interface RowCase {
  name: string;
  text: string;
  snapshot?: OrgSnapshot;
  row: number;
  column: InviteColumn | null;
  message: string;
}

interface FileCase {
  name: string;
  text: string;
  snapshot?: OrgSnapshot;
  message: string;
}

// u-10 Ethan Brooks: non-Admin, Manager of p-1 and p-2. u-8 Lucas Moreau: no project access.
const ethan = () => demoSnapshot({ viewerId: 'u-10' });

const FILE_CASES: FileCase[] = [
  { name: 'empty text', text: '', message: 'Nothing to import: paste CSV text' },
  { name: 'only blank lines and spaces', text: '  \r\n\r\n\t\n', message: 'Nothing to import: paste CSV text' },
  { name: 'header without rows', text: 'email,team\r\n\r\n', message: 'there is a header line but no rows under it' },
  { name: 'no email column', text: 'name,team\nAnn,Data\n', message: 'No "email" column: the header must have one' },
  { name: 'first line is data', text: 'ann@example.com,Data\nbob@example.com,Data\n', message: 'The first line looks like data, not a header' },
  { name: 'two columns meaning email', text: 'email,E-mail\nann@example.com,x\n', message: 'Columns "email" and "E-mail" both mean "email"' },
  { name: 'more rows than the limit', text: `email\n${Array.from({ length: 2001 }, (_, i) => `p${i}@example.com`).join('\n')}`, message: 'Too many rows: 2,001; one import takes at most 2,000' },
  { name: 'a non-manager cannot invite', text: one('new@example.com,,,,,,'), snapshot: demoSnapshot({ viewerId: 'u-8' }), message: 'not an Admin and not a Manager of any project' },
];

const ROW_CASES: RowCase[] = [
  { name: 'unclosed quote', text: 'email,team\nann@example.com,"Data\n', row: 1, column: null, message: 'A double quote opens a value but never closes it' },
  { name: 'text after a closing quote', text: 'email,team\n"ann@example.com"x,Data\n', row: 1, column: null, message: 'write a quote inside a value as two quotes' },
  { name: 'more cells than the header', text: 'email,team\nann@example.com,Data,Extra\n', row: 1, column: null, message: 'This row has 3 cells but the header has 2' },
  { name: 'empty email', text: one(',Data,,,,,'), row: 1, column: 'email', message: 'Email is empty' },
  { name: 'email without domain', text: one('maya@,Data,,,,,'), row: 1, column: 'email', message: '"maya@" is not a valid email address' },
  { name: 'email without @', text: one('maya.example.com,,,,,,'), row: 1, column: 'email', message: 'is not a valid email address' },
  { name: 'email with a space', text: one('ann smith@example.com,,,,,,'), row: 1, column: 'email', message: '"ann smith@example.com" is not a valid email address' },
  { name: 'two emails in one cell', text: one('"ann@example.com; bob@example.com",,,,,,'), row: 1, column: 'email', message: 'holds several addresses: put one email per row' },
  { name: 'duplicate, other case', text: `${HEADER}\nann@example.com,,,,,,\nbob@example.com,,,,,,\nANN@Example.com,,,,,,\n`, row: 3, column: 'email', message: 'Duplicate of row 1' },
  { name: 'team typo', text: one('new@example.com,Engneering,,,,,'), row: 1, column: 'team', message: '"Engneering" is not a team. Did you mean "Engineering"?' },
  { name: 'team unknown, nothing close', text: one('new@example.com,Legal,,,,,'), row: 1, column: 'team', message: '"Legal" is not a team. Use one of: "Engineering", "Product"' },
  { name: 'group typo', text: one('new@example.com,,Enginering Leads,,,,'), row: 1, column: 'groups', message: 'Did you mean "Engineering Leads"?' },
  { name: 'second group unknown', text: one('new@example.com,,"Product Analysts;Sales Viewerz",,,,'), row: 1, column: 'groups', message: '"Sales Viewerz" is not a group. Did you mean "Sales Viewers"?' },
  { name: 'project typo', text: one('new@example.com,,,iOS Ap:Viewer,,,'), row: 1, column: 'projects', message: '"iOS Ap" is not a project. Did you mean "iOS App"?' },
  { name: 'project transposed letters', text: one('new@example.com,,,Adnroid App:Viewer,,,'), row: 1, column: 'projects', message: 'Did you mean "Android App"?' },
  { name: 'project pair without role', text: one('new@example.com,,,iOS App,,,'), row: 1, column: 'projects', message: '"iOS App" has no role: write "Project name:Role"' },
  { name: 'project pair with empty role', text: one('new@example.com,,,iOS App:,,,'), row: 1, column: 'projects', message: '"iOS App" has no role after ":"' },
  { name: 'project pair with unknown role', text: one('new@example.com,,,iOS App:Owner,,,'), row: 1, column: 'projects', message: '"Owner" is not a project role' },
  { name: 'Admin as a project role', text: one('new@example.com,,,iOS App:Admin,,,'), row: 1, column: 'projects', message: 'Admin is not a project role' },
  { name: 'project pair without name', text: one('new@example.com,,,:Viewer,,,'), row: 1, column: 'projects', message: '":Viewer" has no project name' },
  { name: 'project listed twice', text: one('new@example.com,,,iOS App:Viewer;ios app:Member,,,'), row: 1, column: 'projects', message: '"iOS App" is listed twice' },
  { name: 'role column in a project-level org', text: one('new@example.com,,,,Viewer,,'), row: 1, column: 'role', message: 'This org uses project-level permissions' },
  { name: 'unknown role', text: one('new@example.com,,,,Boss,,'), row: 1, column: 'role', message: '"Boss" is not a role' },
  { name: 'Admin with projects', text: one('new@example.com,,,iOS App:Viewer,Admin,,'), row: 1, column: 'projects', message: 'An Admin has every project already' },
  { name: 'projects in an org-level org', text: one('new@example.com,,,iOS App:Viewer,Member,,'), snapshot: classicSnapshot(), row: 1, column: 'projects', message: 'This org has no project-level permissions' },
  { name: 'unknown role, org-level org', text: one('new@example.com,,,,Superuser,,'), snapshot: classicSnapshot(), row: 1, column: 'role', message: 'Use Viewer, Member, Manager or Admin' },
  {
    name: 'project role below a chosen group',
    text: one('new@example.com,,Engineering Leads,Web App (Production):Viewer,,,'),
    row: 1,
    column: 'projects',
    message: '"Web App (Production)": Viewer is below Manager, which the group "Engineering Leads" gives',
  },
  { name: 'default project not granted', text: one('new@example.com,,,iOS App:Viewer,,Sales Analytics,'), row: 1, column: 'default_project', message: '"Sales Analytics" is not among the projects this row gives access to ("iOS App")' },
  { name: 'default project with no access at all', text: one('new@example.com,,,,,iOS App,'), row: 1, column: 'default_project', message: 'gives access to (none)' },
  { name: 'default project only No Access through a group', text: one('new@example.com,,Data Platform,,,Web App (Staging),'), row: 1, column: 'default_project', message: '"Web App (Staging)" is not among the projects' },
  { name: 'default project typo', text: one('new@example.com,,,iOS App:Viewer,,iOS Appp,'), row: 1, column: 'default_project', message: 'Did you mean "iOS App"?' },
  { name: 'team space typo', text: one('new@example.com,,,,,,Campains'), row: 1, column: 'team_spaces', message: '"Campains" is not a team space. Did you mean "Campaigns"?' },
  { name: 'second team space unknown', text: one('new@example.com,,,,,,"Revenue;Data Teem"'), row: 1, column: 'team_spaces', message: 'Did you mean "Data Team"?' },
  { name: 'non-Admin invites an Admin', text: one('new@example.com,,,,Admin,,'), snapshot: ethan(), row: 1, column: 'role', message: 'Only an Admin can invite an Admin' },
  { name: 'project Manager grants outside their projects', text: one('new@example.com,,,iOS App:Viewer,,,'), snapshot: ethan(), row: 1, column: 'projects', message: 'You are not a Manager of "iOS App"' },
  { name: 'project Manager adds a group reaching other projects', text: one('new@example.com,,Engineering Leads,,,,'), snapshot: ethan(), row: 1, column: 'groups', message: 'The group "Engineering Leads" gives access to "iOS App", "Android App", where you are not a Manager' },
  { name: 'non-manager cannot invite (row)', text: one('new@example.com,,,,,,'), snapshot: demoSnapshot({ viewerId: 'u-8' }), row: 1, column: null, message: 'only Admins and Managers can invite people' },
  { name: 'org-level Member cannot invite', text: one('new@example.com,,,,Viewer,,'), snapshot: classicSnapshot('member'), row: 1, column: null, message: 'You (Daniel Reyes) are a Member: only Admins and Managers can invite' },
  { name: 'org-level Manager invites an Admin', text: one('new@example.com,,,,Admin,,'), snapshot: classicSnapshot('manager'), row: 1, column: 'role', message: 'Only an Admin can invite an Admin' },
  { name: 'team typo on a later row', text: `${HEADER}\nnew1@example.com,,,,,,\nnew2@example.com,Dta,,,,,\n`, row: 2, column: 'team', message: 'Did you mean "Data"?' },
];

describe('validateInvites: malformed inputs', () => {
  it('has a corpus of at least 30 malformed inputs', () => {
    expect(FILE_CASES.length + ROW_CASES.length).toBeGreaterThanOrEqual(30);
  });

  it.each(FILE_CASES)('file: $name', ({ text, snapshot, message }) => {
    const result = run(text, snapshot);
    expect(result.ok).toBe(false);
    expect(result.fileErrors.map((error) => error.message).join('\n')).toContain(message);
    expect(result.counts.ready).toBe(0);
  });

  it.each(ROW_CASES)('row: $name', ({ text, snapshot, row, column, message }) => {
    const result = run(text, snapshot);
    const target = result.rows.find((r) => r.row === row);
    expect(target?.status).toBe('invalid');
    expect(target?.settings).toBeNull();
    const error = target?.errors.find((e) => e.column === column && e.message.includes(message));
    expect(error, JSON.stringify(target?.errors)).toBeDefined();
  });
});

describe('validateInvites: happy paths', () => {
  it('accepts every row of docs/invite-example.csv against the demo org', () => {
    const text = readFileSync(join(process.cwd(), 'docs/invite-example.csv'), 'utf8');
    const result = run(text);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.filter((row) => row.status !== 'ready').map((row) => [row.row, row.errors])).toEqual([]);
    expect(result.counts).toEqual({ ready: 8, skip: 0, invalid: 0 });
  });

  it('accepts the template for the demo org', () => {
    const result = run(templateCsv(demoSnapshot()));
    expect(result.counts).toEqual({ ready: 2, skip: 0, invalid: 0 });
  });

  it('accepts the template for an org without teams, groups or spaces', () => {
    const bare = { ...demoSnapshot(), teams: [], groups: [], teamSpaces: [] };
    const result = run(templateCsv(bare), bare);
    expect(result.rows.map((row) => [row.row, row.errors])).toEqual([
      [1, []],
      [2, []],
    ]);
  });

  it('resolves names to ids, whatever their case and spacing', () => {
    const result = run(one('New@Example.com, engineering ,"engineering leads ; Product  Analysts","Sales Analytics:member;web app (staging):MANAGER",,iOS App,"campaigns;Revenue"'));
    expect(result.rows[0]).toMatchObject({ status: 'ready', email: 'New@Example.com', errors: [] });
    expect(result.rows[0]!.settings).toEqual({
      teamId: 't-eng',
      groupIds: ['g-2', 'g-1'],
      projectRoles: [
        { projectId: 'p-8', role: 'member' },
        { projectId: 'p-2', role: 'manager' },
      ],
      orgRole: 'user',
      defaultProjectId: 'p-3',
      teamSpaceIds: ['s-marketing', 's-sales'],
    });
  });

  it('accepts "No Access" and a direct role equal to the group\'s', () => {
    const result = run(one('new@example.com,Engineering,Engineering Leads,"Web App (Production):Manager;Sales Analytics:No Access",,Web App (Staging),'));
    expect(result.rows[0]!.status).toBe('ready');
    expect(result.rows[0]!.settings!.projectRoles).toEqual([
      { projectId: 'p-1', role: 'manager' },
      { projectId: 'p-8', role: 'no_access' },
    ]);
  });

  it('skips members and pending invites with a reason, not an error', () => {
    const result = run(`${HEADER}\nMaya.Okafor@lumenfield.example,,,,,,\nryan.patel@lumenfield.example,,,,,,\nnew@example.com,Data,Sales Viewers,,,,\n`);
    expect(result.rows.map((row) => row.status)).toEqual(['skip', 'skip', 'ready']);
    expect(result.rows[0]!.reason).toContain('Already a member (Maya Okafor)');
    expect(result.rows[1]!.reason).toContain('Already invited (pending since 2');
    expect(result.rows[0]!.errors).toEqual([]);
    expect(result.counts).toEqual({ ready: 1, skip: 1 + 1, invalid: 0 });
  });

  it('marks the later duplicates, not the first row', () => {
    const result = run(`${HEADER}\na@example.com,Data,Sales Viewers,,,,\nA@EXAMPLE.COM,Data,Sales Viewers,,,,\nb@example.com,Data,Sales Viewers,,,,\na@example.com,Data,Sales Viewers,,,,\n`);
    expect(result.rows.map((row) => row.status)).toEqual(['ready', 'invalid', 'ready', 'invalid']);
    expect(result.rows[3]!.errors[0]!.message).toContain('Duplicate of row 1');
  });

  it('refuses a row that gives no project access at all in a project-level org', () => {
    const result = run(one('new@example.com,Data,,,,,'));
    expect(result.rows[0]!.status).toBe('invalid');
    expect(result.rows[0]!.settings).toBeNull();
    expect(result.rows[0]!.errors).toEqual([{ column: 'projects', message: expect.stringContaining('No project access and no group that gives any') }]);
    expect(result.counts).toEqual({ ready: 0, skip: 0, invalid: 1 });
  });

  it('accepts a row whose only access comes from a group, or a project alone', () => {
    const result = run(`${HEADER}\na@example.com,Data,Sales Viewers,,,,\nb@example.com,Data,,iOS App:Viewer,,,\n`);
    expect(result.rows.map((row) => [row.status, row.warnings, row.errors])).toEqual([
      ['ready', [], []],
      ['ready', [], []],
    ]);
  });

  it('refuses a row whose groups give only "No Access"', () => {
    const snapshot = demoSnapshot();
    const noAccess = { ...snapshot, groups: [...snapshot.groups, { ...snapshot.groups[0]!, id: 'g-none', name: 'Nobody', projectRoles: [{ projectId: 'p-1', role: 'no_access' as const }] }] };
    const result = run(one('new@example.com,Data,Nobody,,,,'), noAccess);
    expect(result.rows[0]!.status).toBe('invalid');
    expect(result.rows[0]!.errors.map((error) => error.column)).toEqual(['projects']);
  });

  it('asks for a team on every row when the org has teams, naming some', () => {
    const result = run(`${HEADER}\na@example.com,,Sales Viewers,,,,\nb@example.com,Sales,Sales Viewers,,,,\n`);
    expect(result.rows.map((row) => row.status)).toEqual(['invalid', 'ready']);
    expect(result.rows[0]!.settings).toBeNull();
    expect(result.rows[0]!.errors).toEqual([
      { column: 'team', message: 'This org asks for a team for every person: add one ("Engineering", "Product", "Marketing", "Data", "Sales").' },
    ]);
  });

  it('names only the first five teams when the org has more', () => {
    const snapshot = demoSnapshot();
    const more = { ...snapshot, teams: [...snapshot.teams, { id: 't-legal', name: 'Legal' }] };
    const message = run(one('a@example.com,,Sales Viewers,,,,'), more).rows[0]!.errors[0]!.message;
    expect(message).toContain('"Engineering"');
    expect(message).toContain(', …)');
    expect(message).not.toContain('Legal');
  });

  it('needs no team when the org has no teams', () => {
    const snapshot = { ...demoSnapshot(), teams: [] };
    const result = run(one('a@example.com,,Sales Viewers,,,,'), snapshot);
    expect(result.rows[0]!.status).toBe('ready');
    expect(result.rows[0]!.errors).toEqual([]);
    expect(result.rows[0]!.settings!.teamId).toBeNull();
  });

  it('needs a team in an org-level org with teams too', () => {
    const result = run(one('a@example.com,,,,Member,,'), classicSnapshot());
    expect(result.rows[0]!.errors.map((error) => error.column)).toEqual(['team']);
  });

  it('lets an Admin invite an Admin in a project-level org', () => {
    const result = run(one('new@example.com,Engineering,,,admin,,'));
    expect(result.rows[0]!.status).toBe('ready');
    expect(result.rows[0]!.settings!.orgRole).toBe('admin');
    // Sent, with a word on the way round if Amplitude's form has no place for it.
    expect(result.rows[0]!.warnings).toEqual([{ column: 'role', message: expect.stringContaining('make them Admin on the Members page afterwards') }]);
  });

  it('uses the role column in an org-level org, Viewer by default', () => {
    const result = run(`${HEADER}\na@example.com,Sales,,,Member,Sales Analytics,\nb@example.com,Data,,,,,\n`, classicSnapshot());
    expect(result.rows.map((row) => row.status)).toEqual(['ready', 'ready']);
    expect(result.rows.map((row) => row.settings?.orgRole)).toEqual(['member', 'viewer']);
    expect(result.rows[0]!.settings!.defaultProjectId).toBe('p-8');
  });

  it('lets an org-level Manager invite Managers', () => {
    const result = run(one('new@example.com,Engineering,,,Manager,,'), classicSnapshot('manager'));
    expect(result.rows[0]!.status).toBe('ready');
  });

  it('lets a project Manager grant on the projects they manage', () => {
    const result = run(one('new@example.com,Engineering,,Web App (Production):Manager;Web App (Staging):Viewer,,Web App (Staging),'), ethan());
    expect(result.rows[0]!.status).toBe('ready');
  });

  it("accepts the org's own names for roles (RBAC)", () => {
    const snapshot = { ...demoSnapshot(), customRoleNames: { viewer: 'Reader' } };
    const result = run(one('new@example.com,Engineering,,iOS App:reader,,,'), snapshot);
    expect(result.rows[0]!.status).toBe('ready');
    expect(result.rows[0]!.settings!.projectRoles).toEqual([{ projectId: 'p-3', role: 'viewer' }]);
  });

  it('reports every problem of a row, each with its column', () => {
    const result = run(one('new@example.com,Engneering,Nope,iOS App:Owner,,,Campains'));
    expect(result.rows[0]!.errors.map((error) => error.column)).toEqual(['team', 'groups', 'projects', 'team_spaces']);
  });

  it('accepts exactly the limit', () => {
    const text = `email,team,groups\n${Array.from({ length: 20 }, (_, i) => `p${i}@example.com,Data,Sales Viewers`).join('\n')}`;
    expect(run(text, demoSnapshot(), 20).counts.ready).toBe(20);
    expect(run(text, demoSnapshot(), 19).fileErrors[0]!.message).toContain('Too many rows: 20');
  });

  it('validates 2,000 rows, typos included', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `p${i}@example.com,${i % 10 ? 'Data' : 'Dta'},Sales Viewers,iOS App:Viewer,,Sales Analytics,Revenue`);
    const result = run(`${HEADER}\n${lines.join('\n')}`);
    expect(result.counts).toEqual({ ready: 1800, skip: 0, invalid: 200 });
  });

  it('describes an error with its row, line and column', () => {
    expect(describeRowError({ row: 3, line: 4 }, { column: 'team', message: 'x' })).toBe('Row 3, team: x');
    expect(describeRowError({ row: 3, line: 6 }, { column: null, message: 'y' })).toBe('Row 3 (line 6): y');
  });
});

describe('fuzzy names', () => {
  it('counts a transposition as one edit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests within max(2, 30% of the length) only', () => {
    expect(closestName('Sals', ['Sales', 'Data'])).toBe('Sales');
    expect(closestName('xyz', ['Sales', 'Data'])).toBeNull();
    // 14 characters: up to 4 edits.
    expect(closestName('Marketng Tem X', ['Marketing Team'])).toBe('Marketing Team');
    expect(closestName('Mrktng Tm', ['Marketing Team'])).toBeNull();
  });
});
