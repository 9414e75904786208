import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeAccessReport } from '@/utils/access/engine';
import { buildSnapshot } from '@/utils/access/test-snapshot';
import { buildHygieneReport } from '@/utils/hygiene/hygiene-report';
import { HygieneReport, type HygieneReportProps } from './HygieneReport';

const NOW = new Date('2025-06-30T12:00:00.000Z');
const snapshot = buildSnapshot({
  projects: ['p1'],
  members: {
    a: { orgRole: 'admin', name: 'Ada', lastActiveAt: '2025-06-29T00:00:00.000Z' },
    b: { name: '<img src=x onerror=alert(1)>', email: 'b@x.com', roles: { p1: 'viewer' }, lastActiveAt: '2025-01-01T00:00:00.000Z' },
    c: { name: 'Cy', email: 'c@x.com', lastActiveAt: '2025-06-01T00:00:00.000Z' },
  },
});
const report = buildHygieneReport(snapshot, computeAccessReport(snapshot, { now: NOW.toISOString() }), null, { inactiveDays: 90, staleInviteDays: 14, now: NOW });

function mount(overrides: Partial<HygieneReportProps> = {}): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<HygieneReport report={report} error={null} contentProgress={null} onClose={vi.fn()} onExport={vi.fn()} {...overrides} />, root));
  return root;
}

const buttons = (root: HTMLElement, text: RegExp) => [...root.querySelectorAll('button')].filter((element) => text.test(element.getAttribute('aria-label') ?? element.textContent ?? ''));

afterEach(() => {
  document.body.replaceChildren();
});

describe('HygieneReport', () => {
  it('lists people with page text as text, and offers no offboarding or email change unless given', () => {
    const root = mount();
    expect([...root.querySelectorAll('tbody th')].map((cell) => cell.textContent)).toEqual(['<img src=x onerror=alert(1)>', 'Cy']);
    expect(root.querySelector('img')).toBeNull();
    expect(buttons(root, /Offboard selected/)).toHaveLength(0);
    expect(buttons(root, /Change email/)).toHaveLength(0);
  });

  it('hands the selected people to onOffboard and one email to onChangeEmail', () => {
    const onOffboard = vi.fn();
    const onChangeEmail = vi.fn();
    const root = mount({ onOffboard, onChangeEmail });
    const offboard = buttons(root, /^Offboard selected/)[0]!;
    expect(offboard.disabled).toBe(true);
    const cy = root.querySelector<HTMLInputElement>('input[aria-label="Select Cy"]')!;
    act(() => cy.click());
    expect(offboard.disabled).toBe(false);
    act(() => offboard.click());
    expect(onOffboard).toHaveBeenCalledWith([{ email: 'c@x.com' }]);
    act(() => buttons(root, /^Change email of Cy/)[0]!.click());
    expect(onChangeEmail).toHaveBeenCalledWith('c@x.com');
  });

  it('exports exactly the rows shown', () => {
    const onExport = vi.fn();
    const root = mount({ onExport });
    act(() => buttons(root, /^No access to any project \(1\)$/)[0]!.click());
    act(() => buttons(root, /^Export CSV$/)[0]!.click());
    expect(onExport.mock.calls[0]![0]).toBe('csv');
    expect(onExport.mock.calls[0]![1].map((row: { name: string }) => row.name)).toEqual(['Cy']);
  });
});
