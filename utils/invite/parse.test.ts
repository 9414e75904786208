// @vitest-environment node
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

describe('parseInviteCsv: a quote never swallows the people after it', () => {
  const people = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `p${from + i}@example.com,Data`);

  it('refuses a file whose quote opens mid-file and never closes, naming the lines', () => {
    const text = ['email,team', ...people(1, 2), 'p3@example.com,"Data', ...people(4, 7)].join('\n') + '\n';
    const parsed = parseInviteCsv(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.errors).toEqual([
      {
        line: 4,
        message:
          'Lines 4–8 were read as one row: a double quote on line 4 opens a value that does not close on that line, so the 4 lines after it (lines 5–8) are not read as rows of their own. Nothing is imported: close the quote (a quote inside a value is written twice: "") or remove it, and import again.',
      },
    ]);
    // The rows before it are as they were, and the swallowing row says so too.
    expect(parsed.rows.map((row) => row.values.email)).toEqual(['p1@example.com', 'p2@example.com', 'p3@example.com']);
    expect(parsed.rows[2]!.errors.map((error) => error.message).join(' ')).toContain('Lines 4–8 were read as one row');
  });

  it('says "line" for one swallowed line', () => {
    const parsed = parseInviteCsv('email,team\np1@example.com,"Data\np2@example.com,Data\n');
    expect(parsed.errors[0]!.message).toContain('Lines 2–3 were read as one row: a double quote on line 2 opens a value that does not close on that line, so 1 line after it (line 3) is not read as a row of its own.');
  });

  it('refuses a file where a later quote closes the one left open, in the middle of the file', () => {
    const text = 'email,team\np1@example.com,"Sales\np2@example.com,"Data"\np3@example.com,Data\n';
    const parsed = parseInviteCsv(text);
    expect(parsed.ok).toBe(false);
    expect(parsed.errors.map((error) => error.line)).toEqual([2]);
    expect(parsed.errors[0]!.message).toContain('Lines 2–3 were read as one row');
    expect(parsed.rows.at(-1)!.values.email).toBe('p3@example.com');
  });

  it('refuses a value of one of our columns that runs over lines even with its quotes closed', () => {
    const parsed = parseInviteCsv('email,team\np1@example.com,"Sales\np2@example.com,Data"\n');
    expect(parsed.ok).toBe(false);
    expect(parsed.errors[0]!.message).toContain('Lines 2–3 were read as one row');
  });

  it('refuses an ignored column whose later lines hold an email address', () => {
    const parsed = parseInviteCsv('email,notes\np1@example.com,"met at the fair\np2@example.com,ask about Q3"\n');
    expect(parsed.ok).toBe(false);
  });

  it('keeps a multi-line note in an ignored column, and a quote left open on the last line stays a row error', () => {
    const notes = parseInviteCsv('email,team,notes\np1@example.com,Data,"first line\nsecond line"\np2@example.com,Data,x\n');
    expect(notes.ok).toBe(true);
    expect(notes.rows.map((row) => [row.row, row.line, row.errors.length])).toEqual([
      [1, 2, 0],
      [2, 4, 0],
    ]);
    const last = parseInviteCsv('email,team\np1@example.com,Data\np2@example.com,"Data\n\n\n');
    expect(last.ok).toBe(true);
    expect(last.rows[1]!.errors.map((error) => error.message)).toEqual(['A double quote opens a value but never closes it: close it, or double it ("") inside the value.']);
  });
});

describe('parseInviteCsv: cells coming back from our own downloads', () => {
  it("takes off the formula protection (a leading ' before = + - @) from the values, not from the cells", () => {
    const parsed = parseInviteCsv("email,team,groups\n'-dash@example.com,'+Growth,'=Ops\n'''=x@example.com,Data,'plain\n");
    expect(parsed.rows.map((row) => row.values)).toEqual([
      { email: '-dash@example.com', team: '+Growth', groups: '=Ops' },
      { email: "''=x@example.com", team: 'Data', groups: "'plain" },
    ]);
    expect(parsed.rows[0]!.cells).toEqual(["'-dash@example.com", "'+Growth", "'=Ops"]);
  });
});

describe('parseInviteCsv: a quote left open in the header', () => {
  it('refuses the file naming the lines it swallows', () => {
    const parsed = parseInviteCsv('\n"email,team\np1@example.com,Data\np2@example.com,Data\n');
    expect(parsed.ok).toBe(false);
    expect(parsed.errors).toContainEqual({ line: 2, message: expect.stringContaining('Header line: Lines 2–4 were read as one row: a double quote on line 2') });
  });
});
