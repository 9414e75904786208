/**
 * How the double's own page marks its data requests (no zod here: the page's bundle imports it).
 *
 * The page stands for the real console's front end, which by definition has the operations it
 * uses. The `unknownOperations` fault models a console that lacks an operation the EXTENSION
 * assumes (a guessed name that is wrong there), so it does not apply to requests carrying this
 * header: the page keeps listing people while the extension's reads of the same operation fail.
 * Every other fault, and every check (session, Origin, x-org), applies to the page as to anyone.
 */
export const CONSOLE_PAGE_HEADER = 'x-console-double-page';
export const CONSOLE_PAGE_HEADER_VALUE = '1';
