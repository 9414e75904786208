import { describe, expect, it } from 'vitest';
import { detectMembersPage, findMembersHeading, orgIdOfKey, orgOfConsoleAddress, parseSettingsLocation } from './page';

describe('parseSettingsLocation', () => {
  it.each([
    ['https://app.amplitude.com/analytics/demo-org/settings/members', { form: 'org-url', orgUrl: 'demo-org', orgId: null, settingsPath: 'members' }],
    ['https://app.eu.amplitude.com/analytics/acme/settings/members?tab=groups', { form: 'org-url', orgUrl: 'acme', orgId: null, settingsPath: 'members' }],
    ['https://app.amplitude.com/analytics/acme/settings', { form: 'org-url', orgUrl: 'acme', orgId: null, settingsPath: '' }],
    ['https://app.amplitude.com/analytics/acme%20co/settings/members#top', { form: 'org-url', orgUrl: 'acme co', orgId: null, settingsPath: 'members' }],
    // The numeric form keeps the key `org/<id>` it always had (the cache is stored under it).
    ['https://app.amplitude.com/analytics/org/412345/settings/members', { form: 'org-id', orgUrl: 'org/412345', orgId: 412345, settingsPath: 'members' }],
    ['https://app.eu.amplitude.com/analytics/org/123456/settings/projects/', { form: 'org-id', orgUrl: 'org/123456', orgId: 123456, settingsPath: 'projects' }],
    ['https://analytics.amplitude.com/demo-org/settings/members', { form: 'legacy', orgUrl: 'demo-org', orgId: null, settingsPath: 'members' }],
    ['https://analytics.amplitude.com/demo-org/settings/members/?view=pending', { form: 'legacy', orgUrl: 'demo-org', orgId: null, settingsPath: 'members' }],
    // [guess] the legacy host serving the app's paths
    ['https://analytics.amplitude.com/analytics/demo-org/settings/members', { form: 'org-url', orgUrl: 'demo-org', orgId: null, settingsPath: 'members' }],
  ])('reads %s', (href, expected) => {
    expect(parseSettingsLocation(href)).toEqual(expected);
  });

  it.each([
    'https://app.amplitude.com/analytics/acme/chart/abc',
    'https://app.amplitude.com/settings/members',
    'https://app.amplitude.com/analytics/org/settings/members',
    'https://app.amplitude.com/analytics/org/12ab/settings/members',
    'https://app.amplitude.com/analytics/org/0/settings/members',
    'https://app.amplitude.com/analytics/acme/team/settings/members',
    // the legacy form is an address of the legacy host only
    'https://app.amplitude.com/demo-org/settings/members',
    'https://app.eu.amplitude.com/demo-org/settings/members',
    'https://analytics.amplitude.com/settings/members',
    'https://analytics.amplitude.com/org/settings/members',
    'https://analytics.amplitude.com/demo-org/chart/settings',
    'https://analytics.amplitude.com/demo-org/settingsx',
    'https://app.amplitude.com/analytics/%E0%A4%A/settings/members',
    'not a url',
  ])('rejects %s', (href) => {
    expect(parseSettingsLocation(href)).toBeNull();
  });
});

describe('orgOfConsoleAddress', () => {
  it('names the org of any page of it, as parseSettingsLocation keys it', () => {
    expect(orgOfConsoleAddress('https://app.amplitude.com/analytics/acme/settings/members')).toBe('acme');
    expect(orgOfConsoleAddress('https://app.amplitude.com/analytics/acme/home')).toBe('acme');
    expect(orgOfConsoleAddress('https://app.amplitude.com/analytics/acme')).toBe('acme');
    expect(orgOfConsoleAddress('https://app.eu.amplitude.com/analytics/org/123/chart/new')).toBe('org/123');
    expect(orgOfConsoleAddress('https://analytics.amplitude.com/acme/dashboards')).toBe('acme');
    for (const href of ['https://app.amplitude.com/analytics/acme/settings/members', 'https://app.amplitude.com/analytics/org/42/settings/members', 'https://analytics.amplitude.com/legacy-org/settings/members']) {
      expect(orgOfConsoleAddress(href)).toBe(parseSettingsLocation(href)?.orgUrl);
    }
  });

  it('names none for addresses without an org', () => {
    for (const href of ['https://app.amplitude.com/login', 'https://app.amplitude.com/analytics/org/settings', 'https://app.amplitude.com/analytics/org/0/x', 'not a url']) {
      expect(orgOfConsoleAddress(href), href).toBeNull();
    }
  });
});

describe('orgIdOfKey', () => {
  it('reads the id of the numeric form only', () => {
    expect(orgIdOfKey('org/412345')).toBe(412345);
    expect(orgIdOfKey('demo-org')).toBeNull();
    expect(orgIdOfKey('org/412345/x')).toBeNull();
    expect(orgIdOfKey('my-org/1')).toBeNull();
  });
});

describe('findMembersHeading', () => {
  it('finds the heading by role and visible text, ignoring whitespace', () => {
    document.body.replaceChildren();
    const other = document.createElement('h1');
    other.textContent = 'Projects';
    const heading = document.createElement('div');
    heading.setAttribute('role', 'heading');
    heading.textContent = '  Team Members\n  & Groups ';
    document.body.append(other, heading);
    expect(findMembersHeading()).toBe(heading);
  });

  it.each(['Team members & groups', 'TEAM MEMBERS & GROUPS', 'Team  Members &\nGroups'])(
    'takes "%s" in any casing as the heading',
    (text) => {
      document.body.replaceChildren();
      const heading = document.createElement('h1');
      heading.textContent = text;
      document.body.append(heading);
      expect(findMembersHeading()).toBe(heading);
    },
  );

  it('does not take text that merely contains the heading', () => {
    document.body.replaceChildren();
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Team Members & Groups';
    const heading = document.createElement('h2');
    heading.textContent = 'About Team Members & Groups';
    document.body.append(paragraph, heading);
    expect(findMembersHeading()).toBeNull();
  });
});

describe('detectMembersPage', () => {
  it('needs both the settings URL and the heading', () => {
    document.body.replaceChildren();
    const heading = document.createElement('h1');
    heading.textContent = 'Team Members & Groups';
    document.body.append(heading);
    expect(detectMembersPage('https://app.amplitude.com/analytics/acme/settings/members')?.heading).toBe(heading);
    expect(detectMembersPage('https://app.amplitude.com/analytics/acme/home')).toBeNull();
    heading.remove();
    expect(detectMembersPage('https://app.amplitude.com/analytics/acme/settings/members')).toBeNull();
  });
});
