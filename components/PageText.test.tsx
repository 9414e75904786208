import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PageText, slot, withPageText } from './PageText';

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('PageText', () => {
  it('isolates the value and shows each hidden character as a marker, as text', () => {
    const root = mount(<PageText text={'Rita \u202Efdp.exe<b>x</b>'} class="who" />);
    const bdi = root.querySelector('bdi.who');
    expect(bdi).not.toBeNull();
    expect(root.textContent).toBe('Rita ⟨U+202E⟩fdp.exe<b>x</b>');
    expect(root.querySelector('b')).toBeNull();
    const marker = root.querySelector('.al-hidden-char') as HTMLElement;
    expect(marker.textContent).toBe('⟨U+202E⟩');
    expect(marker.title).toContain('U+202E');
    // Distinct wherever it lands, whatever the stylesheet.
    expect(marker.style.borderStyle || marker.style.border).toContain('dashed');
  });

  it('renders an ordinary name as it is, with no marker', () => {
    const root = mount(<PageText text="Zoë Müller" />);
    expect(root.textContent).toBe('Zoë Müller');
    expect(root.querySelector('.al-hidden-char')).toBeNull();
  });

  it('puts page values into a translated sentence where their slots stand', () => {
    const root = mount(<p>{withPageText(`Removed by ${slot(0)} (${slot(1)})`, ['Ada \u200B', 'ada@x.example'])}</p>);
    expect(root.textContent).toBe('Removed by Ada ⟨U+200B⟩ (ada@x.example)');
    expect(root.querySelectorAll('bdi')).toHaveLength(2);
  });
});
