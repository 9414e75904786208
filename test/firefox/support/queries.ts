/**
 * Finding elements the way an admin does, by ARIA role and accessible name, in the page and in the
 * extension's open shadow roots. Puppeteer's `::-p-aria` asks Firefox's accessibility tree
 * (WebDriver BiDi `locateNodes`), which does not descend into shadow roots: each open shadow root
 * under the scope is asked too, all at once (one by one, or through puppeteer's `>>>`, costs
 * seconds per query with a badge in every row).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { waitFor } from './wait';

type Scope = Page | ElementHandle;

const quoted = (value: string): string => JSON.stringify(value);

/**
 * The open shadow roots under `start` (the document when null), nested ones included. Written
 * without inner functions: it runs in the page, where tsx's `__name` helper does not exist.
 */
function collectOpenShadowRoots(start: Node | null): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const pending: ParentNode[] = [start && 'querySelectorAll' in start ? (start as ParentNode) : document];
  for (let root = pending.pop(); root; root = pending.pop()) {
    for (const element of root.querySelectorAll('*')) {
      if (element.shadowRoot) {
        found.push(element.shadowRoot);
        pending.push(element.shadowRoot);
      }
    }
  }
  return found;
}

async function openShadowRoots(scope: Scope): Promise<ElementHandle[]> {
  const list = 'goto' in scope ? await scope.evaluateHandle(collectOpenShadowRoots, null) : await scope.evaluateHandle(collectOpenShadowRoots);
  const roots = [...(await list.getProperties()).values()];
  await list.dispose();
  // A ShadowRoot handle answers $$ like an element (its node is the query's start node).
  return roots as unknown as ElementHandle[];
}

/** Every element with this role (and exactly this accessible name, when given), shadow roots included. */
export async function allByRole(scope: Scope, role: string, name?: string): Promise<ElementHandle[]> {
  const selector = `::-p-aria([role=${quoted(role)}]${name === undefined ? '' : `[name=${quoted(name)}]`})`;
  const roots: Scope[] = [scope, ...(await openShadowRoots(scope))];
  const found = await Promise.all(roots.map((root) => root.$$(selector) as Promise<ElementHandle[]>));
  return found.flat();
}

/** The accessible name an element states itself: its aria-label, else its text. */
export async function statedName(element: ElementHandle): Promise<string> {
  return element.evaluate((node) => (node.getAttribute('aria-label') ?? node.textContent ?? '').replace(/\s+/g, ' ').trim());
}

export async function textOf(element: ElementHandle): Promise<string> {
  return element.evaluate((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim());
}

/**
 * Waits for the first element with this role and name: a string must be the exact accessible name,
 * a RegExp is tested against the name the element states (aria-label, else text).
 */
export async function byRole(scope: Scope, role: string, name: string | RegExp, options: { timeoutMs?: number } = {}): Promise<ElementHandle> {
  return waitFor(
    `the ${role} "${String(name)}"`,
    async () => {
      if (typeof name === 'string') return (await allByRole(scope, role, name))[0];
      const candidates = await allByRole(scope, role);
      const names = await Promise.all(candidates.map(statedName));
      return candidates[names.findIndex((stated) => name.test(stated))];
    },
    options,
  );
}

/** Waits until the element's text matches; says what it last read when it does not. */
export async function waitForText(element: ElementHandle, what: string, pattern: RegExp, options: { timeoutMs?: number } = {}): Promise<string> {
  let last = '';
  return waitFor(
    `${what} to read ${String(pattern)}`,
    async () => {
      last = await textOf(element);
      return pattern.test(last) && last;
    },
    { ...options, describeLast: () => JSON.stringify(last.slice(0, 500)) },
  );
}
