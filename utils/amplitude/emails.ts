/**
 * Email addresses as the console shows them: alone on a line, inside "Name · email", in a `title`,
 * an `aria-label` or a `mailto:` link. Deliberately simple: what is found is matched against the
 * org's data, never trusted on its own.
 */

/** An address inside any text; the local part may hold the usual `.`, `_`, `%`, `+`, `'`, `-`. */
const EMAILS = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** Separators left around a name once its email is taken out ("Name · email", "Name <email>"). */
const EDGE_SEPARATORS = /^[\s·•|,;:()<>[\]–—-]+|[\s·•|,;:()<>[\]–—-]+$/g;

/** Every address in `text`, lower-cased, in order (repeats kept). */
export function emailsIn(text: string | null | undefined): string[] {
  return (text ?? '').match(EMAILS)?.map((email) => email.toLowerCase()) ?? [];
}

/** The whole text (trimmed) is one address: a name that looks like an email. */
export function looksLikeEmail(text: string): boolean {
  const found = text.trim().match(EMAILS);
  return found?.length === 1 && found[0] === text.trim();
}

/** The text with its addresses and the separators they leave taken out: "Priya · priya@x.example" gives "Priya". */
export function withoutEmails(text: string): string {
  return text.replace(EMAILS, ' ').replace(/\s+/g, ' ').replace(EDGE_SEPARATORS, '');
}

/** The address of a `mailto:` link, or null. */
export function mailtoAddress(href: string | null): string | null {
  if (!href || !/^mailto:/i.test(href)) return null;
  let target = href.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    target = decodeURIComponent(target);
  } catch {
    // left as written
  }
  return emailsIn(target)[0] ?? null;
}
