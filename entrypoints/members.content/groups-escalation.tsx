/**
 * On the Groups tab, a note in each group row: how many members the group escalates (gives a higher
 * role than their own) and to what. Follows the table's search, filters and sorting: rows are found
 * by the group's name (utils/amplitude/summary-anchor.ts) and each gets, under its member count, its
 * own small shadow root.
 * Only the tab panel is observed; our own hosts never retrigger the work; unchanged rows are skipped.
 */
import { render } from 'preact';
import type { Feature } from '@/utils/features/registry';
import { GroupEscalationNote } from '@/components/GroupEscalationNote';
import { escalationsByGroup, type GroupEscalation } from '@/utils/access/org-summary';
import type { AccessReport } from '@/utils/access/report';
import { findGroupsRoot, findGroupsTable, groupRows } from '@/utils/amplitude/summary-anchor';
import type { MembersContext } from './context';
import type { OrgDataState } from './org-data';
import { UI_STYLES } from './ui-styles';
import { createShadowUi } from './shadow-ui';

const HOST_TAG = 'admin-lens-group-note';

interface RowNote {
  name: string;
  /** Our shadow host once mounted; the page may wipe it (e.g. a cell's text re-set). */
  host: Element | null;
  container: HTMLElement | null;
  remove(): void;
  /** What was last drawn, so unchanged rows are not re-rendered. */
  drawn: string;
}

export const groupsEscalation: Feature<MembersContext> = {
  id: 'groups-escalation',
  async init({ ctx, page, orgData }, signal) {
    const root = findGroupsRoot(page.heading);
    if (!root) return false;

    let state: OrgDataState = orgData.get();
    let byName: { report: AccessReport; map: Map<string, GroupEscalation | null> } | null = null;
    const notes = new Map<HTMLElement, RowNote>();

    /** Group name -> its escalation; null when several groups share the name. */
    const escalations = (): Map<string, GroupEscalation | null> | null => {
      const { report, snapshot } = state;
      if (!report || !snapshot) return null;
      if (byName?.report !== report) {
        const byId = escalationsByGroup(report, snapshot.groups);
        const map = new Map<string, GroupEscalation | null>();
        for (const group of snapshot.groups) {
          const name = group.name.replace(/\s+/g, ' ').trim();
          map.set(name, map.has(name) ? null : (byId.get(group.id) ?? null));
        }
        byName = { report, map };
      }
      return byName.map;
    };

    const drawNote = (note: RowNote) => {
      const map = escalations();
      if (!note.container || !map) return;
      const entry = map.get(note.name);
      const stale = state.status === 'error';
      const key = `${entry ? `${entry.memberIds.length}:${entry.roles.join()}:${entry.customRoles.join('\u0000')}` : 'unknown'}|${stale}`;
      if (key === note.drawn) return;
      note.drawn = key;
      render(<GroupEscalationNote count={entry ? entry.memberIds.length : null} roles={entry?.roles ?? []} customRoles={entry?.customRoles ?? []} stale={stale} />, note.container);
    };

    const addNote = (row: HTMLElement, cell: HTMLElement, name: string) => {
      const note: RowNote = { name, host: null, container: null, drawn: '', remove: () => undefined };
      notes.set(row, note);
      void createShadowUi(ctx, {
        css: UI_STYLES,
        name: HOST_TAG,
        position: 'inline',
        anchor: cell,
        append: 'last',
        onMount(container) {
          note.container = container;
          container.style.margin = '0';
          drawNote(note);
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
          note.container = null;
        },
      }).then((ui) => {
        if (signal.aborted || notes.get(row) !== note || !cell.isConnected) return;
        ui.mount();
        note.host = ui.shadowHost;
        note.remove = () => ui.remove();
      });
    };

    const update = () => {
      scheduled = 0;
      if (signal.aborted) return;
      const table = findGroupsTable(root);
      const present = new Set<HTMLElement>();
      if (table && escalations()) {
        for (const { row, noteCell, name } of groupRows(table)) {
          present.add(row);
          const note = notes.get(row);
          if (note && note.name === name && (note.host === null || note.host.isConnected)) {
            drawNote(note);
            continue;
          }
          note?.remove();
          addNote(row, noteCell, name);
        }
      }
      for (const [row, note] of notes) {
        if (present.has(row)) continue;
        note.remove();
        notes.delete(row);
      }
    };

    let scheduled = 0;
    const schedule = () => {
      scheduled ||= requestAnimationFrame(update);
    };
    const ours = (node: Node) => node.nodeName.toLowerCase() === HOST_TAG;
    const observer = new MutationObserver((records) => {
      // Our own notes going in or out never retrigger the work.
      const own = (record: MutationRecord) =>
        record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(ours);
      if (records.every(own)) return;
      schedule();
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });

    const unsubscribe = orgData.subscribe((next) => {
      state = next;
      schedule();
    });
    signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        if (scheduled) cancelAnimationFrame(scheduled);
        unsubscribe();
        for (const note of notes.values()) note.remove();
        notes.clear();
      },
      { once: true },
    );
  },
};
