/** A search input (React-controlled). The caller debounces before asking the server. */
import s from '../../styles.module.css';

export function SearchBox(props: { label: string; placeholder: string; value: string; onChange: (value: string) => void; className?: string }) {
  return (
    <input
      type="search"
      aria-label={props.label}
      placeholder={props.placeholder}
      className={[s.input, s.searchInput, props.className ?? ''].join(' ')}
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    />
  );
}
