import { columnOfHeader, detectDelimiter, headerKey, parseInviteCsv } from './parse';

describe('parseInviteCsv: happy paths', () => {
  it('reads a semicolon CSV with a BOM and CRLF line ends', () => {
    const parsed = parseInviteCsv('\uFEFFEmail;Team;Groups\r\nann@example.com;Engineering;"Product Analysts;Engineering Leads"\r\nbob@example.com;Product;\r\n');
    expect(parsed.ok).toBe(true);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Email', 'Team', 'Groups']);
    expect(parsed.columns).toEqual(['email', 'team', 'groups']);
    expect(parsed.rows.map((row) => row.values)).toEqual([
      { email: 'ann@example.com', team: 'Engineering', groups: 'Product Analysts;Engineering Leads' },
      { email: 'bob@example.com', team: 'Product', groups: '' },
    ]);
    expect(parsed.rows.map((row) => [row.row, row.line])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });

  it('reads a tab-separated paste from a spreadsheet, trailing empty cells and blank lines included', () => {
    const paste = 'email\tteam\tgroups\tprojects\nann@example.com\tEngineering\tEngineering Leads\tiOS App:Viewer;Android App:Member\n\t\t\t\nbob@example.com\t\t\t\n';
    const parsed = parseInviteCsv(paste);
    expect(parsed.delimiter).toBe('\t');
    expect(parsed.rows).toHaveLength(2);
    expect(parsed.rows[0]!.values.projects).toBe('iOS App:Viewer;Android App:Member');
    expect(parsed.rows[1]!.values).toEqual({ email: 'bob@example.com', team: '', groups: '', projects: '' });
    // The blank line is skipped but still counted as a line.
    expect(parsed.rows[1]).toMatchObject({ row: 2, line: 4 });
  });

  it('keeps commas and line breaks inside quoted fields, and numbers lines as an editor would', () => {
    const text = 'email,groups,note\r\nann@example.com,"A, B","line one\r\nline two"\r\nbob@example.com,C,x\r\n';
    const parsed = parseInviteCsv(text);
    expect(parsed.rows.map((row) => row.cells)).toEqual([
      ['ann@example.com', 'A, B', 'line one\r\nline two'],
      ['bob@example.com', 'C', 'x'],
    ]);
    expect(parsed.rows.map((row) => ({ row: row.row, line: row.line }))).toEqual([
      { row: 1, line: 2 },
      { row: 2, line: 4 },
    ]);
  });

  it('keeps the original, untrimmed cells for the results download and trims the values', () => {
    const parsed = parseInviteCsv('email, team \n  ann@example.com ,  Data \n');
    expect(parsed.rows[0]!.cells).toEqual(['  ann@example.com ', '  Data ']);
    expect(parsed.rows[0]!.values).toEqual({ email: 'ann@example.com', team: 'Data' });
  });

  it('maps header aliases in any case and spacing', () => {
    const parsed = parseInviteCsv('E-Mail Address,TEAM, Group ,Project Access,Org Role,Default Project,Spaces\nann@example.com,a,b,c,d,e,f\n');
    expect(parsed.columns).toEqual(['email', 'team', 'groups', 'projects', 'role', 'default_project', 'team_spaces']);
    expect(parsed.warnings).toEqual([]);
  });

  it.each([
    ['email', 'email'],
    ['e-mail', 'email'],
    ['Email Address', 'email'],
    ['MAIL', 'email'],
    ['groups', 'groups'],
    ['default_project', 'default_project'],
    ['DefaultProject', 'default_project'],
    ['team_spaces', 'team_spaces'],
    ['Team Spaces', 'team_spaces'],
    ['role', 'role'],
    ['nickname', null],
  ])('header %j means %j', (header, column) => {
    expect(columnOfHeader(header)).toBe(column);
  });

  it('reports unknown columns as a warning and still imports', () => {
    const parsed = parseInviteCsv('email,Nickname,teem\nann@example.com,Annie,x\n');
    expect(parsed.ok).toBe(true);
    expect(parsed.warnings).toHaveLength(1);
    expect(parsed.warnings[0]!.message).toContain('Ignored columns "Nickname", "teem"');
  });

  it('reads a single email column as comma-separated', () => {
    const parsed = parseInviteCsv('email\nann@example.com\nbob@example.com');
    expect(parsed.delimiter).toBe(',');
    expect(parsed.rows.map((row) => row.values.email)).toEqual(['ann@example.com', 'bob@example.com']);
  });

  it('detects the delimiter from the header line, ignoring quoted text', () => {
    expect(detectDelimiter('"a,b";c;d\n1,2,3')).toBe(';');
    expect(detectDelimiter('\n\nemail\tteam\n')).toBe('\t');
    expect(detectDelimiter('email,team')).toBe(',');
    expect(headerKey('\uFEFF E-Mail ')).toBe('email');
  });
});
