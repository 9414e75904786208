/**
 * The console double's backend: an in-memory org that answers every operation of the contract
 * (shared/operations.ts), enforces the reference's rules, logs what it accepted, and carries the
 * test knobs (latency, faults, sessions). No HTTP here: double.ts is the transport.
 */
import type { z } from 'zod';
import { OPERATIONS, type Data, type OperationName, type Variables } from '../shared/operations';
import { loadSeed, type SeedSource } from '../seeds';
import { rebaseSeedToNow } from '../seeds/rebase';
import type { Seed } from '../shared/seed';
import { Faults, FaultSettings, type ActiveFaults, type FaultSettingsInput, type LostAnswer } from './faults';
import { LandmarkSettings } from '../shared/landmarks';
import { markupFlags, resolveMarkup, type MarkupFlags, type MarkupRequest } from '../shared/markup';
import { Logs, type MutationLogEntry, type RefusedAttempt, type RequestLogEntry } from './logs';
import { HANDLERS } from './operations';
import type { OperationContext } from './operations/types';
import { stream, type Random } from './random';
import { error, Refused, zodErrors, type DoubleError } from './refusal';
import { Sessions } from './sessions';
import { OrgStore, type OrgState, type StoredMember } from './store';
import { acceptInvite, type AcceptInvite } from './accept-invite';

export type { SeedSource } from '../seeds';
export type { DoubleError } from './refusal';
export type { ActiveFaults } from './faults';
export type { MutationLogEntry, RefusedAttempt, RequestLogEntry } from './logs';
export type { OrgState, StoredMember } from './store';

/** What an operation came to: data, refusal errors (HTTP 200), or an injected server failure. */
export type OperationOutcome =
  | { kind: 'data'; data: unknown }
  | { kind: 'errors'; errors: DoubleError[] }
  | { kind: 'server-error'; status: 500; message: string }
  /** The loseNthAnswer fault: the mutation WAS applied, but the client gets a 502 or no answer. */
  | { kind: 'answer-lost'; how: LostAnswer; message: string };

export interface LatencySettings {
  /** Added to every API answer. */
  ms: number;
  /** Up to this much more, drawn from a deterministic PRNG (uniform in [0, jitterMs]). */
  jitterMs: number;
}

export const isOperationName = (name: string): name is OperationName => Object.hasOwn(OPERATIONS, name);

/** Thrown by `call` when the operation did not answer with data. */
export class OperationFailed extends Error {
  constructor(readonly outcome: Exclude<OperationOutcome, { kind: 'data' }>) {
    super(
      outcome.kind === 'errors'
        ? outcome.errors.map((e) => `${e.extensions.code}: ${e.message}`).join('; ')
        : outcome.kind === 'answer-lost'
          ? outcome.message
          : `HTTP ${outcome.status}: ${outcome.message}`,
    );
    this.name = 'OperationFailed';
  }
}

export class Backend {
  private source: SeedSource;
  private store!: OrgStore;
  private faultKnobs!: Faults;
  private logs!: Logs;
  private jitter!: Random;
  private latencySettings: LatencySettings = { ms: 0, jitterMs: 0 };
  private landmarkSettings: LandmarkSettings = {};
  private markupSettings: MarkupFlags = markupFlags('default');
  private readonly sessions: Sessions;

  /**
   * `clock: 'today'` moves the seed's dates by exactly the offset that makes its `now` the moment the
   * seed is loaded (the browser double, where the extension compares with the real clock; see
   * seeds/rebase.ts); `'seed'` keeps the seed's fixed clock (unit tests).
   */
  constructor(seed: SeedSource = 'demo', private readonly clock: 'seed' | 'today' = 'seed') {
    this.source = seed;
    const store = new OrgStore(this.load(seed));
    this.sessions = new Sessions(store.org.id);
    this.install(store);
  }

  /**
   * Starts over like a freshly started server: the given seed (default: the one loaded last), no
   * latency, no faults, empty logs, PRNGs restarted, and every session ended (the next page load
   * signs in again). Throws a SeedError naming the field for bad seed data; the org is then unchanged.
   */
  reset(seed: SeedSource = this.source): void {
    const store = new OrgStore(this.load(seed));
    this.source = seed;
    this.install(store);
    this.sessions.expireAll(store.org.id);
  }

  private load(seed: SeedSource): Seed {
    const loaded = loadSeed(seed);
    return this.clock === 'today' ? rebaseSeedToNow(loaded) : loaded;
  }

  // ---- operations -------------------------------------------------------------------------

