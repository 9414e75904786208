/**
 * Is this cell one email address an invite can be sent to? The rules of the addresses people
 * really have, not of a "practical" regex: the local part is RFC 5322's dot-atom (letters, digits
 * and ! # $ % & ' * + / = ? ^ _ ` { | } ~ -, in dot-separated runs), at most 64 characters
 * (RFC 5321); the whole address at most 254 (what fits in a mail path). The domain is host names
 * (letters, digits, inner hyphens, at most 63 per label) ending in a top-level domain of letters
 * (or an `xn--` one). Quoted local parts and IP-literal domains are refused: no admin invites
 * `"john doe"@[10.0.0.1]`, and a console would not take them. Pure.
 */

/** Why an address is refused; null when it is fine. */
export type EmailProblem = 'empty' | 'several' | 'local-too-long' | 'too-long' | 'invalid';

export const MAX_LOCAL_PART = 64;
export const MAX_ADDRESS = 254;

/** RFC 5322 `atext`, in runs separated by single dots (dot-atom). */
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const TOP_LABEL = /^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$/;

function validDomain(domain: string): boolean {
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((label) => LABEL.test(label)) && TOP_LABEL.test(labels[labels.length - 1]!);
}

/** Several addresses in one cell ("a@x.com; b@x.com"): said as such, not as one invalid address. */
function holdsSeveral(cell: string): boolean {
  return /[\s,;]/.test(cell) && cell.split(/[\s,;]+/).filter((part) => part.includes('@')).length > 1;
}

/** What is wrong with `cell` (already trimmed) as one email address, or null. */
export function emailProblem(cell: string): EmailProblem | null {
  if (cell === '') return 'empty';
  if (holdsSeveral(cell)) return 'several';
  const at = cell.lastIndexOf('@');
  if (at <= 0) return 'invalid';
  const local = cell.slice(0, at);
  const domain = cell.slice(at + 1);
  if (!DOT_ATOM.test(local) || !validDomain(domain)) return 'invalid';
  // Checked after the shape, so that the message names the limit only for an address that is one.
  if (local.length > MAX_LOCAL_PART) return 'local-too-long';
  if (cell.length > MAX_ADDRESS) return 'too-long';
  return null;
}

/** True when `cell` is one address an invite can go to. */
export function isValidEmail(cell: string): boolean {
  return emailProblem(cell) === null;
}
