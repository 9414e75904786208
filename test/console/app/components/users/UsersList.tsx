/**
 * The structure of the users list, as the `usersList` markup flag says: a `<table>` [doc: README],
 * an ARIA grid of divs (role grid/row/columnheader/gridcell, the same name), or plain divs with
 * no table roles and no name. MembersTable and MemberRow build the list from these parts, so the
 * content of every cell is the same in all three.
 */
import type { CSSProperties, ReactNode } from 'react';
import { markup } from '../../markup';
import s from '../../styles.module.css';

const mode = markup.usersList;

/** The whole list. `columns`: how many cells a row has (the div forms lay them out on a CSS grid). */
export function ListFrame(props: { name: string | undefined; busy: boolean; columns: number; children: ReactNode }) {
  if (mode === 'table') {
    return (
      <table className={s.table} aria-label={props.name} aria-busy={props.busy}>
        {props.children}
      </table>
    );
  }
  // Checkbox, the person, the other columns, the actions.
  const style = { '--list-columns': `36px minmax(200px, 2fr) repeat(${props.columns - 3}, minmax(80px, 1fr)) 44px` } as CSSProperties;
  if (mode === 'grid') {
    return (
      <div role="grid" aria-label={props.name} aria-busy={props.busy} className={s.divList} style={style}>
        {props.children}
      </div>
    );
  }
  return (
    <div className={s.divList} data-busy={props.busy} style={style}>
      {props.children}
    </div>
  );
}

export function ListHead(props: { children: ReactNode }) {
  if (mode === 'table') return <thead>{props.children}</thead>;
  return mode === 'grid' ? <div role="rowgroup">{props.children}</div> : <div>{props.children}</div>;
}

export function ListBody(props: { children: ReactNode }) {
  if (mode === 'table') return <tbody>{props.children}</tbody>;
  return mode === 'grid' ? (
    <div role="rowgroup" className={s.divListBody}>
      {props.children}
    </div>
  ) : (
    <div className={s.divListBody}>{props.children}</div>
  );
}

export function ListRow(props: { selected?: boolean; children: ReactNode }) {
  if (mode === 'table') return <tr className={props.selected ? s.rowSelected : undefined}>{props.children}</tr>;
  const className = props.selected ? s.divRowSelected : s.divRow;
  return mode === 'grid' ? (
    <div role="row" aria-selected={props.selected ?? undefined} className={className}>
      {props.children}
    </div>
  ) : (
    <div className={className}>{props.children}</div>
  );
}

/** A header cell; `column` for a named column (th scope=col in the table). */
export function HeaderCell(props: { className?: string; column?: boolean; children: ReactNode }) {
  if (mode === 'table') {
    return (
      <th className={props.className} scope={props.column ? 'col' : undefined}>
        {props.children}
      </th>
    );
  }
  const className = [s.divHeaderCell, props.className ?? ''].join(' ');
  return mode === 'grid' ? (
    <div role="columnheader" className={className}>
      {props.children}
    </div>
  ) : (
    <div className={className}>{props.children}</div>
  );
}

/** A cell; `span` for a cell across the whole row (the empty-list message). */
export function Cell(props: { className?: string; span?: number; children: ReactNode }) {
  if (mode === 'table') {
    return (
      <td className={props.className} colSpan={props.span}>
        {props.children}
      </td>
    );
  }
  const className = [s.divCell, props.span ? s.divCellSpan : '', props.className ?? ''].join(' ');
  return mode === 'grid' ? (
    <div role="gridcell" aria-colspan={props.span} className={className}>
      {props.children}
    </div>
  ) : (
    <div className={className}>{props.children}</div>
  );
}
