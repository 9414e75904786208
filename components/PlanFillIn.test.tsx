import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { PlanFillIn, type FillIn } from './PlanFillIn';

function mount(fillIn: FillIn) {
  const root = document.createElement('div');
  const onFill = vi.fn();
  render(<PlanFillIn id="x" label="Team spaces" fillIn={fillIn} onFill={onFill} />, root);
  const inputs = () => [...root.querySelectorAll('input')].map((input) => `${input.type}:${input.parentElement?.textContent}${input.checked ? ' (checked)' : ''}`);
  return { root, onFill, inputs };
}

describe('PlanFillIn', () => {
  it('offers the choices and an explicit "Leave empty", none checked until decided', () => {
    const { inputs, root, onFill } = mount({ kind: 'many', options: [{ id: 's-1', name: 'Data Team' }], chosen: [], leftEmpty: false });
    expect(root.querySelector('legend')?.textContent).toBe('Team spaces: fill in or leave empty');
    expect(inputs()).toEqual(['checkbox:Data Team', 'checkbox:Leave empty']);
    const leave = root.querySelectorAll('input')[1]!;
    leave.checked = true;
    leave.dispatchEvent(new Event('change'));
    expect(onFill).toHaveBeenCalledWith({ type: 'leave-empty', on: true });
  });

  it('says when the choices are not readable either, leaving only "Leave empty"', () => {
    const { inputs, root } = mount({ kind: 'one', options: null, chosen: null, leftEmpty: true });
    expect(root.textContent).toContain('The choices are not readable on this console either');
    expect(inputs()).toEqual(['radio:Leave empty (checked)']);
  });

  it('names each role picker by its project alone', () => {
    const { root, onFill } = mount({ kind: 'roles', options: [{ id: 'p-2', name: 'Staging' }], roles: [{ value: 'member', label: 'Member' }], chosen: { 'p-2': 'member' }, leftEmpty: false });
    const select = root.querySelector('select')!;
    expect(root.querySelector(`#${select.getAttribute('aria-labelledby')}`)?.textContent).toBe('Staging');
    expect(select.value).toBe('member');
    select.value = '';
    select.dispatchEvent(new Event('change'));
    expect(onFill).toHaveBeenCalledWith({ type: 'role', id: 'p-2', role: null });
  });
});
