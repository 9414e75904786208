/**
 * How the backend says no. A refused operation answers HTTP 200 with GraphQL `errors` (contract:
 * shared/operations.ts). Every error names what it is about: `extensions.field` for a variable
 * (e.g. "invites[2].teamId") and `extensions.email` for a refused invitee.
 */
import type { z } from 'zod';
import type { ErrorCode, GraphqlError } from '../shared/operations';

/** The contract's error plus the field it is about. `field` is the double's addition [guess]. */
export interface DoubleError extends GraphqlError {
  extensions: GraphqlError['extensions'] & { field?: string };
}

/** Thrown by a handler to refuse the whole operation; nothing has changed when it is thrown. */
export class Refused extends Error {
  constructor(readonly errors: DoubleError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'Refused';
  }
}

export function error(code: ErrorCode, message: string, details: { field?: string; email?: string } = {}): DoubleError {
  const extensions: DoubleError['extensions'] = { code };
  if (details.field !== undefined) extensions.field = details.field;
  if (details.email !== undefined) extensions.email = details.email;
  const result: DoubleError = { message, extensions };
  if (details.email !== undefined && details.field !== undefined) result.path = fieldPath(details.field);
  return result;
}

/** Refuses with a single error. */
export function refuse(code: ErrorCode, message: string, details: { field?: string; email?: string } = {}): never {
  throw new Refused([error(code, message, details)]);
}

/** A bad variable: BAD_USER_INPUT naming the field. */
export function badInput(field: string, message: string, email?: string): DoubleError {
  return error('BAD_USER_INPUT', `${field}: ${message}`, email === undefined ? { field } : { field, email });
}

/** "invites[2].email" from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text ? `.${String(key)}` : String(key);
  }
  return text;
}

/** ["invites", "2", "email"] from "invites[2].email", for GraphQL's `path`. */
function fieldPath(field: string): string[] {
  return field.split(/[.[\]]/).filter(Boolean);
}

/** One BAD_USER_INPUT per zod issue, each naming its field. */
export function zodErrors(zodError: z.ZodError, root = 'variables'): DoubleError[] {
  return zodError.issues.map((issue) => {
    const field = formatPath(issue.path) || root;
    return badInput(field, issue.message);
  });
}
