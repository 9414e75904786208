// @vitest-environment node
/**
 * Names as files really spell them: a CSV saved on macOS decomposes accents (NFD: "e" + U+0301),
 * the org spells them precomposed (NFC), or the other way round. Compared after NFC, and a
 * "Did you mean" never offers what was typed.
 */
import fc from 'fast-check';
import type { OrgSnapshot } from '../access/model';
import { closestName, normalizeName } from './fuzzy';
import { parseInviteCsv } from './parse';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

const nfd = (text: string) => text.normalize('NFD');
const nfc = (text: string) => text.normalize('NFC');

/** The demo org with accented names, spelled by `form`. */
function accentedOrg(form: (text: string) => string): OrgSnapshot {
  const snapshot = demoSnapshot();
  const rename = <T extends { id: string; name: string }>(items: readonly T[], names: Record<string, string>) => items.map((item) => (names[item.id] ? { ...item, name: form(names[item.id]!) } : item));
  return {
    ...snapshot,
    teams: rename(snapshot.teams, { 't-data': 'Données' }),
    groups: rename(snapshot.groups, { 'g-5': 'Équipe Ventes' }),
    projects: rename(snapshot.projects, { 'p-3': 'Café iOS' }),
    teamSpaces: rename(snapshot.teamSpaces, { 's-sales': 'Recettes Société' }),
    customRoleNames: { viewer: form('Lecteur délégué') },
  };
}

const row = (form: (text: string) => string) => form('nouvelle@example.com,Données,Équipe Ventes,Café iOS:Lecteur délégué,,Café iOS,Recettes Société');
const HEADER = 'email,team,groups,projects,role,default_project,team_spaces';

describe('names compared after Unicode NFC', () => {
  it('the NFD forms really differ from the NFC ones (the test means something)', () => {
    expect(nfd('Données')).not.toBe('Données');
    expect(nfd('Données').length).toBe('Données'.length + 1);
  });

  it.each([
    ['a file in NFD, an org in NFC (a file saved on macOS)', nfd, nfc],
    ['a file in NFC, an org in NFD', nfc, nfd],
  ])('%s: team, group, project, role, default project and space all resolve', (_, fileForm, orgForm) => {
    const result = validateInvites(parseInviteCsv(`${HEADER}\n${row(fileForm)}\n`), accentedOrg(orgForm));
    const only = result.rows[0]!;
    expect(only.errors).toEqual([]);
    expect(only.status).toBe('ready');
    expect(only.settings).toMatchObject({ teamId: 't-data', groupIds: ['g-5'], projectRoles: [{ projectId: 'p-3', role: 'viewer' }], defaultProjectId: 'p-3', teamSpaceIds: ['s-sales'] });
  });

  it('a typo in an NFD name is suggested the org\'s name, which is not what was typed', () => {
    const result = validateInvites(parseInviteCsv(`${HEADER}\n${nfd('nouvelle@example.com,Donnés,,Café iOS:Viewer,,,')}\n`), accentedOrg(nfc));
    expect(result.rows[0]!.errors).toEqual([{ column: 'team', message: `"${nfd('Donnés')}" is not a team. Did you mean "Données"?` }]);
  });

  it('two org names equal after NFC are ambiguous, not a suggestion of one of them', () => {
    const snapshot = accentedOrg(nfc);
    const twins = { ...snapshot, teams: [...snapshot.teams, { id: 't-twin', name: nfd('Données') }] };
    const result = validateInvites(parseInviteCsv(`${HEADER}\nnouvelle@example.com,Données,,Café iOS:Viewer,,,\n`), twins);
    const message = result.rows[0]!.errors[0]!.message;
    expect(message).not.toContain('Did you mean');
    expect(message).toContain('Données');
  });

  it('closestName never suggests a name equal to the input after normalisation (property)', () => {
    expect(closestName(nfd('Données'), [nfc('Données')])).toBeNull();
    expect(closestName('Data ', ['data'])).toBeNull();
    const piece = fc.constantFrom('e', 'é', 'e\u0301', 'E', 'É', 'E\u0301', 'a', ' ', 'n', 'ö', 'o\u0308', '\u00a0');
    const name = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(name, fc.array(name, { maxLength: 6 }), (input, candidates) => {
        const suggestion = closestName(input, candidates);
        if (suggestion !== null) expect(normalizeName(suggestion)).not.toBe(normalizeName(input));
      }),
    );
  });
});
