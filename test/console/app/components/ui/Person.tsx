/**
 * A person in a list (users list rows, the "Remove Members?" list): name over email [doc], or as
 * the `personEmail` markup flag says: the email only in the name's `title`, or "Name · email" as
 * one text. `showEmail: false` (rowEmails / removeListEmails hidden) shows the name only. A pending
 * invitee's name is their email [guess]: it is shown once, in every form.
 */
import { markup } from '../../markup';
import s from '../../styles.module.css';

export function Person(props: { name: string; email: string; showEmail: boolean }) {
  const { name, email } = props;
  if (!props.showEmail || name === email) return <div className={s.personName}>{name}</div>;
  if (markup.personEmail === 'title') {
    return (
      <div className={s.personName} title={email}>
        {name}
      </div>
    );
  }
  if (markup.personEmail === 'inline') return <div className={s.personName}>{`${name} · ${email}`}</div>;
  return (
    <>
      <div className={s.personName}>{name}</div>
      <div className={s.personEmail}>{email}</div>
    </>
  );
}
