/** Helpers shared by the double's unit tests (not a test file itself). */
import { expect } from 'vitest';
import type { ErrorCode } from '../shared/operations';
import { Backend, type OperationOutcome } from './backend';
import type { DoubleError } from './refusal';

export function backendWith(seed: string = 'demo'): Backend {
  return new Backend(seed);
}

/** Asserts the outcome is a refusal and returns its errors. */
export function refusal(outcome: OperationOutcome): DoubleError[] {
  if (outcome.kind !== 'errors') throw new Error(`expected a refusal, got ${JSON.stringify(outcome).slice(0, 300)}`);
  return outcome.errors;
}

/** Asserts the outcome is refused with exactly these codes (in any order). */
export function expectCodes(outcome: OperationOutcome, ...codes: ErrorCode[]): DoubleError[] {
  const errors = refusal(outcome);
  expect(errors.map((error) => error.extensions.code).sort()).toEqual([...codes].sort());
  return errors;
}

export function dataOf<T = Record<string, unknown>>(outcome: OperationOutcome): T {
  if (outcome.kind !== 'data') throw new Error(`expected data, got ${JSON.stringify(outcome).slice(0, 500)}`);
  return outcome.data as T;
}

export const member = (backend: Backend, id: string) => {
  const found = backend.state().members.find((m) => m.id === id);
  if (!found) throw new Error(`no member ${id}`);
  return found;
};