  /**
   * Runs one operation as a member (default: the signed-in member). Unknown names, invalid
   * variables and refused rules come back as `errors`; nothing throws for client mistakes.
   * `asConsolePage`: the double's own page asks, which the unknownOperations fault spares
   * (shared/page-client.ts).
   */
  execute(operation: string, variables: unknown, options: { actorId?: string; asConsolePage?: boolean } = {}): OperationOutcome {
    if (!isOperationName(operation)) return { kind: 'errors', errors: [error('BAD_USER_INPUT', `Unknown operation "${operation}".`, { field: 'operationName' })] };
    // The unknownOperations fault: this console has no such field (for everyone but its own page).
    const unknown = options.asConsolePage ? null : this.faultKnobs.unknownOperationError(operation);
    if (unknown) {
      if (HANDLERS[operation].kind === 'mutation') {
        this.logs.refused({ at: this.store.state.now, operation, actorId: options.actorId ?? this.store.state.signedInMemberId, variables: variables ?? {}, reason: 'fault', errors: [unknown] });
      }
      return { kind: 'errors', errors: [unknown] };
    }
    const actorId = options.actorId ?? this.store.state.signedInMemberId;
    const actor = this.store.member(actorId);
    if (!actor || actor.status !== 'joined') return { kind: 'errors', errors: [error('UNAUTHENTICATED', 'Not signed in')] };

    const handler = HANDLERS[operation];
    const schema = OPERATIONS[operation].variables as z.ZodType;
    const parsed = schema.safeParse(variables ?? {});
    const refused = (errors: DoubleError[], reason: RefusedAttempt['reason'] = 'refused'): OperationOutcome => {
      if (handler.kind === 'mutation') this.logs.refused({ at: this.store.state.now, operation, actorId, variables: variables ?? {}, reason, errors });
      return { kind: 'errors', errors };
    };
    if (!parsed.success) return refused(zodErrors(parsed.error));

    const context: OperationContext = { store: this.store, actor, faults: this.faultKnobs };
    try {
      if (handler.kind === 'query') {
        const data = (handler.run as (c: OperationContext, v: unknown) => unknown)(context, parsed.data);
        return { kind: 'data', data: this.conform(operation, data) };
      }
      const plan = (handler.plan as (c: OperationContext, v: unknown) => { commit: () => unknown })(context, parsed.data);
      if (this.faultKnobs.consumeMutation()) {
        const message = 'Internal server error (injected: failNthMutation)';
        this.logs.refused({ at: this.store.state.now, operation, actorId, variables: parsed.data, reason: 'fault', errors: [error('INTERNAL', message)] });
        return { kind: 'server-error', status: 500, message };
      }
      const data = this.conform(operation, plan.commit());
      this.logs.accepted({ at: this.store.state.now, operation, actorId, variables: parsed.data, result: data });
      const lost = this.faultKnobs.consumeAnswer();
      if (lost) return { kind: 'answer-lost', how: lost, message: `The change was made, but its answer was lost (injected: loseNthAnswer, ${lost}).` };
      return { kind: 'data', data };
    } catch (caught) {
      if (caught instanceof Refused) return refused(caught.errors);
      throw caught;
    }
  }

  /** Typed convenience for tests and scripts: the data, or an OperationFailed. */
  call<Op extends OperationName>(operation: Op, variables: Variables<Op>, options: { actorId?: string } = {}): Data<Op> {
    const outcome = this.execute(operation, variables, options);
    if (outcome.kind !== 'data') throw new OperationFailed(outcome);
    return outcome.data as Data<Op>;
  }

  // ---- sessions ---------------------------------------------------------------------------

  /** The org's id and url (cheap; `state()` copies everything). */
  org(): { id: number; url: string; name: string } {
    const { id, url, name } = this.store.org;
    return { id, url, name };
  }

  /** The member whose browser the double signs in on a page load. */
  signedInMemberId(): string {
    return this.store.state.signedInMemberId;
  }

  /**
   * Signs in as someone else: later page loads and `sessionCookie()` get tokens for this member.
   * Every earlier token ends, so a reload in the browser picks up the new person. Returns the new token.
   */
  signIn(memberId: string): string {
    const member = this.store.member(memberId);
    if (!member) throw new Error(`signIn: no member with id "${memberId}"`);
    if (member.status !== 'joined') throw new Error(`signIn: ${member.email} has not joined (status ${member.status})`);
    this.store.state.signedInMemberId = memberId;
    this.sessions.expireAll();
    return this.sessions.issue(memberId);
  }

  /**
   * Sets when a member was last active (an ISO time, or null: never), so a test can make a content
   * recipient inactive mid-run (the 30-day rule of RemoveMembers is measured from the double's
   * `now`). Pending members have no activity to set. Returns the member's id.
   */
  setLastActive(email: string, lastActiveAt: string | null): string {
    const member = this.store.memberByEmail(email);
    if (!member) throw new Error(`setLastActive: no member with email "${email}"`);
    if (member.status !== 'joined') throw new Error(`setLastActive: ${member.email} has not joined (status ${member.status})`);
    if (lastActiveAt !== null && Number.isNaN(Date.parse(lastActiveAt))) throw new Error(`setLastActive: "${lastActiveAt}" is not a time`);
    member.lastActiveAt = lastActiveAt === null ? null : new Date(lastActiveAt).toISOString();
    return member.id;
  }

  /** A new token for the signed-in member (what SSO hands a browser on a page load). */
  issueSession(): string {
    return this.sessions.issue(this.signedInMemberId());
  }

