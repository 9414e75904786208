import { describe, expect, it } from 'vitest';
import { detectMembersPage, findMembersHeading, parseSettingsLocation } from './page';

describe('parseSettingsLocation', () => {
  it.each([
    ['https://app.amplitude.com/analytics/demo-org/settings/members', { orgUrl: 'demo-org', settingsPath: 'members' }],
    ['https://app.eu.amplitude.com/analytics/acme/settings/members?tab=groups', { orgUrl: 'acme', settingsPath: 'members' }],
    ['https://app.amplitude.com/analytics/org/123456/settings/projects/', { orgUrl: 'org/123456', settingsPath: 'projects' }],
    ['https://app.amplitude.com/analytics/acme/settings', { orgUrl: 'acme', settingsPath: '' }],
  ])('reads %s', (href, expected) => {
    expect(parseSettingsLocation(href)).toEqual(expected);
  });

  it.each([
    'https://app.amplitude.com/analytics/acme/chart/abc',
    'https://app.amplitude.com/settings/members',
    'https://app.amplitude.com/analytics/org/settings/members',
    'not a url',
  ])('rejects %s', (href) => {
    expect(parseSettingsLocation(href)).toBeNull();
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
