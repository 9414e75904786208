/**
 * The words of the org-wide Admin findings (sole-admin, too-many-admins): apart from the other
 * findings' words (finding-words.ts) because the summary panel, in the content script, says only
 * these, and the content script has a size budget; the rest load with the card and the export.
 */
import type { FindingOf, FindingPerson } from './finding';
import { type CustomRoleNames, roleLabel } from './roles';
import { t } from '../i18n';
import { isolatedText } from '../text/visible-text';

export interface FindingWords {
  explanation: string;
  fix: string;
}

/** A person in a sentence: their name, or their email when the name is empty (pending invites). */
export function personInSentence(person: FindingPerson): string {
  return isolatedText(person.name.trim() || person.email);
}

export function adminFindingWords(finding: FindingOf<'sole-admin' | 'too-many-admins'>, names?: CustomRoleNames): FindingWords {
  const admin = roleLabel('admin', names);
  return finding.code === 'sole-admin'
    ? { explanation: t('findSoleAdmin', { who: personInSentence(finding.params.who), admin }), fix: t('findSoleAdminFix', { admin }) }
    : { explanation: t('findTooManyAdmins', { count: finding.params.count, admin, max: finding.params.max }), fix: t('findTooManyAdminsFix', { admin }) };
}