  /** A valid token for the signed-in member: the newest one, or a new one. */
  currentSession(): string {
    return this.sessions.latestFor(this.signedInMemberId()) ?? this.issueSession();
  }

  /** The member a token stands for, or null when the token is unknown, expired or its member left. */
  sessionMember(token: string | null | undefined): string | null {
    if (!token) return null;
    const memberId = this.sessions.memberOf(token);
    if (memberId === null) return null;
    const member = this.store.member(memberId);
    return member && member.status === 'joined' ? memberId : null;
  }

  // ---- the days in between (tests only) ------------------------------------------------------

  /**
   * A pending invite accepted (accept-invite.ts): joined now, everything the invite set kept;
   * optionally last active at a given time. Throws AcceptInviteError for an email that is not pending.
   */
  acceptInvite(request: AcceptInvite): StoredMember {
    return acceptInvite(this.store, request);
  }

  // ---- knobs ------------------------------------------------------------------------------

  setLatency(latency: { ms: number; jitterMs?: number }): void {
    if (!(latency.ms >= 0) || !((latency.jitterMs ?? 0) >= 0)) throw new Error('setLatency: ms and jitterMs must be non-negative numbers');
    this.latencySettings = { ms: latency.ms, jitterMs: latency.jitterMs ?? 0 };
    this.jitter = stream(this.store.org.id, 'latency'); // same settings, same sequence of delays
  }

  latency(): LatencySettings {
    return { ...this.latencySettings };
  }

  /** The delay for the next API answer (draws from the jitter PRNG). */
  nextDelayMs(): number {
    const { ms, jitterMs } = this.latencySettings;
    return jitterMs > 0 ? ms + Math.floor(this.jitter() * (jitterMs + 1)) : ms;
  }

  /** Merges fault knobs (see faults.ts). `sessionExpired: true` ends every session issued so far. */
  setFaults(settings: FaultSettingsInput): void {
    const valid = FaultSettings.parse(settings);
    this.faultKnobs.set(valid);
    if (valid.sessionExpired) this.sessions.expireAll();
  }

  clearFaults(): void {
    this.faultKnobs.clear();
  }

  faults(): ActiveFaults {
    return this.faultKnobs.current();
  }

  /**
   * The landmark switch (shared/landmarks.ts): renames or removes a landmark of the page from its
   * next load. Merges like setFaults: a key left out keeps its value; `null` removes the landmark.
   */
  setLandmarks(settings: LandmarkSettings): void {
    const valid = LandmarkSettings.parse(settings);
    this.landmarkSettings = { ...this.landmarkSettings, ...valid };
  }

  /** Every landmark back as documented, from the page's next load. */
  clearLandmarks(): void {
    this.landmarkSettings = {};
  }

  landmarks(): LandmarkSettings {
    return { ...this.landmarkSettings };
  }

  /**
   * The markup-variant switch (shared/markup.ts): the page renders with other markup from its next
   * load. A variant name, or `{variant?, ...flags}` (the variant's flags with these on top).
   * Replaces the previous markup (unlike setLandmarks, nothing is merged). Throws a ZodError naming
   * the bad flag; the markup is then unchanged.
   */
  setMarkup(request: MarkupRequest): MarkupFlags {
    this.markupSettings = resolveMarkup(request);
    return this.markup();
  }

  /** The default rendition again, from the page's next load. */
  clearMarkup(): void {
    this.markupSettings = markupFlags('default');
  }

  /** Every flag, defaults filled in. */
  markup(): MarkupFlags {
    return { ...this.markupSettings };
  }

  /** Draws for the 503 fault; the transport asks once per API call. */
  shouldFailRequest(): boolean {
    return this.faultKnobs.shouldFailRequest();
  }

  // ---- what happened ----------------------------------------------------------------------

  /** Every accepted mutation, oldest first. */
  mutations(): MutationLogEntry[] {
    return this.logs.mutations();
  }

  /** Refused and fault-failed mutation attempts, for debugging. */
  refusals(): RefusedAttempt[] {
    return this.logs.refusals();
  }

  /** Every API request by operation name, with its HTTP status. */
  requestLog(): RequestLogEntry[] {
    return this.logs.requests();
  }

  recordRequest(operation: string, status: number): void {
    this.logs.request(operation, status);
  }

  /** The whole org (a copy): seed shape plus `unassignedContent` and invite settings per member. */
  state(): OrgState {
    return this.store.snapshot();
  }

  private install(store: OrgStore): void {
    this.store = store;
    this.faultKnobs = new Faults(store.org.id);
    this.logs = new Logs();
    this.latencySettings = { ms: 0, jitterMs: 0 };
    this.landmarkSettings = {};
    this.markupSettings = markupFlags('default');
    this.jitter = stream(store.org.id, 'latency');
  }

  /** Checks an answer against the contract, so a drift shows up here and not in a client. */
  private conform(operation: OperationName, data: unknown): unknown {
    const result = (OPERATIONS[operation].data as z.ZodType).safeParse(data);
    if (!result.success) throw new Error(`The double's ${operation} answer breaks the contract: ${result.error.message}`);
    return result.data;
  }
}
