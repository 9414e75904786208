import { beforeEach, describe, expect, it } from 'vitest';
import { findInviteButton, inviteButtonWatchRoot, placeWithoutInviteButton } from './bulk-invite-anchor';

function page(html: string) {
  document.body.replaceChildren();
  document.body.insertAdjacentHTML('beforeend', html);
}

beforeEach(() => document.body.replaceChildren());

describe('findInviteButton', () => {
  it.each([
    ['a native button', '<button>Invite New Users</button>'],
    ['sentence case', '<button>Invite new users</button>'],
    ['upper case with a plus sign', '<button>+ INVITE NEW USERS</button>'],
    ['a div role=button', '<div role="button" tabindex="0">Invite New Users</div>'],
    ['an icon button named by aria-label', '<button aria-label="Invite new users"><svg></svg></button>'],
  ])('finds %s', (_, html) => {
    page(html);
    expect(findInviteButton()).not.toBeNull();
  });

  it('does not take a look-alike or plain text for it', () => {
    page('<button>Invite New Users to a space</button><span>Invite New Users</span><button>Add Users</button>');
    expect(findInviteButton()).toBeNull();
  });
});

describe('where our button goes without the console\'s', () => {
  it('at the end of the heading\'s own container', () => {
    page('<main><header><h1>Team Members &amp; Groups</h1><p>intro</p></header><section>tabs</section></main>');
    const ours = document.createElement('span');
    placeWithoutInviteButton(document.querySelector('h1')!, ours);
    expect(document.querySelector('header')!.lastElementChild).toBe(ours);
  });

  it('right after a heading that sits directly in <body>', () => {
    page('<h1>Team Members &amp; Groups</h1><div>tabs</div>');
    const ours = document.createElement('span');
    placeWithoutInviteButton(document.querySelector('h1')!, ours);
    expect(document.querySelector('h1')!.nextElementSibling).toBe(ours);
  });

  it('watches the page\'s <main> for the console\'s button, else the body', () => {
    page('<nav></nav><main><div><h1>Team Members &amp; Groups</h1></div></main>');
    expect(inviteButtonWatchRoot(document.querySelector('h1')!)).toBe(document.querySelector('main'));
    page('<div><h1>Team Members &amp; Groups</h1></div>');
    expect(inviteButtonWatchRoot(document.querySelector('h1')!)).toBe(document.body);
  });
});
