/** The landmark switch: set through the control API, carried into the page by a meta tag. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleDouble } from './double';
import { landmarksMetaTag, readLandmarkSettings } from '../shared/landmarks';

function doubleWithPage() {
  const distDir = mkdtempSync(path.join(tmpdir(), 'double-dist-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  return createConsoleDouble({ distDir });
}

const control = (double: ReturnType<typeof createConsoleDouble>, method: string, route: string, body?: unknown) =>
  double.handle({ method, url: `https://app.amplitude.com/__double/${route}`, headers: {}, body: body === undefined ? null : JSON.stringify(body) });

const pageHtml = async (double: ReturnType<typeof createConsoleDouble>) =>
  String((await double.handle({ method: 'GET', url: 'https://app.amplitude.com/analytics/demo-org/settings/members', headers: {}, body: null })).body);

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('landmark switch', () => {
  it('leaves the page untouched until flipped, then names the switch in the page', async () => {
    const double = doubleWithPage();
    expect(await pageHtml(double)).not.toContain('console-double-landmarks');

    const set = await control(double, 'POST', 'landmarks', { inviteButton: 'Add Users', usersTableName: null });
    expect(set.status).toBe(200);
    const html = await pageHtml(double);
    expect(readLandmarkSettings(parse(html))).toEqual({ inviteButton: 'Add Users', usersTableName: null });

    // Merges: a key left out keeps its value.
    await control(double, 'POST', 'landmarks', { inviteButton: null });
    expect(JSON.parse(String((await control(double, 'GET', 'landmarks')).body))).toEqual({ inviteButton: null, usersTableName: null });

    await control(double, 'POST', 'landmarks/clear');
    expect(await pageHtml(double)).not.toContain('console-double-landmarks');
  });

  it('refuses unknown landmarks and empty names, and a reset clears the switch', async () => {
    const double = doubleWithPage();
    expect((await control(double, 'POST', 'landmarks', { heading: 'x' })).status).toBe(400);
    expect((await control(double, 'POST', 'landmarks', { inviteButton: '' })).status).toBe(400);
    double.backend.setLandmarks({ inviteButton: 'Add Users' });
    double.backend.reset();
    expect(double.backend.landmarks()).toEqual({});
  });

  it('escapes the JSON so a name cannot break out of the attribute', () => {
    const tag = landmarksMetaTag({ inviteButton: '"><script>x</script>' });
    expect(tag).not.toContain('<script>');
    expect(readLandmarkSettings(parse(`<head>${tag}</head>`))).toEqual({ inviteButton: '"><script>x</script>' });
  });
});
