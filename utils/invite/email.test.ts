// @vitest-environment node
import fc from 'fast-check';
import { emailProblem, isValidEmail, MAX_ADDRESS, MAX_LOCAL_PART } from './email';
import { parseInviteCsv } from './parse';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

const ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

/** A domain of exactly `length` characters: labels of at most 63, dot-separated, ending in ".example". */
function domainOf(length: number): string {
  const tail = '.example';
  let rest = length - tail.length;
  const labels: string[] = [];
  while (rest > 0) {
    let size = Math.min(63, rest);
    // A remainder of 1 would be a dot before an empty label.
    if (rest - size === 1) size -= 1;
    labels.push('d'.repeat(size));
    rest -= size;
    if (rest > 0) rest -= 1; // the dot before the next label
  }
  const domain = `${labels.join('.')}${tail}`;
  expect(domain).toHaveLength(length);
  return domain;
}

describe('emailProblem: the local part as RFC 5322 allows it', () => {
  it.each([...ATEXT_SPECIALS])('accepts %j inside a local part', (char) => {
    expect(emailProblem(`a${char}b@example.com`)).toBeNull();
  });

  it('accepts the addresses people really have', () => {
    for (const email of ['a!b@example.com', 'x~y@example.com', "o'brien@example.ie", 'first.last+tag@sub.example.co.uk', '-dash@example.com', '=sales@example.com', 'user@xn--80ak6aa92e.xn--p1ai', '{curly}@example.com', '1@example.io']) {
      expect(emailProblem(email), email).toBeNull();
    }
  });

  it.each([
    ['no @', 'maya.example.com'],
    ['nothing before @', '@example.com'],
    ['nothing after @', 'maya@'],
    ['a space', 'ann smith@example.com'],
    ['a leading dot', '.ann@example.com'],
    ['a trailing dot', 'ann.@example.com'],
    ['two dots in a row', 'ann..smith@example.com'],
    ['a quoted local part', '"ann smith"@example.com'],
    ['parentheses', 'ann(x)@example.com'],
    ['a comma', 'ann,b@example.com'],
    ['two @', 'ann@b@example.com'],
    ['a domain without a dot', 'ann@localhost'],
    ['an IP-literal domain', 'ann@[10.0.0.1]'],
    ['a label ending in a hyphen', 'ann@example-.com'],
    ['a numeric top-level domain', 'ann@example.123'],
    ['a label of 64 characters', `ann@${'d'.repeat(64)}.com`],
    ['non-ASCII in the local part', 'zoë@example.com'],
  ])('refuses %s', (_, email) => {
    expect(emailProblem(email)).toBe('invalid');
  });

  it('limits the local part to 64 characters and the address to 254, each with its own reason', () => {
    expect(emailProblem(`${'a'.repeat(MAX_LOCAL_PART)}@example.com`)).toBeNull();
    expect(emailProblem(`${'a'.repeat(MAX_LOCAL_PART + 1)}@example.com`)).toBe('local-too-long');
    expect(emailProblem(`ann@${domainOf(MAX_ADDRESS - 4)}`)).toBeNull();
    expect(emailProblem(`ann@${domainOf(MAX_ADDRESS - 3)}`)).toBe('too-long');
    // A malformed address is said to be malformed, not too long.
    expect(emailProblem(`${'a'.repeat(70)}..x@example.com`)).toBe('invalid');
  });

  it('tells several addresses in one cell apart from one bad address', () => {
    expect(emailProblem('ann@example.com; bob@example.com')).toBe('several');
    expect(emailProblem('ann@example.com bob@example.com')).toBe('several');
    expect(emailProblem('')).toBe('empty');
  });

  it('accepts every dot-atom local part of at most 64 characters on a valid domain (property)', () => {
    const atom = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,12}$/);
    fc.assert(
      fc.property(fc.array(atom, { minLength: 1, maxLength: 6 }), (atoms) => {
        const local = atoms.join('.');
        fc.pre(local.length <= MAX_LOCAL_PART);
        expect(isValidEmail(`${local}@example.org`)).toBe(true);
      }),
    );
  });
});

describe('validateInvites: email reasons in the row', () => {
  const errorsOf = (email: string) => {
    const result = validateInvites(parseInviteCsv(`email,team,groups,projects\n${email},Data,,iOS App:Viewer\n`), demoSnapshot());
    return result.rows[0]!;
  };

  it('takes special-character addresses as ready', () => {
    for (const email of ['a!b@example.com', 'x~y@example.com', "o'neil+ops@example.com", 'q?z{1}@example.com']) {
      const row = errorsOf(email);
      expect(row.status, `${email}: ${JSON.stringify(row.errors)}`).toBe('ready');
    }
  });

  it('refuses an overlong local part and an overlong address, saying which limit', () => {
    const longLocal = `${'l'.repeat(65)}@example.com`;
    expect(errorsOf(longLocal).errors).toEqual([
      { column: 'email', message: `"${longLocal}" is not a valid email address: the part before "@" has 65 characters, and an address allows at most 64.` },
    ]);
    const longAddress = `ann@${domainOf(260)}`;
    expect(errorsOf(longAddress).errors).toEqual([{ column: 'email', message: `"${longAddress}" is not a valid email address: it has 264 characters, and an address allows at most 254.` }]);
  });
});
