// @vitest-environment node
import fc from 'fast-check';
import { csvField, formulaSafe, formulaUnprotect, toCsv } from '../csv';
import { createJob, failBatch, markBatchSent, startBatch, verifyBatch } from './job';
import { parseInviteCsv } from './parse';
import { planBatches } from './plan';
import { resultsCsv, resultsFileName, resultStatus, validationCsv } from './results-csv';
import { templateCsv } from './template';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

const NOW = '2025-11-03T10:00:00.000Z';

function setup(text: string) {
  const parsed = parseInviteCsv(text);
  const validated = validateInvites(parsed, demoSnapshot());
  const plan = planBatches(validated.rows, { batchSize: 1 });
  return { parsed, validated, job: createJob({ id: 'j', now: NOW, headers: parsed.headers, rows: validated.rows, plan }) };
}

describe('formula-safe CSV cells', () => {
  it.each(['=1+1', '+49 30 1234', '-5', '@SUM(A1)', '\tx', '\rx'])('prefixes %j with a quote', (value) => {
    expect(formulaSafe(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text alone and quotes what needs quoting', () => {
    expect(formulaSafe('ann@example.com')).toBe('ann@example.com');
    expect(csvField('A, B')).toBe('"A, B"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });
});

describe('formula protection undone on the way back', () => {
  it('formulaUnprotect is the exact inverse of formulaSafe, for any text (property)', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom("'=x", "''-y", "'", "''", '=', "'plain", "'\tx").chain((prefix) => fc.string().map((rest) => prefix + rest)));
    fc.assert(fc.property(text, (value) => formulaUnprotect(formulaSafe(value)) === value));
  });

  it("gives one more ' to a cell that already reads as protected, and leaves other quotes alone", () => {
    expect(formulaSafe("'=x")).toBe("''=x");
    expect(formulaSafe("O'Brien")).toBe("O'Brien");
    expect(formulaUnprotect("'O'Brien")).toBe("'O'Brien");
    expect(formulaUnprotect("'-dash@example.com")).toBe('-dash@example.com');
  });

  it('an errors download of valid addresses starting with - + = comes back valid, fixed rows ready', () => {
    const text = 'email,team,groups\n-dash@example.com,Data,Sales Viewers\n+ops@example.com,Dta,Sales Viewers\n=sales@example.com,Data,Sales Viewerz\n';
    const first = setup(text);
    // -dash is ready; +ops and =sales have a typo each.
    expect(first.validated.rows.map((row) => row.status)).toEqual(['ready', 'invalid', 'invalid']);
    const download = validationCsv(first.parsed.headers, first.validated.rows, { bom: true, onlyProblems: true });
    expect(download).toContain("'+ops@example.com");
    // The admin fixes the typos in the download and imports it again.
    const fixed = download.replace(',Dta,', ',Data,').replace('Sales Viewerz', 'Sales Viewers');
    const again = setup(fixed).validated;
    expect(again.rows.map((row) => [row.email, row.status])).toEqual([
      ['+ops@example.com', 'ready'],
      ['=sales@example.com', 'ready'],
    ]);
    expect(again.warnings.map((warning) => warning.message).join(' ')).toContain('"status", "error"');
  });
});

describe('resultsCsv', () => {
  const text =
    'Email;Team;Groups;Nickname\r\nn1@example.com;Data;Sales Viewers;"=cmd|\' /C calc\'!A0"\r\nmaya.okafor@lumenfield.example;Data;;Maya\r\nn2@example.com;Dta;Sales Viewers;"Line\nbreak, comma"\r\nn3@example.com;Sales;Sales Viewers;x\r\n';

  it('has the original columns plus status and error, every row in file order', () => {
    const { job } = setup(text);
    let run = verifyBatch(markBatchSent(startBatch(job, 'b1', NOW), 'b1', NOW), 'b1', ['n1@example.com'], NOW);
    run = failBatch(run, 'b2', 'Server error 500', NOW);
    const csv = resultsCsv(run);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const back = parseInviteCsv(csv);
    expect(back.headers).toEqual(['Email', 'Team', 'Groups', 'Nickname', 'status', 'error']);
    expect(back.rows.map((row) => row.cells)).toEqual([
      ['n1@example.com', 'Data', 'Sales Viewers', "'=cmd|' /C calc'!A0", 'invited', ''],
      ['maya.okafor@lumenfield.example', 'Data', '', 'Maya', 'skipped', expect.stringContaining('Already a member')],
      ['n2@example.com', 'Dta', 'Sales Viewers', 'Line\nbreak, comma', 'invalid', expect.stringContaining('team: "Dta" is not a team. Did you mean "Data"?')],
      ['n3@example.com', 'Sales', 'Sales Viewers', 'x', 'failed', 'Server error 500'],
    ]);
  });

  it('says "not sent" for queued rows and "not confirmed" for rows in flight', () => {
    expect(resultStatus({ kind: 'queued' })).toBe('not sent');
    expect(resultStatus({ kind: 'sent', batchId: 'b1' })).toBe('not confirmed');
    expect(resultsCsv(setup(text).job, { bom: false }).split('\r\n')[1]).toBe("n1@example.com,Data,Sales Viewers,'=cmd|' /C calc'!A0,not sent,");
  });

  it('renames its extra columns when the file already has "status" or "error"', () => {
    const { job } = setup('email,status,error\nn1@example.com,a,b\n');
    expect(resultsCsv(job, { bom: false }).split('\r\n')[0]).toBe('email,status,error,status_2,error_2');
  });

  it('validationCsv lists the problems with row and column, for download before a run', () => {
    const { parsed, validated } = setup(text);
    const csv = validationCsv(parsed.headers, validated.rows, { bom: false, onlyProblems: true });
    const lines = parseInviteCsv(csv).rows.map((row) => row.cells.slice(4));
    expect(lines).toEqual([
      ['skip', expect.stringContaining('Already a member (Maya Okafor)')],
      ['invalid', 'Row 3, team: "Dta" is not a team. Did you mean "Data"?'],
    ]);
  });

  it('names the file after the org and the date', () => {
    expect(resultsFileName('demo-org', new Date(NOW))).toBe('invite-results-demo-org-2025-11-03.csv');
    expect(resultsFileName('a/b', new Date(NOW), 'errors')).toBe('invite-errors-a-b-2025-11-03.csv');
  });
});

describe('templateCsv', () => {
  it('has every column and generic examples without an org', () => {
    const template = templateCsv();
    expect(template.split('\r\n')[0]).toBe('email,team,groups,projects,role,default_project,team_spaces');
    expect(parseInviteCsv(template).rows).toHaveLength(2);
  });

  it("uses the org's names, and the role column in an org-level org", () => {
    const snapshot = demoSnapshot({ projectLevelPermissions: false });
    const rows = parseInviteCsv(templateCsv(snapshot)).rows.map((row) => row.values);
    expect(rows[0]).toMatchObject({ team: 'Engineering', role: 'Member', projects: '', default_project: 'Web App (Production)' });
  });
});
