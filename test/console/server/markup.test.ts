/** The markup-variant switch: set through the control API or in process, carried into the page by a meta tag. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createConsoleDouble, type ConsoleDouble } from './double';
import { MARKUP_META, MARKUP_VARIANT_NAMES, markupFlags, markupMetaTag, readMarkupFlags } from '../shared/markup';

function doubleWithPage(): ConsoleDouble {
  const distDir = mkdtempSync(path.join(tmpdir(), 'double-dist-'));
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  return createConsoleDouble({ distDir });
}

const control = (double: ConsoleDouble, method: string, route: string, body?: unknown) =>
  double.handle({ method, url: `https://app.amplitude.com/__double/${route}`, headers: {}, body: body === undefined ? null : JSON.stringify(body) });

const bodyJson = (response: { body: string | Uint8Array }) => JSON.parse(String(response.body));

const pageHtml = async (double: ConsoleDouble) =>
  String((await double.handle({ method: 'GET', url: 'https://app.amplitude.com/analytics/demo-org/settings/members', headers: {}, body: null })).body);

const parse = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

describe('markup switch', () => {
  it('serves the page untouched by default, and the flags of a variant once set', async () => {
    const double = doubleWithPage();
    expect(await pageHtml(double)).not.toContain(MARKUP_META);
    expect(bodyJson(await control(double, 'GET', 'markup'))).toEqual(markupFlags('default'));

    const set = await control(double, 'POST', 'markup', { variant: 'aria-grid' });
    expect(set.status).toBe(200);
    expect(bodyJson(set).markup).toMatchObject({ usersList: 'grid', actions: 'div', confirmDialogRole: 'alertdialog', dialogName: 'heading', labelCase: 'as-is' });
    expect(readMarkupFlags(parse(await pageHtml(double)))).toEqual(markupFlags('aria-grid'));
  });

  it('puts given flags on top of the variant and replaces the previous markup', async () => {
    const double = doubleWithPage();
    await control(double, 'POST', 'markup', { variant: 'plain-divs' });
    await control(double, 'POST', 'markup', { variant: 'reworded', labelCase: 'sentence' });
    expect(double.backend.markup()).toEqual({ ...markupFlags('reworded'), labelCase: 'sentence' });

    // Flags alone start from the default rendition: nothing of plain-divs or reworded is left.
    await control(double, 'POST', 'markup', { actions: 'div' });
    expect(double.backend.markup()).toEqual({ ...markupFlags('default'), actions: 'div' });
    expect(readMarkupFlags(parse(await pageHtml(double)))).toEqual({ ...markupFlags('default'), actions: 'div' });
  });

  it('clears through the control API and on reset', async () => {
    const double = doubleWithPage();
    double.backend.setMarkup('names-only');
    expect(double.backend.markup()).toEqual(markupFlags('names-only'));
    const cleared = await control(double, 'POST', 'markup/clear');
    expect(bodyJson(cleared).markup).toEqual(markupFlags('default'));
    expect(await pageHtml(double)).not.toContain(MARKUP_META);

    double.backend.setMarkup({ variant: 'aria-grid', chipCommit: 'comma-blur' });
    double.backend.reset();
    expect(double.backend.markup()).toEqual(markupFlags('default'));
    expect(await pageHtml(double)).not.toContain(MARKUP_META);
  });

  it('refuses unknown variants, unknown flags and bad values with a 400 naming them, and keeps the markup', async () => {
    const double = doubleWithPage();
    double.backend.setMarkup('aria-grid');
    const unknownVariant = await control(double, 'POST', 'markup', { variant: 'fancy' });
    expect(unknownVariant.status).toBe(400);
    expect(bodyJson(unknownVariant).error).toMatch(/variant.*fancy/);
    const unknownFlag = await control(double, 'POST', 'markup', { sparkles: true });
    expect(unknownFlag.status).toBe(400);
    expect(bodyJson(unknownFlag).error).toMatch(/sparkles/);
    const badValue = await control(double, 'POST', 'markup', { usersList: 'list' });
    expect(bodyJson(badValue).error).toMatch(/usersList/);
    expect((await control(double, 'POST', 'markup', ['grid'])).status).toBe(400);
    expect(() => double.backend.setMarkup('nope' as never)).toThrow(/unknown variant/);
    expect(double.backend.markup()).toEqual(markupFlags('aria-grid'));
  });

  it('lists its routes', async () => {
    const routes: string[] = bodyJson(await control(doubleWithPage(), 'GET', '')).routes;
    expect(routes.filter((route) => route.includes('/__double/markup'))).toHaveLength(3);
  });

  it('has variants that cover every flag value', () => {
    const seen = new Map<string, Set<unknown>>();
    for (const name of MARKUP_VARIANT_NAMES) for (const [flag, value] of Object.entries(markupFlags(name))) (seen.get(flag) ?? seen.set(flag, new Set()).get(flag)!).add(value);
    expect(Object.fromEntries([...seen].map(([flag, values]) => [flag, values.size]))).toEqual({
      usersList: 3, labelCase: 3, reworded: 2, dialogName: 2, confirmDialogRole: 2, personEmail: 3, actions: 2, chipCommit: 2, rowEmails: 2, removeListEmails: 2,
    });
  });

  it('escapes the JSON in the meta tag and reads anything malformed as the default', () => {
    const tag = markupMetaTag(markupFlags('plain-divs'));
    expect(tag).not.toContain('"usersList"');
    expect(readMarkupFlags(parse(`<head>${tag}</head>`))).toEqual(markupFlags('plain-divs'));
    expect(readMarkupFlags(parse(`<head><meta name="${MARKUP_META}" content="{nope"></head>`))).toEqual(markupFlags('default'));
    expect(readMarkupFlags(parse(`<head><meta name="${MARKUP_META}" content='{"usersList":"list"}'></head>`))).toEqual(markupFlags('default'));
  });
});
