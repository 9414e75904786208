// @vitest-environment node
/** The page's address forms: by org url, by org id, and the legacy host's form; links keep the form. */
import { describe, expect, it } from 'vitest';
import { parseLocation, settingsPath } from './routing';

const parse = (pathname: string, search = '') => {
  const { org, base, page } = parseLocation({ pathname, search });
  return { org, base, page };
};

describe('parseLocation', () => {
  it('reads the org url form', () => {
    expect(parse('/analytics/demo-org/settings/members')).toEqual({ org: { kind: 'url', orgUrl: 'demo-org' }, base: '/analytics/demo-org', page: 'members' });
    expect(parse('/analytics/demo-org')).toMatchObject({ page: 'general' });
    expect(parse('/analytics/demo-org/settings/')).toMatchObject({ page: 'general' });
  });

  it('reads the numeric org id form', () => {
    expect(parse('/analytics/org/412345/settings/members')).toEqual({ org: { kind: 'id', orgId: 412345 }, base: '/analytics/org/412345', page: 'members' });
    expect(parse('/analytics/org/412345')).toMatchObject({ org: { kind: 'id', orgId: 412345 }, page: 'general' });
  });

  it('reads the legacy host form, only with /settings', () => {
    expect(parse('/demo-org/settings/members')).toEqual({ org: { kind: 'url', orgUrl: 'demo-org' }, base: '/demo-org', page: 'members' });
    expect(parse('/demo-org/settings')).toMatchObject({ base: '/demo-org', page: 'general' });
    expect(parse('/login')).toEqual({ org: null, base: '', page: null });
    expect(parse('/')).toEqual({ org: null, base: '', page: null });
    expect(parse('/demo-org/other/members')).toMatchObject({ org: null });
  });

  it('keeps the query', () => {
    expect(parseLocation({ pathname: '/demo-org/settings/members', search: '?tab=groups' }).search.get('tab')).toBe('groups');
  });

  it('builds links in the form the page was opened with', () => {
    for (const pathname of ['/analytics/demo-org/settings/members', '/analytics/org/412345/settings/members', '/demo-org/settings/members']) {
      const { base } = parse(pathname);
      expect(settingsPath(base, 'projects')).toBe(pathname.replace(/members$/, 'projects'));
      expect(parse(settingsPath(base, 'projects'))).toMatchObject({ base, page: 'projects' });
    }
  });
});
