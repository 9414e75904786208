import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { StatusChip } from './StatusChip';

const mount = (storageNote: string | null) => {
  const root = document.createElement('div');
  render(<StatusChip orgLabel="acme" detail="30 members · as of 10:42" error={null} storageNote={storageNote} />, root);
  return root;
};

describe('StatusChip', () => {
  it('shows a storage failure as an alert beside the data, which stays current (no error dot)', () => {
    const root = mount('Admin Lens could not use its storage: the background did not answer. The page still works from a fresh read.');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('could not use its storage');
    expect(root.querySelector('.al-chip__dot--error')).toBeNull();
    expect(root.querySelector('[role="status"]')?.textContent).toContain('as of 10:42');
  });

  it('says nothing of storage when it works', () => {
    expect(mount(null).querySelector('[role="alert"]')).toBeNull();
  });
});
