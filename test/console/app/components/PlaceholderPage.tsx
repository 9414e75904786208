/** Any settings page other than Members & Groups: just its heading, enough to navigate through. */
import s from '../styles.module.css';

export function PlaceholderPage(props: { title: string }) {
  return (
    <section className={s.page}>
      <h1 className={s.pageTitle}>{props.title}</h1>
      <p className={s.subtitle}>This settings page is not part of the console double.</p>
    </section>
  );
}
