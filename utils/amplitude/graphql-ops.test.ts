import { afterEach, describe, expect, it } from 'vitest';
import { graphqlOperationOf } from './graphql-ops';
import { noteOwnRequest, takeOwnRequest } from './own-requests';

const APP = 'https://app.amplitude.com';

describe('graphqlOperationOf', () => {
  it('reads the operation from both endpoint paths of this origin, absolute or relative', () => {
    expect(graphqlOperationOf(`${APP}/t/graphql/org/412345?q=OrgData`, APP)).toBe('OrgData');
    expect(graphqlOperationOf(`${APP}/t/graphql/org-url/demo-org?q=Users`, APP)).toBe('Users');
    expect(graphqlOperationOf('/t/graphql/org-url/demo%20org?q=TeamSpaces&x=1', APP)).toBe('TeamSpaces');
  });

  it('is null for other origins, other paths, and missing or made-up names', () => {
    expect(graphqlOperationOf(`https://app.eu.amplitude.com/t/graphql/org/1?q=OrgData`, APP)).toBeNull();
    expect(graphqlOperationOf(`${APP}/t/graphql/org/1/extra?q=OrgData`, APP)).toBeNull();
    expect(graphqlOperationOf(`${APP}/t/graphql/org/?q=OrgData`, APP)).toBeNull();
    expect(graphqlOperationOf(`${APP}/api/graphql?q=OrgData`, APP)).toBeNull();
    expect(graphqlOperationOf(`${APP}/t/graphql/org/1`, APP)).toBeNull();
    expect(graphqlOperationOf(`${APP}/t/graphql/org/1?q=maya%40lumenfield.example`, APP)).toBeNull();
    expect(graphqlOperationOf(`${APP}/t/graphql/org/1?q=${'A'.repeat(65)}`, APP)).toBeNull();
    expect(graphqlOperationOf('not a url', 'null')).toBeNull();
  });
});

describe('own requests', () => {
  afterEach(() => {
    // Drain whatever a test left.
    while (takeOwnRequest('OrgData', 1000)) {}
  });

  it('tells an entry of ours by operation and start time, once', () => {
    noteOwnRequest(`${location.origin}/t/graphql/org-url/acme?q=OrgData`, 1000);
    // The page's call of another operation at that moment, or of this one later, is not ours.
    expect(takeOwnRequest('Users', 1000.5)).toBe(false);
    expect(takeOwnRequest('OrgData', 1100)).toBe(false);
    expect(takeOwnRequest('OrgData', 1001.2)).toBe(true);
    // Taken: a second entry at the same moment is the page's.
    expect(takeOwnRequest('OrgData', 1001.2)).toBe(false);
  });

  it('notes only requests to the console endpoint of this page', () => {
    noteOwnRequest('https://elsewhere.example/t/graphql/org-url/acme?q=OrgData', 1000);
    expect(takeOwnRequest('OrgData', 1000)).toBe(false);
  });
});
