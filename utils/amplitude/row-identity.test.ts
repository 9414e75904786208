// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { identifyRow, indexPeople, type Person } from './row-identity';

const people: Person[] = [
  { id: 'u-3', name: 'Priya Natarajan', email: 'priya.natarajan@lumenfield.example' },
  { id: 'u-25', name: 'ryan.patel@lumenfield.example', email: 'ryan.patel@lumenfield.example' },
  { id: 'u-40', name: 'Alex Kim', email: 'alex.kim@lumenfield.example' },
  { id: 'u-41', name: 'alex  KIM', email: 'alex.kim2@lumenfield.example' },
  // A display name that is someone else's email.
  { id: 'u-50', name: 'priya.natarajan@lumenfield.example', email: 'impostor@lumenfield.example' },
  { id: 'u-60', name: 'Ōta Sō', email: 'ota@lumenfield.example' },
];
const index = indexPeople(people);
const row = (emails: string[], names: string[], texts: string[] = names) => ({ emails, names, texts });

describe('identifyRow', () => {
  it('an email decides, whatever the name', () => {
    expect(identifyRow(row(['priya.natarajan@lumenfield.example'], ['P. Natarajan']), index)).toEqual({ kind: 'member', memberId: 'u-3', by: 'email' });
  });

  it('an email the data does not know is reported as such (a fresh invite), never matched by name', () => {
    expect(identifyRow(row(['new@lumenfield.example'], ['Priya Natarajan']), index)).toEqual({ kind: 'unknown-email', email: 'new@lumenfield.example' });
  });

  it('several emails: the member whose name the row shows as well', () => {
    // u-50 shows their name (someone else's email) over their own email.
    const texts = ['priya.natarajan@lumenfield.example', 'impostor@lumenfield.example'];
    expect(identifyRow(row(['priya.natarajan@lumenfield.example', 'impostor@lumenfield.example'], [], texts), index)).toEqual({ kind: 'member', memberId: 'u-50', by: 'email' });
    // Neither name shown: nobody.
    expect(identifyRow(row(['priya.natarajan@lumenfield.example', 'alex.kim@lumenfield.example'], [], ['Team']), index)).toEqual({ kind: 'ambiguous' });
  });

  it('several emails, one unknown and no known name shown: not yet read, never the known one', () => {
    const texts = ['priya.natarajan@lumenfield.example', 'fresh@lumenfield.example'];
    expect(identifyRow(row(['priya.natarajan@lumenfield.example', 'fresh@lumenfield.example'], [], texts), indexPeople(people.filter((p) => p.id !== 'u-50')))).toEqual({
      kind: 'unknown-email',
      email: 'fresh@lumenfield.example',
    });
  });

  it('no email: a name unique in the org, compared by meaning', () => {
    expect(identifyRow(row([], ['PRIYA  natarajan']), index)).toEqual({ kind: 'member', memberId: 'u-3', by: 'name' });
    expect(identifyRow(row([], ['ōta sō']), index)).toEqual({ kind: 'member', memberId: 'u-60', by: 'name' });
  });

  it('no email: a name two members share decides nothing', () => {
    expect(identifyRow(row([], ['Alex Kim']), index)).toEqual({ kind: 'ambiguous' });
  });

  it('no email: names of two different members in the name cell decide nothing', () => {
    expect(identifyRow(row([], ['Priya Natarajan', 'Ōta Sō']), index)).toEqual({ kind: 'ambiguous' });
  });

  it('no email and no member\'s name: unreadable', () => {
    expect(identifyRow(row([], ['Somebody Else']), index)).toEqual({ kind: 'unreadable' });
    expect(identifyRow(row([], []), index)).toEqual({ kind: 'unreadable' });
  });

  it('a name that looks like an email is never matched as a name', () => {
    // u-50's name is an email; as a name it is not indexed, and the reading would have it as an email.
    expect(index.named('priya.natarajan@lumenfield.example')).toEqual([]);
    expect(identifyRow(row([], ['priya.natarajan@lumenfield.example']), index)).toEqual({ kind: 'unreadable' });
  });
});
