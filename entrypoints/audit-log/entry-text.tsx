/**
 * How the audit log page writes page data inside its sentences: names and emails as page text
 * (isolated, hidden characters marked), dates in the reader's format. Shared by every kind of entry.
 */
import { PageText, slot, withPageText } from '@/components/PageText';
import { t } from '@/utils/i18n';

/** "Name (email)" with both shown as page text (isolated, hidden characters marked). */
export const person = (name: string, email: string | null | undefined) => (email ? withPageText(t('auditNamedEmail', { name: slot(0), email: slot(1) }), [name, email]) : <PageText text={name} />);
/** A sentence around one page value (a person), the value shown as page text. */
export const around = (sentence: string, value: ReturnType<typeof person>) => sentence.split(slot(0)).flatMap((part, index) => (index === 0 ? [part] : [value, part]));

export const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
