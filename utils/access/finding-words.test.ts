// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { computeAccessReport } from './engine';
import { accessReviewCsv, accessReviewJson, accessReviewRows } from './export';
import type { Finding } from './finding';
import { findingWords } from './finding-words';
import { buildSnapshot, type SnapshotSpec } from './test-snapshot';
import { hasHiddenCharacters } from '../text/visible-text';

const RLO = '\u202E';
const ZWSP = '\u200B';

function hiddenFindings(spec: SnapshotSpec): Finding[] {
  return computeAccessReport(buildSnapshot(spec)).findings.filter((finding) => finding.code === 'hidden-characters');
}

describe('the hidden-characters finding', () => {
  it('flags a name with a right-to-left override as a warning, naming the character', () => {
    const [finding, ...others] = hiddenFindings({ members: { r: { name: `Rita ${RLO}fdp.exe` }, o: { name: 'Olu Ade' } } });
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ key: 'hidden-characters:r', severity: 'warning', memberIds: ['r'], params: { inName: [0x202e], inEmail: [] } });
    const words = findingWords(finding!);
    expect(words.explanation).toBe("Rita ⟨U+202E⟩fdp.exe's name holds characters that do not show or that change how it reads (U+202E), so it may pass for someone else's. Admin Lens shows each one as a marker.");
    expect(words.fix).toMatch(/^Check who this really is/);
    expect(hasHiddenCharacters(words.explanation)).toBe(false);
  });

  it('flags invisible characters that reorder nothing as worth a look (info)', () => {
    const [finding] = hiddenFindings({ members: { z: { name: `Zoe${ZWSP} Lane`, email: `zoe\u00AD@example.com` } } });
    expect(finding).toMatchObject({ severity: 'info', params: { inName: [0x200b], inEmail: [0xad] } });
    expect(findingWords(finding!).explanation).toBe(
      "Zoe⟨U+200B⟩ Lane's name (U+200B) and email (U+00AD) hold characters that do not show or that change how they read, so they may pass for someone else's. Admin Lens shows each one as a marker.",
    );
  });

  it('flags an email alone, for joined and pending people, whatever their access', () => {
    const findings = hiddenFindings({
      members: {
        p: { status: 'pending', name: '', email: `p${RLO}@example.com` },
        a: { name: 'Ada', orgRole: 'admin', email: `a${ZWSP}@example.com` },
      },
    });
    expect(findings.map((finding) => [finding.key, finding.severity])).toEqual([
      ['hidden-characters:p', 'warning'],
      ['hidden-characters:a', 'info'],
    ]);
    expect(findingWords(findings[0]!).explanation).toMatch(/^The email of p⟨U\+202E⟩@example\.com holds characters/);
  });

  it('finds nothing in ordinary names in any script', () => {
    expect(hiddenFindings({ members: { a: { name: 'Zoë Müller' }, b: { name: '王芳' }, c: { name: 'שרה כהן' }, d: { name: 'Kiss ❤️' } } })).toEqual([]);
  });
});

describe('finding words with names from the page', () => {
  it('shows hidden characters in every name a sentence carries (person, group, project)', () => {
    const snapshot = buildSnapshot({
      projects: ['p1'],
      members: { r: { name: `Rita ${RLO}fdp.exe`, roles: { p1: 'viewer' } } },
      groups: { g: { name: `Ops${RLO}`, roles: { p1: 'manager' }, memberIds: ['r'] } },
    });
    const report = computeAccessReport({ ...snapshot, projects: [{ id: 'p1', name: `Web${ZWSP}App` }] });
    const escalation = report.findings.find((finding) => finding.code === 'escalated-through-group')!;
    const words = findingWords(escalation);
    expect(words.explanation).toBe("Group 'Ops⟨U+202E⟩' gives Rita ⟨U+202E⟩fdp.exe Manager on 'Web⟨U+200B⟩App', above their direct role (Viewer).");
    for (const finding of report.findings) {
      const said = findingWords(finding);
      expect(hasHiddenCharacters(said.explanation + said.fix), finding.key).toBe(false);
    }
  });

  it('isolates a right-to-left name in a sentence, so it cannot reorder the words around it', () => {
    const [finding] = computeAccessReport(buildSnapshot({ members: { a: { name: 'שרה כהן', orgRole: 'admin' } } })).findings;
    expect(finding?.code).toBe('sole-admin');
    expect(findingWords(finding!).explanation.startsWith('\u2068שרה כהן\u2069 is the only Admin')).toBe(true);
  });

  it('applies the org’s own role names when the words are made, not in the finding', () => {
    const [finding] = computeAccessReport(buildSnapshot({ members: { a: { name: 'Ada', orgRole: 'admin' } } })).findings;
    expect(findingWords(finding!).fix).toBe('Make a second trusted person Admin.');
    expect(findingWords(finding!, { admin: 'Owner' }).fix).toBe('Make a second trusted person Owner.');
  });
});

describe('the access review export and names that lie', () => {
  const report = () =>
    computeAccessReport(buildSnapshot({ projects: ['p1'], members: { r: { name: `Rita ${RLO}fdp.exe`, email: `rita${ZWSP}@example.com` } } }));

  it('writes hidden characters in the CSV as visible markers', () => {
    const csv = accessReviewCsv(accessReviewRows(report(), findingWords));
    expect(csv).toContain('rita⟨U+200B⟩@example.com,Rita ⟨U+202E⟩fdp.exe,');
    expect(csv).toContain('hidden-characters');
    expect(hasHiddenCharacters(csv.replace(/\r\n/g, ''))).toBe(false);
  });

  it('keeps the exact values in the JSON, for programs', () => {
    const json = accessReviewJson(accessReviewRows(report(), findingWords), { org: { url: 'o', name: 'O' }, readAt: 'r', exportedAt: 'e' });
    const [row] = (JSON.parse(json) as { rows: { name: string; email: string }[] }).rows;
    expect(row).toMatchObject({ name: `Rita ${RLO}fdp.exe`, email: `rita${ZWSP}@example.com` });
  });

  it('makes each finding’s words once, however many rows carry it', () => {
    const many = computeAccessReport(buildSnapshot({ projects: ['p1', 'p2', 'p3'], members: { a: { name: 'Ada', orgRole: 'admin' } } }));
    let calls = 0;
    const rows = accessReviewRows(many, (finding, names) => {
      calls += 1;
      return findingWords(finding, names);
    });
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.findings.length === 1)).toBe(true);
    expect(calls).toBe(1);
  });
});
