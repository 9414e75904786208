import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { RunActions, type RunActionsProps } from './RunActions';
import { RunProgress } from './RunProgress';

function mount(overrides: Partial<RunActionsProps> = {}) {
  const controls = { onResume: vi.fn(), onPause: vi.fn(), onCancel: vi.fn(), onRetryFailed: vi.fn(), onDownloadResults: vi.fn(), onNewImport: vi.fn() };
  const root = document.createElement('div');
  render(<RunActions controls={controls} running={false} open stopping={null} failed={0} cancelled={false} startLabel="Start" {...overrides} />, root);
  const buttons = () => [...root.querySelectorAll('button')].map((button) => `${button.textContent}${button.disabled ? ' (disabled)' : ''}`);
  return { root, controls, buttons };
}

describe('RunActions', () => {
  it('offers Pause only while running, disabled once a stop is asked for', () => {
    expect(mount({ running: true }).buttons()).toEqual(['Pause', 'Cancel run', 'Download results']);
    expect(mount({ running: true, stopping: 'pause' }).buttons()).toEqual(['Pause (disabled)', 'Cancel run', 'Download results']);
  });

  it('offers the start label and Cancel while open, Retry failed when rows failed', () => {
    const { buttons, root, controls } = mount({ failed: 2, startLabel: 'Resume' });
    expect(buttons()).toEqual(['Resume', 'Cancel run', 'Retry failed (2)', 'Download results']);
    root.querySelector('button')?.click();
    expect(controls.onResume).toHaveBeenCalledOnce();
  });

  it('offers a new import once over, and no retry after a cancel', () => {
    expect(mount({ open: false, failed: 1, cancelled: true }).buttons()).toEqual(['Download results', 'New import']);
  });
});

describe('RunProgress', () => {
  it('says done of total to assistive technology and fills the bar in proportion', () => {
    const root = document.createElement('div');
    render(<RunProgress summary="3 of 4 removed" finished={3} total={4} label="Removals done" status="Running" />, root);
    const bar = root.querySelector('[role="progressbar"]');
    expect(bar?.getAttribute('aria-valuenow')).toBe('3');
    expect(bar?.getAttribute('aria-valuemax')).toBe('4');
    expect(bar?.getAttribute('aria-valuetext')).toMatch(/3.*4/);
    expect((root.querySelector('.al-bi-progress-fill') as HTMLElement).style.width).toBe('75%');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('3 of 4 removed');
  });
});
