// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { declaredVariables, queryNames, responseShape, SHAPE_LIMITS, variablesShape } from './shapes';

const USERS_QUERY = `query Users($first: Int, $search: String) {
  # a comment naming maya.okafor
  users(first: $first, search: $search, note: "Maya Okafor") { id email name orgRole hasOutstandingInvite orgTeam createdAt permissions }
}`;

const answer = {
  data: {
    users: [
      { id: 'm-1', email: 'maya.okafor@lumenfield.example', name: 'Maya Okafor', orgRole: 4, hasOutstandingInvite: false, orgTeam: 'Growth', createdAt: 1735689600 },
      { id: 'm-2', email: 'dan@lumenfield.example', name: 'dan@lumenfield.example', orgRole: 7, hasOutstandingInvite: true, orgTeam: null, createdAt: 1735689601 },
      // A JSON scalar keyed by data: its keys must not come out.
      { id: 'm-3', email: 'x@y.example', name: 'X', orgRole: 0, hasOutstandingInvite: false, orgTeam: null, createdAt: 1, permissions: { 'p-3': ['VIEW'], Okafor: true, 'maya@lumenfield.example': 1 } },
    ],
  },
};

const VALUES = ['m-1', 'm-2', 'm-3', 'maya', 'Maya', 'Okafor', 'lumenfield', '@', 'Growth', 'p-3', 'VIEW', '4', '7', '1735689600', 'X'];

describe('shapes: names and types, never values', () => {
  it('lists every path of the answer with the types seen there', () => {
    expect(responseShape(answer, USERS_QUERY)).toEqual([
      ['data', ['object']],
      ['data.users', ['array']],
      ['data.users[]', ['object']],
      ['data.users[].createdAt', ['number']],
      ['data.users[].email', ['string']],
      ['data.users[].hasOutstandingInvite', ['boolean']],
      ['data.users[].id', ['string']],
      ['data.users[].name', ['string']],
      ['data.users[].orgRole', ['number']],
      ['data.users[].orgTeam', ['string', 'null']],
      ['data.users[].permissions', ['object']],
      ['data.users[].permissions.*', ['number', 'boolean', 'array']],
      ['data.users[].permissions.*[]', ['string']],
    ]);
  });

  it('holds no value of the answer or the variables, not even in keys', () => {
    const variables = { first: 100, search: 'maya.okafor@lumenfield.example', input: { memberIds: ['m-1', 'm-2'], orgRole: 4, byEmail: { 'maya@lumenfield.example': 'Okafor' }, Maya: 'Growth' } };
    const text = JSON.stringify([responseShape(answer, USERS_QUERY), variablesShape(variables, USERS_QUERY)]);
    for (const value of VALUES) expect(text, value).not.toContain(value);
  });

  it('keeps a key of data only when the query text selects it (strings and comments do not count)', () => {
    expect(queryNames(USERS_QUERY).has('users')).toBe(true);
    expect(queryNames(USERS_QUERY).has('Maya')).toBe(false);
    expect(queryNames(USERS_QUERY).has('maya')).toBe(false);
    const keyedByName = { data: { users: [{ Maya: 1, name: 'x' }] } };
    expect(responseShape(keyedByName, USERS_QUERY).map(([path]) => path)).toEqual(['data', 'data.users', 'data.users[]', 'data.users[].*', 'data.users[].name']);
    // Without a query text nothing below data can be told to be a name.
    expect(responseShape({ data: { users: [] } }, null)).toEqual([
      ['data', ['object']],
      ['data.*', ['array']],
    ]);
  });

  it('describes the error envelope', () => {
    const refused = { errors: [{ message: 'Cannot query field "users" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED', 'maya@x.example': 1 } }], data: null };
    expect(responseShape(refused, USERS_QUERY)).toEqual([
      ['data', ['null']],
      ['errors', ['array']],
      ['errors[]', ['object']],
      ['errors[].extensions', ['object']],
      ['errors[].extensions.*', ['number']],
      ['errors[].extensions.code', ['string']],
      ['errors[].message', ['string']],
    ]);
  });

  it('names the declared variables, and field-like keys of input objects', () => {
    expect([...declaredVariables(USERS_QUERY)].sort()).toEqual(['first', 'search']);
    const variables = { first: 100, search: null, undeclared: 'x', input: { actions: ['INVITE_NEW_USERS'], appIds: [1, 'p-2'], Maya: true, 'a@b.example': 1 } };
    expect(variablesShape(variables, USERS_QUERY)).toEqual([
      ['*', ['string', 'object']],
      ['*.*', ['number', 'boolean']],
      ['*.actions', ['array']],
      ['*.actions[]', ['string']],
      ['*.appIds', ['array']],
      ['*.appIds[]', ['string', 'number']],
      ['first', ['number']],
      ['search', ['null']],
    ]);
    expect(variablesShape({ input: { actions: [] } }, 'query Q($input: In!) { q(input: $input) { ok } }')).toEqual([
      ['input', ['object']],
      ['input.actions', ['array']],
    ]);
    expect(variablesShape('not an object', USERS_QUERY)).toEqual([]);
  });

  it('stays within its limits on hostile answers', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = { users: deep };
    expect(responseShape({ data: deep }, USERS_QUERY).length).toBeLessThanOrEqual(SHAPE_LIMITS.depth + 1);
    const wide = { data: { users: Array.from({ length: 5000 }, (_, i) => ({ [`f${i}`]: i })) } };
    const shape = responseShape(wide, `query { users { ${Array.from({ length: 5000 }, (_, i) => `f${i}`).join(' ')} } }`);
    expect(shape.length).toBeLessThanOrEqual(SHAPE_LIMITS.paths);
  });
});
