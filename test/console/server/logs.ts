/**
 * What happened, for tests to assert on: every accepted mutation (the mutation log), every refused
 * or fault-failed mutation attempt (for debugging, never in the mutation log), and every API request
 * by operation name (to count how many queries a client made).
 */
import type { DoubleError } from './refusal';

export interface MutationLogEntry {
  seq: number;
  /** The double's clock (the seed's `now`): time does not pass in the double. */
  at: string;
  operation: string;
  actorId: string;
  /** As validated: defaults filled in, unknown keys dropped. */
  variables: unknown;
  /** The `data` the client received. */
  result: unknown;
}

export interface RefusedAttempt {
  seq: number;
  at: string;
  operation: string;
  actorId: string;
  /** As received (they may not have validated). */
  variables: unknown;
  /** `refused`: a rule said no (HTTP 200 with errors). `fault`: failNthMutation answered 500. */
  reason: 'refused' | 'fault';
  errors: DoubleError[];
}

export interface RequestLogEntry {
  seq: number;
  /** From `?q=` (or the body's operationName when `q` is missing). */
  operation: string;
  status: number;
}

export class Logs {
  private mutationLog: MutationLogEntry[] = [];
  private refusedLog: RefusedAttempt[] = [];
  private requestEntries: RequestLogEntry[] = [];

  accepted(entry: Omit<MutationLogEntry, 'seq'>): void {
    this.mutationLog.push({ seq: this.mutationLog.length + 1, ...structuredClone(entry) });
  }

  refused(entry: Omit<RefusedAttempt, 'seq'>): void {
    this.refusedLog.push({ seq: this.refusedLog.length + 1, ...structuredClone(entry) });
  }

  request(operation: string, status: number): void {
    this.requestEntries.push({ seq: this.requestEntries.length + 1, operation, status });
  }

  mutations(): MutationLogEntry[] {
    return structuredClone(this.mutationLog);
  }

  refusals(): RefusedAttempt[] {
    return structuredClone(this.refusedLog);
  }

  requests(): RequestLogEntry[] {
    return structuredClone(this.requestEntries);
  }
}
