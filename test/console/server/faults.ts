/**
 * Fault knobs for tests: make the next accepted mutation fail, lose the answer of one that was
 * applied, refuse chosen invite emails, answer a share of API calls with 503, expire every session,
 * make operations unknown to this console. Set through the control API or in-process.
 */
import { z } from 'zod';
import { ERROR_CODES, OPERATIONS, type OperationName } from '../shared/operations';
import { stream, type Random } from './random';
import { error, type DoubleError } from './refusal';
import { normalizeEmail } from './store';

export const FaultSettings = z.object({
  /** The Nth mutation from now that would be accepted answers HTTP 500 instead, changing nothing. */
  failNthMutation: z.number().int().positive().optional(),
  /**
   * The Nth mutation from now that is accepted is applied (and logged), then its answer is lost:
   * `server-error` answers 502 as a gateway that gave up waiting would, `drop` breaks the
   * connection (no answer at all). What a client sees when the change happened but it cannot tell.
   */
  loseNthAnswer: z.object({ nth: z.number().int().positive().default(1), how: z.enum(['server-error', 'drop']) }).optional(),
  /** InviteUsers refuses these emails (case-insensitive) with this error. */
  failEmails: z.object({ emails: z.array(z.string()).min(1), code: z.enum(ERROR_CODES), message: z.string() }).optional(),
  /** Share of API calls answered with 503, drawn from a deterministic PRNG. */
  serverErrorRate: z.number().min(0).max(1).optional(),
  /** Every session token issued so far becomes invalid; the next page load issues a fresh one. */
  sessionExpired: z.boolean().optional(),
  /**
   * Operations this console does not have: each answers like a GraphQL server without it (200,
   * "Cannot query field ..."), so clients can be tested piece by piece. Replaces the list set before.
   */
  unknownOperations: z.array(z.enum(Object.keys(OPERATIONS) as [OperationName, ...OperationName[]])).optional(),
});
export type FaultSettings = z.infer<typeof FaultSettings>;
/** What a caller may pass (defaults not filled in yet). */
export type FaultSettingsInput = z.input<typeof FaultSettings>;

/** How an applied mutation's answer is lost. */
export type LostAnswer = 'server-error' | 'drop';

export interface ActiveFaults {
  /** Would-be-accepted mutations still to go before the failing one (1 = the next), or null. */
  mutationsUntilFailure: number | null;
  /** Accepted mutations still to go before the one whose answer is lost (1 = the next), and how; or null. */
  lostAnswer: { mutationsUntil: number; how: LostAnswer } | null;
  failEmails: { emails: string[]; code: DoubleError['extensions']['code']; message: string } | null;
  serverErrorRate: number;
  sessionExpired: boolean;
  /** Operations answered as unknown, in the order given. */
  unknownOperations: OperationName[];
}

export class Faults {
  private active: ActiveFaults = Faults.none();
  private random: Random;

  constructor(private readonly orgId: number) {
    this.random = stream(orgId, 'server-errors');
  }

  static none(): ActiveFaults {
    return { mutationsUntilFailure: null, lostAnswer: null, failEmails: null, serverErrorRate: 0, sessionExpired: false, unknownOperations: [] };
  }

  /** Merges the given knobs into the active ones; knobs not mentioned keep their value. */
  set(settings: FaultSettings): void {
    if (settings.failNthMutation !== undefined) this.active.mutationsUntilFailure = settings.failNthMutation;
    if (settings.loseNthAnswer !== undefined) this.active.lostAnswer = { mutationsUntil: settings.loseNthAnswer.nth, how: settings.loseNthAnswer.how };
    if (settings.failEmails !== undefined) {
      this.active.failEmails = { ...settings.failEmails, emails: settings.failEmails.emails.map(normalizeEmail) };
    }
    if (settings.serverErrorRate !== undefined) {
      this.active.serverErrorRate = settings.serverErrorRate;
      // Restart the stream so the same rate gives the same pattern of failures from now on.
      this.random = stream(this.orgId, 'server-errors');
    }
    if (settings.sessionExpired !== undefined) this.active.sessionExpired = settings.sessionExpired;
    if (settings.unknownOperations !== undefined) this.active.unknownOperations = [...new Set(settings.unknownOperations)];
  }

  clear(): void {
    this.active = Faults.none();
    this.random = stream(this.orgId, 'server-errors');
  }

  current(): ActiveFaults {
    return structuredClone(this.active);
  }

  /** Called once per mutation that passed every rule; true means answer 500 and change nothing. */
  consumeMutation(): boolean {
    if (this.active.mutationsUntilFailure === null) return false;
    this.active.mutationsUntilFailure -= 1;
    if (this.active.mutationsUntilFailure > 0) return false;
    this.active.mutationsUntilFailure = null; // one-shot
    return true;
  }

  /** Called once per mutation that was applied; how its answer is lost, or null to answer it. */
  consumeAnswer(): LostAnswer | null {
    const lost = this.active.lostAnswer;
    if (lost === null) return null;
    lost.mutationsUntil -= 1;
    if (lost.mutationsUntil > 0) return null;
    this.active.lostAnswer = null; // one-shot
    return lost.how;
  }

  /** The configured refusal for an invite email, if any. */
  emailFailure(email: string, field: string): DoubleError | null {
    const failEmails = this.active.failEmails;
    if (!failEmails || !failEmails.emails.includes(normalizeEmail(email))) return null;
    return error(failEmails.code, failEmails.message, { email: normalizeEmail(email), field });
  }

  /**
   * The error of a GraphQL server that does not have the operation, or null when it is known:
   * it names the operation's first root field on its root type, as a validation error.
   */
  unknownOperationError(operation: OperationName): DoubleError | null {
    if (!this.active.unknownOperations.includes(operation)) return null;
    const { kind, rootField } = OPERATIONS[operation];
    return error('GRAPHQL_VALIDATION_FAILED', `Cannot query field "${rootField}" on type "${kind === 'mutation' ? 'Mutation' : 'Query'}".`);
  }

  /** Draws for the 503 fault; draws nothing while the rate is 0. */
  shouldFailRequest(): boolean {
    if (this.active.serverErrorRate <= 0) return false;
    return this.random() < this.active.serverErrorRate;
  }
}
