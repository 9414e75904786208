/** What every operation handler receives and returns. */
import type { z } from 'zod';
import type { Data, OperationName, OPERATIONS } from '../../shared/operations';
import type { Faults } from '../faults';
import type { OrgStore, StoredMember } from '../store';

export interface OperationContext {
  store: OrgStore;
  /** The signed-in member making the call. */
  actor: StoredMember;
  faults: Faults;
}

export type ValidVariables<Op extends OperationName> = z.output<(typeof OPERATIONS)[Op]['variables']>;

/** A query answers straight away. */
export type QueryHandler<Op extends OperationName> = (context: OperationContext, variables: ValidVariables<Op>) => Data<Op>;

/**
 * A mutation checks every rule first and throws `Refused` without touching the store; if all pass
 * it returns `commit`, which applies the change. The split lets a fault turn an accepted mutation
 * into a 500 that changes nothing, and keeps InviteUsers atomic.
 */
export type MutationHandler<Op extends OperationName> = (context: OperationContext, variables: ValidVariables<Op>) => { commit: () => Data<Op> };
