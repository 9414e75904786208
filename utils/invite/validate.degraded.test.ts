// @vitest-environment node
/**
 * Bulk-invite validation when part of the org is not readable on this console: members and pending
 * people (always read) are still skipped; what needs a missing piece is said, never guessed.
 */
import { describe, expect, it } from 'vitest';
import { parseInviteCsv } from './parse';
import { demoSnapshot } from './test-fixture';
import { validateInvites } from './validate';

const HEADER = 'email,team,groups,projects,role,default_project,team_spaces';
const csv = (...rows: string[]) => `${HEADER}\n${rows.join('\n')}\n`;
const validate = (text: string, snapshot = demoSnapshot({ unread: ['projectRoles', 'groups'] })) => validateInvites(parseInviteCsv(text), snapshot);

const NEW = 'new.person@example.com,Engineering,,Web App (Production):Viewer,,,';
const MEMBER = 'grace.liu@lumenfield.example,Engineering,,Web App (Production):Viewer,,,';
const PENDING = 'ryan.patel@lumenfield.example,Engineering,,Web App (Production):Viewer,,,';
const WITH_GROUP = 'other.person@example.com,Engineering,Engineering Leads,,,,';

describe('project roles and permission groups not readable', () => {
  it('still skips members and pending people, and checks rows without groups as usual', () => {
    const result = validate(csv(NEW, MEMBER, PENDING));
    expect(result.rows.map((row) => row.status)).toEqual(['ready', 'skip', 'skip']);
    expect(result.rows[1]?.reason).toContain('Grace Liu');
    expect(result.rows[2]?.reason).toMatch(/invited/i);
  });

  it('holds a row naming a group, saying it could not be checked, and says so above the rows', () => {
    const result = validate(csv(NEW, WITH_GROUP));
    expect(result.rows[1]).toMatchObject({ status: 'invalid' });
    expect(result.rows[1]?.errors[0]).toMatchObject({ column: 'groups' });
    expect(result.rows[1]?.errors[0]?.message).toContain('could not be checked');
    expect(result.warnings.map((warning) => warning.message).join(' ')).toContain('could not read the permission groups');
    expect(result.ok).toBe(true);
  });

  it('for a project Manager, does not check their grants from a guess and says so', () => {
    // Ethan (u-10) manages projects through his direct roles, which cannot be read here.
    const result = validate(csv('new.one@example.com,Engineering,,Marketing Site:Viewer,,,'), demoSnapshot({ viewerId: 'u-10', unread: ['projectRoles', 'groups'] }));
    expect(result.rows[0]?.status).toBe('ready');
    expect(result.warnings.map((warning) => warning.message).join(' ')).toContain('did not check that you may grant');
  });

  it('the console’s own permission check decides who may invite, when it was read', () => {
    const refused = demoSnapshot();
    refused.viewerMay = { invite: false, remove: false };
    const result = validate(csv(NEW), refused);
    expect(result.ok).toBe(false);
    expect(result.fileErrors[0]?.message).toContain('may not invite');
    // A non-Admin without managed projects may still invite when the console says so.
    const allowed = demoSnapshot({ viewerId: 'u-8' });
    allowed.viewerMay = { invite: true, remove: false };
    expect(validate(csv('x.y@example.com,Engineering,,,,,'), allowed).ok).toBe(true);
  });
});

describe('other pieces not readable', () => {
  it('team spaces: a row naming one is held with the reason', () => {
    const result = validate(csv('a.b@example.com,Engineering,,Web App (Production):Viewer,,,Growth'), demoSnapshot({ unread: ['teamSpaces'] }));
    expect(result.rows[0]?.errors[0]).toMatchObject({ column: 'team_spaces' });
    expect(result.warnings.map((warning) => warning.message).join(' ')).toContain('team spaces');
  });

  it('teams: a team someone is in is known; another name is not checkable', () => {
    const known = validate(csv('a.b@example.com,Engineering,,Web App (Production):Viewer,,,'), demoSnapshot({ unread: ['teams'] }));
    expect(known.rows[0]?.status).toBe('ready');
    const other = validate(csv('a.b@example.com,Nobody Team,,Web App (Production):Viewer,,,'), demoSnapshot({ unread: ['teams'] }));
    expect(other.rows[0]?.errors[0]?.message).toContain('list of teams is not readable');
  });

  it('the permission mode: the mode-dependent columns are not judged, and a notice says so', () => {
    const result = validate(csv('a.b@example.com,Engineering,,Web App (Production):Viewer,Member,,'), demoSnapshot({ projectLevelPermissions: null }));
    expect(result.rows[0]?.status).toBe('ready');
    expect(result.warnings.map((warning) => warning.message).join(' ')).toContain('project-level permissions');
  });
});
