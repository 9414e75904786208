// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { createConsoleDouble, type ConsoleDouble } from './double';
import { backendWith } from './test-support';

const D = 'lumenfield.example';

function api(double: ConsoleDouble, operation: string, variables: unknown = {}) {
  return double.handle({
    method: 'POST',
    url: `https://app.amplitude.com/t/graphql/org-url/demo-org?q=${operation}`,
    headers: { cookie: `amp_session=${double.sessionCookie().value}`, 'x-org': '412345', origin: 'https://app.amplitude.com' },
    body: JSON.stringify({ operationName: operation, variables, query: '' }),
  });
}

const invite = (double: ConsoleDouble, local: string) => api(double, 'InviteUsers', { invites: [{ email: `${local}@${D}`, teamId: null }] });

describe('latency', () => {
  it('delays every API answer by at least ms', async () => {
    const double = createConsoleDouble();
    double.backend.setLatency({ ms: 60 });
    const started = performance.now();
    const response = await api(double, 'Projects');
    expect(response.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('draws jitter from a deterministic PRNG, within [ms, ms + jitterMs]', () => {
    const delays = () => {
      const backend = backendWith('demo');
      backend.setLatency({ ms: 100, jitterMs: 50 });
      return Array.from({ length: 20 }, () => backend.nextDelayMs());
    };
    const first = delays();
    expect(delays()).toEqual(first);
    expect(first.every((d) => d >= 100 && d <= 150)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(5);

    // setting it again, or a reset, restarts the sequence
    const backend = backendWith('demo');
    backend.setLatency({ ms: 100, jitterMs: 50 });
    backend.nextDelayMs();
    backend.setLatency({ ms: 100, jitterMs: 50 });
    expect(Array.from({ length: 20 }, () => backend.nextDelayMs())).toEqual(first);
    backend.reset();
    expect(backend.latency()).toEqual({ ms: 0, jitterMs: 0 });
  });

  it('is set through the control API', async () => {
    const double = createConsoleDouble();
    const response = await double.handle({ method: 'POST', url: 'http://localhost:4173/__double/latency', headers: {}, body: JSON.stringify({ ms: 5, jitterMs: 3 }) });
    expect(response.status).toBe(200);
    expect(double.backend.latency()).toEqual({ ms: 5, jitterMs: 3 });
  });
});

describe('faults', () => {
  it('loseNthAnswer: the Nth accepted mutation is applied and logged, then answers 502 or drops the connection', async () => {
    const double = createConsoleDouble();
    double.backend.setFaults({ loseNthAnswer: { nth: 2, how: 'server-error' } });
    expect((await invite(double, 'one')).status).toBe(200);
    expect((await invite(double, 'maya.okafor')).status).toBe(200); // refused: does not count
    const lost = await invite(double, 'two');
    expect(lost.status).toBe(502);
    expect(lost.dropConnection).toBeUndefined();
    expect(JSON.parse(String(lost.body)).errors[0].extensions.code).toBe('INTERNAL');
    // Applied all the same: pending, and in the mutation log once.
    expect(double.backend.state().members.find((m) => m.email === `two@${D}`)?.status).toBe('pending');
    expect(double.backend.mutations()).toHaveLength(2);
    expect(double.backend.faults().lostAnswer).toBeNull(); // one-shot

    double.backend.setFaults({ loseNthAnswer: { how: 'drop' } });
    const dropped = await invite(double, 'three');
    expect(dropped.dropConnection).toBe(true);
    expect(double.backend.state().members.find((m) => m.email === `three@${D}`)?.status).toBe('pending');
    expect(double.backend.requestLog().at(-1)).toMatchObject({ operation: 'InviteUsers', status: 0 });
    expect((await invite(double, 'four')).status).toBe(200);
  });

  it('failNthMutation: the Nth accepted mutation answers 500 and changes nothing', async () => {
    const double = createConsoleDouble();
    double.backend.setFaults({ failNthMutation: 2 });
    expect((await invite(double, 'one')).status).toBe(200);
    // refused attempts do not count
    expect((await invite(double, 'maya.okafor')).status).toBe(200);
    await api(double, 'MemberCounts');
    const failed = await invite(double, 'two');
    expect(failed.status).toBe(500);
    expect(JSON.parse(String(failed.body)).errors[0].extensions.code).toBe('INTERNAL');
    expect(double.backend.state().members.some((m) => m.email === `two@${D}`)).toBe(false);
    // one-shot: the next one goes through
    expect((await invite(double, 'two')).status).toBe(200);
    expect(double.backend.mutations().map((m) => (m.variables as { invites: { email: string }[] }).invites[0]!.email)).toEqual([`one@${D}`, `two@${D}`]);
    expect(double.backend.refusals().map((r) => r.reason)).toEqual(['refused', 'fault']);
  });

  it('failEmails through the control API', async () => {
    const double = createConsoleDouble();
    await double.handle({
      method: 'POST',
      url: 'http://localhost:4173/__double/faults',
      headers: {},
      body: JSON.stringify({ failEmails: { emails: [`x@${D}`], code: 'ALREADY_INVITED', message: 'x@ already has a pending invite.' } }),
    });
    const body = JSON.parse(String((await invite(double, 'x')).body));
    expect(body.errors).toEqual([{ message: 'x@ already has a pending invite.', path: ['invites', '0', 'email'], extensions: { code: 'ALREADY_INVITED', email: `x@${D}`, field: 'invites[0].email' } }]);
  });

  it('serverErrorRate answers 503 on a deterministic share of calls', async () => {
    const pattern = async () => {
      const double = createConsoleDouble();
      double.backend.setFaults({ serverErrorRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await api(double, 'MemberCounts')).status);
      return statuses;
    };
    const first = await pattern();
    expect(await pattern()).toEqual(first);
    expect(first.filter((s) => s === 503).length).toBeGreaterThan(5);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(5);

    const always = createConsoleDouble();
    always.backend.setFaults({ serverErrorRate: 1 });
    const failed = await api(always, 'Projects');
    expect(failed.status).toBe(503);
    expect(always.backend.requestLog()).toEqual([{ seq: 1, operation: 'Projects', status: 503 }]);
  });

  it('clearFaults turns every knob off', async () => {
    const double = createConsoleDouble();
    double.backend.setFaults({ serverErrorRate: 1, failNthMutation: 1, loseNthAnswer: { nth: 1, how: 'drop' }, failEmails: { emails: [`a@${D}`], code: 'FORBIDDEN', message: 'no' } });
    const response = await double.handle({ method: 'POST', url: 'http://localhost:4173/__double/faults/clear', headers: {}, body: null });
    expect(JSON.parse(String(response.body)).faults).toEqual({ mutationsUntilFailure: null, lostAnswer: null, failEmails: null, serverErrorRate: 0, sessionExpired: false, unknownOperations: [] });
    expect((await invite(double, 'a')).status).toBe(200);
    expect(double.backend.mutations()).toHaveLength(1);
  });
});

describe('unknownOperations fault', () => {
  const control = (double: ConsoleDouble, route: string, body?: unknown) =>
    double.handle({ method: 'POST', url: `http://localhost:4173/__double/${route}`, headers: {}, body: body === undefined ? null : JSON.stringify(body) });
  const bodyOf = async (response: Promise<{ body: string | Uint8Array }>) => JSON.parse(String((await response).body));

  it('answers 200 with the "Cannot query field" error of a server without the operation', async () => {
    const double = createConsoleDouble();
    const set = await bodyOf(control(double, 'faults', { unknownOperations: ['GlobalSearch', 'OrgMembers'] }));
    expect(set.faults.unknownOperations).toEqual(['GlobalSearch', 'OrgMembers']);
    const search = await api(double, 'GlobalSearch', { searchContentTypes: ['CHART'] });
    expect(search.status).toBe(200);
    expect(JSON.parse(String(search.body))).toEqual({
      errors: [{ message: 'Cannot query field "unisearchContentSearch" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }],
    });
    expect(JSON.parse(String((await api(double, 'OrgMembers', { status: 'joined' })).body)).errors[0].message).toBe('Cannot query field "members" on type "Query".');
    // every other operation still answers
    expect(JSON.parse(String((await api(double, 'Users')).body)).data.users).toHaveLength(30);
    expect(JSON.parse(String((await api(double, 'Projects')).body)).data.projects).toHaveLength(8);
  });

  it('works in-process, names each operation by its root field, and leaves a mutation undone', () => {
    const double = createConsoleDouble();
    double.backend.setFaults({ unknownOperations: ['Users', 'OrgData', 'RemoveMembers'] });
    const messageOf = (operation: string, variables: unknown) => {
      const outcome = double.backend.execute(operation, variables);
      if (outcome.kind !== 'errors') throw new Error(`${operation} answered ${outcome.kind}`);
      return outcome.errors.map((e) => `${e.extensions.code}: ${e.message}`);
    };
    expect(messageOf('Users', {})).toEqual(['GRAPHQL_VALIDATION_FAILED: Cannot query field "users" on type "Query".']);
    expect(messageOf('OrgData', { product: 'analytics' })).toEqual(['GRAPHQL_VALIDATION_FAILED: Cannot query field "apps" on type "Query".']);
    expect(messageOf('RemoveMembers', { memberIds: ['u-19'], transferToMemberId: null })).toEqual(['GRAPHQL_VALIDATION_FAILED: Cannot query field "removeMembers" on type "Mutation".']);
    expect(double.backend.state().members.some((m) => m.id === 'u-19')).toBe(true);
    expect(double.backend.mutations()).toEqual([]);
    expect(double.backend.refusals()).toMatchObject([{ operation: 'RemoveMembers', reason: 'fault' }]);
    // even invalid variables: the server does not know the field at all
    expect(messageOf('Users', { nonsense: 1 })).toHaveLength(1);
  });

  it('merges with the other faults, replaces its own list, and goes with clear and reset', async () => {
    const double = createConsoleDouble();
    double.backend.setFaults({ unknownOperations: ['GlobalSearch'] });
    double.backend.setFaults({ failNthMutation: 2 });
    expect(double.backend.faults()).toMatchObject({ unknownOperations: ['GlobalSearch'], mutationsUntilFailure: 2 });
    double.backend.setFaults({ unknownOperations: ['TeamSpaces', 'TeamSpaces'] });
    expect(double.backend.faults().unknownOperations).toEqual(['TeamSpaces']);
    expect((await api(double, 'GlobalSearch', { searchContentTypes: ['CHART'] })).status).toBe(200);
    expect(JSON.parse(String((await api(double, 'GlobalSearch', { searchContentTypes: ['CHART'] })).body)).data).toBeDefined();
    await control(double, 'faults/clear');
    expect(double.backend.faults().unknownOperations).toEqual([]);
    double.backend.setFaults({ unknownOperations: ['Users'] });
    double.backend.reset();
    expect(double.backend.faults().unknownOperations).toEqual([]);
    expect(double.backend.execute('Users', {}).kind).toBe('data');
  });

  it("spares the double's own page (it stands for the console, which has its operations)", async () => {
    const double = createConsoleDouble();
    double.backend.setFaults({ unknownOperations: ['OrgMembers', 'Users'] });
    const asPage = (operation: string, variables: unknown, mark = '1') =>
      double.handle({
        method: 'POST',
        url: `https://app.amplitude.com/t/graphql/org-url/demo-org?q=${operation}`,
        headers: { cookie: `amp_session=${double.sessionCookie().value}`, 'x-org': '412345', origin: 'https://app.amplitude.com', 'x-console-double-page': mark },
        body: JSON.stringify({ operationName: operation, variables, query: '' }),
      });
    expect(JSON.parse(String((await asPage('OrgMembers', { status: 'joined' })).body)).data.members.totalCount).toBe(24);
    expect(JSON.parse(String((await asPage('Users', {})).body)).data.users).toHaveLength(30);
    expect(JSON.parse(String((await asPage('Users', {}, '0')).body)).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.parse(String((await api(double, 'OrgMembers', { status: 'joined' })).body)).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses names that are not operations, and keeps the faults as they were', async () => {
    const double = createConsoleDouble();
    double.backend.setFaults({ unknownOperations: ['Users'] });
    const response = await control(double, 'faults', { unknownOperations: ['Userz'] });
    expect(response.status).toBe(400);
    expect(String(response.body)).toContain('unknownOperations.0');
    expect(double.backend.faults().unknownOperations).toEqual(['Users']);
    expect(() => double.backend.setFaults({ unknownOperations: ['Nope' as 'Users'] })).toThrow();
  });
});
