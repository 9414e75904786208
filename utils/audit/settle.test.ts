// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { AuditPerson } from './entry';
import { membershipOf, outcomeAfterClose, SETTLE_AFTER_MS, settledOutcome } from './settle';

const olga: AuditPerson = { name: 'Olga', email: 'olga@acme.example', memberId: 'u-2', access: null, orgRole: 'user', content: null };
const tim: AuditPerson = { name: 'Tim', email: 'Tim@Acme.example', memberId: null, access: null, orgRole: null, content: null };
const nobody: AuditPerson = { name: 'Someone', email: null, memberId: null, access: null, orgRole: null, content: null };
const CONFIRMED = 1_000_000;
const entry = (...people: AuditPerson[]) => ({ at: CONFIRMED, people });

const everyone = membershipOf([
  { id: 'u-2', email: 'olga@acme.example' },
  { id: 'u-9', email: 'tim@acme.example' },
]);
const noOne = membershipOf([{ id: 'u-1', email: 'ada@acme.example' }]);

describe('settling a removal from a later read', () => {
  it('a read begun after the confirm that finds everyone gone settles it at once', () => {
    expect(settledOutcome(entry(olga, tim), noOne, CONFIRMED + 1)).toEqual({ status: 'gone', checkedAt: CONFIRMED + 1, detail: 'No longer in the org data.' });
  });

  it('a read begun before the confirm (or at it) proves nothing, whatever it shows', () => {
    expect(settledOutcome(entry(olga), noOne, CONFIRMED)).toBeNull();
    expect(settledOutcome(entry(olga), everyone, CONFIRMED - 5_000)).toBeNull();
  });

  it('someone still there is concluded only from a read begun long enough after the confirm', () => {
    expect(settledOutcome(entry(olga), everyone, CONFIRMED + SETTLE_AFTER_MS - 1)).toBeNull();
    expect(settledOutcome(entry(olga), everyone, CONFIRMED + SETTLE_AFTER_MS)).toMatchObject({ status: 'still-there', detail: 'Still in the org data: olga@acme.example.' });
    expect(settledOutcome(entry(olga, tim), membershipOf([{ id: 'u-9', email: 'tim@acme.example' }]), CONFIRMED + 10)).toBeNull();
    expect(settledOutcome(entry(olga, tim), membershipOf([{ id: 'u-9', email: 'tim@acme.example' }]), CONFIRMED + SETTLE_AFTER_MS)).toMatchObject({
      status: 'partial',
      detail: 'Still in the org data: Tim@Acme.example.',
    });
  });

  it('matches by member id, else by email in any case; someone the guard could not identify is never shown gone', () => {
    // Olga's email now belongs to someone else: her member id is what counts.
    expect(settledOutcome(entry(olga), membershipOf([{ id: 'u-7', email: 'olga@acme.example' }]), CONFIRMED + 1)?.status).toBe('gone');
    expect(settledOutcome(entry(tim), membershipOf([{ id: 'u-9', email: 'tim@acme.example' }]), CONFIRMED + 1)).toBeNull();
    expect(settledOutcome(entry(nobody), noOne, CONFIRMED + 1)).toBeNull();
  });

  it('after the dialog closed (the console acted), the read decides at once either way', () => {
    expect(outcomeAfterClose(entry(olga), everyone, 5)).toMatchObject({ status: 'still-there', checkedAt: 5 });
    expect(outcomeAfterClose(entry(olga), noOne, 5)).toMatchObject({ status: 'gone', checkedAt: 5 });
  });
});
