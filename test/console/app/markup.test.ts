/** The casing of the console's own labels (labelCase): literal parts only, never data. */
import { describe, expect, it } from 'vitest';
import { caseLabel, markup, ui } from './markup';

describe('caseLabel', () => {
  it('keeps labels as they are by default', () => {
    expect(markup.labelCase).toBe('as-is');
    expect(ui('Team Members & Groups')).toBe('Team Members & Groups');
    expect(ui`Select ${'Grace Liu'}`).toBe('Select Grace Liu');
  });

  it('sentence case: first letter upper, the rest of the label lower', () => {
    expect(caseLabel('sentence', ['Team Members & Groups'])).toBe('Team members & groups');
    expect(caseLabel('sentence', ['Invite New Users'])).toBe('Invite new users');
    expect(caseLabel('sentence', ['Remove Members?'])).toBe('Remove members?');
    expect(caseLabel('sentence', ['GROUP NAME'])).toBe('Group name');
    expect(caseLabel('sentence', ['+ Add Project'])).toBe('+ Add project');
    expect(caseLabel('sentence', ['3 Users'])).toBe('3 users');
    expect(caseLabel('sentence', ['Removed ', '. Content Transferred to ', '.'], ['Gabriel Costa', 'Grace Liu'])).toBe('Removed Gabriel Costa. Content transferred to Grace Liu.');
  });

  it('upper case', () => {
    expect(caseLabel('upper', ['Remove Members?'])).toBe('REMOVE MEMBERS?');
  });

  it('never re-cases data between the literal parts', () => {
    expect(caseLabel('upper', ['More Actions for ', ''], ['Grace Liu'])).toBe('MORE ACTIONS FOR Grace Liu');
    expect(caseLabel('sentence', ['', "'s Role Changed to ", ''], ['grace liu', 'Manager'])).toBe("grace liu's role changed to Manager");
    expect(caseLabel('sentence', ['Removed ', '.'], ['Grace Liu'])).toBe('Removed Grace Liu.');
  });
});
