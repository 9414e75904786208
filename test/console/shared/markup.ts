/**
 * The markup-variant switch (issue 12): the same org, the same words and the same behaviour,
 * rendered with other markup, so a feature of the extension is proven on more than one rendition
 * of the page. The real console will differ from our double in ways nobody here can see; each
 * flag below is one such plausible difference.
 *
 * Set through `POST /__double/markup` ({variant} and/or single flags), the `markup` fixture option
 * of the e2e tests, or `npm run console -- --markup <variant>`. Like the landmark switch, the page
 * reads it on load from a `<meta>` the double adds to index.html, so a test reloads after flipping.
 */
import { z } from 'zod';

export const MarkupFlags = z
  .object({
    /**
     * The users list: `table` (a `<table>` named "Joined users"/"Pending users", as documented in
     * README), `grid` (divs with role grid/row/columnheader/gridcell, same name), `divs` (plain divs,
     * no table roles and no name at all; each row still starts with its "Select <name>" checkbox).
     */
    usersList: z.enum(['table', 'grid', 'divs']).default('table'),
    /**
     * The casing of every label of the console's own UI (headings, tabs, buttons, menu items,
     * dialog titles, field labels, step titles, column headers, list and table names, toasts, the
     * "Nothing was sent." refusal); never of data (people, groups, projects, role names, dates,
     * counts), nor of paragraphs, hints, placeholders and server messages.
     * `as-is` ("Remove Members?"), `sentence` ("Remove members?", "Invite new users",
     * "Team members & groups"), `upper` ("REMOVE MEMBERS?").
     */
    labelCase: z.enum(['as-is', 'sentence', 'upper']).default('as-is'),
    /**
     * Our [guess] labels reworded: the confirm button "Remove Members" (not "Remove"), the list of
     * people in "Remove Members?" without a name, the transfer checkbox "Transfer their content
     * before removing", the recipient combobox "New content owner", wizard step headings without
     * "Step i of n: " (just the documented title).
     */
    reworded: z.boolean().default(false),
    /** Dialogs named by `aria-labelledby` (`labelledby`), or with no name: the title only as a heading inside (`heading`). */
    dialogName: z.enum(['labelledby', 'heading']).default('labelledby'),
    /** The role of confirmation dialogs ("Remove Members?"): `dialog`, or `alertdialog`. */
    confirmDialogRole: z.enum(['dialog', 'alertdialog']).default('dialog'),
    /**
     * How a person (users list rows, the "Remove Members?" list) shows their email: `line` (name on
     * one line, email on the next), `title` (only the name is shown; the email is the name
     * element's `title`), `inline` ("Name · email" in one element).
     */
    personEmail: z.enum(['line', 'title', 'inline']).default('line'),
    /** Actions as native `<button>`s (`button`), or `div role="button" tabindex=0` (`div`). */
    actions: z.enum(['button', 'div']).default('button'),
    /**
     * The invite wizard's email field makes chips on Enter or a comma, as documented in README
     * (`enter`; leaving the field keeps the text), or on a comma or on leaving the field, never on
     * Enter (`comma-blur`). Pasting a list chips it in both.
     */
    chipCommit: z.enum(['enter', 'comma-blur']).default('enter'),
    /** The users list rows show each person's email (in the `personEmail` form) (`shown`), or names only (`hidden`): rows are tied to people by a unique name, or not at all. */
    rowEmails: z.enum(['shown', 'hidden']).default('shown'),
    /** The "Remove Members?" list shows each person's email (`shown`), or names only (`hidden`): the guard cannot tell who is removed. */
    removeListEmails: z.enum(['shown', 'hidden']).default('shown'),
  })
  .strict();
export type MarkupFlags = z.infer<typeof MarkupFlags>;
export type MarkupFlagsInput = z.input<typeof MarkupFlags>;

/**
 * Named variants, each a combination of flags; every feature's e2e runs on each of them.
 * Together they cover every flag value at least once.
 */
export const MARKUP_VARIANTS = {
  /** As documented in README: the rendition every earlier test was written against. */
  default: {},
  /** An ARIA grid of divs, div buttons, alertdialogs named only by their heading. */
  'aria-grid': { usersList: 'grid', actions: 'div', confirmDialogRole: 'alertdialog', dialogName: 'heading' },
  /** Plain divs without table roles, the email only in a title, every label in sentence case. */
  'plain-divs': { usersList: 'divs', personEmail: 'title', labelCase: 'sentence' },
  /** Reworded labels, "Name · email" in one element, chips on comma or blur, labels in upper case. */
  reworded: { reworded: true, personEmail: 'inline', chipCommit: 'comma-blur', labelCase: 'upper' },
  /** Names only, no email anywhere: badges by unique name; the guard must hold and say it cannot tell who is removed. */
  'names-only': { rowEmails: 'hidden', removeListEmails: 'hidden' },
} as const satisfies Record<string, MarkupFlagsInput>;
export type MarkupVariant = keyof typeof MARKUP_VARIANTS;
export const MARKUP_VARIANT_NAMES = Object.keys(MARKUP_VARIANTS) as MarkupVariant[];

/** The flags of a variant, defaults filled in. */
export function markupFlags(variant: MarkupVariant | MarkupFlagsInput = 'default'): MarkupFlags {
  return MarkupFlags.parse(typeof variant === 'string' ? MARKUP_VARIANTS[variant] : variant);
}

/** The `<meta name>` carrying the flags (JSON) into the page. */
export const MARKUP_META = 'console-double-markup';

/**
 * What `POST /__double/markup` and `backend.setMarkup()` take: a variant name, or
 * `{variant?, ...flags}` (the variant's flags, default `default`, with the given flags on top).
 */
export type MarkupRequest = MarkupVariant | ({ variant?: MarkupVariant } & MarkupFlagsInput);

const isVariant = (name: unknown): name is MarkupVariant => typeof name === 'string' && Object.hasOwn(MARKUP_VARIANTS, name);

/** The flags a request stands for; throws a ZodError naming the bad flag or variant. */
export function resolveMarkup(request: MarkupRequest): MarkupFlags {
  if (typeof request === 'string') {
    if (!isVariant(request)) throw unknownVariant(request, []);
    return markupFlags(request);
  }
  const { variant = 'default', ...flags } = request;
  if (!isVariant(variant)) throw unknownVariant(variant, ['variant']);
  return MarkupFlags.parse({ ...MARKUP_VARIANTS[variant], ...flags });
}

function unknownVariant(name: unknown, path: string[]): z.ZodError {
  return new z.ZodError([{ code: 'custom', path, message: `unknown variant ${JSON.stringify(name)}; one of ${MARKUP_VARIANT_NAMES.join(', ')}`, input: name }]);
}

/** True when every flag is as documented (the page is then served untouched). */
export const isDefaultMarkup = (flags: MarkupFlags): boolean => JSON.stringify(flags) === JSON.stringify(markupFlags('default'));

/** The meta tag for index.html's head; empty for the default rendition (the page is untouched). */
export function markupMetaTag(flags: MarkupFlags): string {
  if (isDefaultMarkup(flags)) return '';
  const json = JSON.stringify(flags).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<meta name="${MARKUP_META}" content="${json}">`;
}

/** Read in the page, once on load; no tag, or anything malformed, is the default rendition. */
export function readMarkupFlags(doc: Document): MarkupFlags {
  const content = doc.querySelector(`meta[name="${MARKUP_META}"]`)?.getAttribute('content');
  if (!content) return markupFlags('default');
  try {
    return MarkupFlags.parse(JSON.parse(content));
  } catch {
    return markupFlags('default');
  }
}
