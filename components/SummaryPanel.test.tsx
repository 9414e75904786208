import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeAccessReport } from '@/utils/access/engine';
import { summarizeOrg } from '@/utils/access/org-summary';
import { buildSnapshot, READ_AT } from '@/utils/access/test-snapshot';
import { SummaryPanel, type SummaryPanelProps } from './SummaryPanel';

const summary = summarizeOrg(
  computeAccessReport(
    buildSnapshot({
      members: { u1: { orgRole: 'admin', name: 'Ada' }, u2: { name: '<img src=x onerror=alert(1)>', roles: { p1: 'viewer' }, groupIds: ['g1'] } },
      groups: { g1: { name: 'Leads', roles: { p1: 'manager' }, memberIds: ['u2'] } },
    }),
  ),
);

function mount(overrides: Partial<SummaryPanelProps> = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  const props: SummaryPanelProps = {
    status: 'ready',
    readAt: READ_AT,
    fromCache: false,
    error: null,
    summary,
    collapsed: false,
    landmarkNote: null,
    onToggleCollapsed: vi.fn(),
    onRefresh: vi.fn(),
    onExport: vi.fn(),
    ...overrides,
  };
  act(() => render(<SummaryPanel {...props} />, root));
  return root;
}

const button = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((element) => (element.getAttribute('aria-label') ?? element.textContent) === name);

afterEach(() => {
  document.body.replaceChildren();
});

describe('SummaryPanel', () => {
  it('shows the counts and lists the people of a chosen figure as text', () => {
    const root = mount();
    expect(button(root, 'Admin: 1')).toBeDefined();
    const escalated = button(root, 'Escalated through groups: 1');
    act(() => escalated?.click());
    expect(escalated?.getAttribute('aria-pressed')).toBe('true');
    const list = root.querySelector('[aria-label="People: Escalated through groups"]');
    expect(list?.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(list?.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('the only Admin');
  });

  it('hides the numbers and names the error when the read failed', () => {
    const root = mount({ status: 'error', error: 'HTTP 503' });
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('HTTP 503');
    expect(button(root, 'Admin: 1')).toBeUndefined();
    expect(button(root, 'Export CSV')?.disabled).toBe(true);
    expect(root.textContent).toContain('not current');
  });

  it('says Refreshing… and disables Refresh while reading', () => {
    const onRefresh = vi.fn();
    const root = mount({ status: 'refreshing', onRefresh });
    const refresh = button(root, 'Refreshing…');
    expect(refresh?.disabled).toBe(true);
    const idle = mount({ onRefresh });
    act(() => button(idle, 'Refresh')?.click());
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('collapses its body behind a disclosure button', () => {
    const onToggleCollapsed = vi.fn();
    const root = mount({ collapsed: true, onToggleCollapsed });
    const toggle = button(root, '▸Access summary');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    expect(root.querySelector('#al-sum-body')?.hasAttribute('hidden')).toBe(true);
    act(() => toggle?.click());
    expect(onToggleCollapsed).toHaveBeenCalled();
  });
});
