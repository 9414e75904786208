/**
 * Effective access in the Users table: a badge in every user row (Joined and Pending), tied to its
 * person by an email anywhere in the row, else by a name unique in the org
 * (utils/amplitude/row-identity.ts), and a breakdown card on hover or focus. A row that shows
 * neither gets no badge, and is counted for the chip and the popup (row-census.ts).
 *
 * - The card itself is loaded on the first hover or focus of a badge (access-card-file.ts).
 * - One lightweight shadow-root host per row (not createShadowRootUi: that fetches and parses the
 *   whole entry CSS per call, too slow for 50 rows within the 100 ms budget), all sharing this
 *   feature's CSS text; one card host appended to <body>.
 * - Rows are remembered (WeakMap row -> record) and re-rendered only when who they show or the
 *   report changes. One MutationObserver on the narrowest stable root (the Users tab panel's
 *   parent), scanned in its callback (same frame as the rows); records that are only our own hosts
 *   coming and going are ignored.
 * - A row whose email the org's data does not know gets a neutral "Not yet read" badge and one
 *   debounced refresh of the data: never a wrong badge. Before any data, only rows showing an
 *   email get a (neutral) badge: a name can only be matched against the data.
 */
import { render } from 'preact';
import { AccessBadge } from '@/components/AccessBadge';
import type { OrgSnapshot } from '@/utils/access/model';
import { snapshotHoldsCustomRoles } from '@/utils/access/custom-roles';
import type { Feature } from '@/utils/features/registry';
import { identifyRow, indexPeople, type PeopleIndex } from '@/utils/amplitude/row-identity';
import { findUsersArea, findUsersLists, findUsersRoot, readRow, type RowReading } from '@/utils/amplitude/users-table';
import type { MembersContext } from './context';
import { type OrgDataState, yieldToPage } from './org-data';
import { rowCensus } from './row-census';
import { type AccessView, type BadgeView, findingsByMember, memberBadge, placeCard, unknownBadge } from './access-badges-model';
import { type AccessCardFile, loadAccessCard } from './access-card-file';
import { emailChangeAvailable, openEmailChange } from './email-change-opener';
import css from './access-badges.css?inline';
import { t } from '@/utils/i18n';

const BADGE_TAG = 'admin-lens-badge';
const CARD_TAG = 'admin-lens-access-card';
const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 250;
const REFRESH_DEBOUNCE_MS = 600;
/**
 * Work per task (ms) for what can wait a frame: unmounting the badges of removed rows, and
 * redrawing badges for new data. Well under the 50 ms of a long task, with room for the page's own.
 */
const SLICE_MS = 8;
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/** Our own nodes (every custom element of ours is `admin-lens-…`): never page evidence, never a reason to scan again. */
const isOurs = (element: Element) => element.localName.startsWith('admin-lens-');

interface RowRecord {
  row: Element;
  /** Who the row shows, for a badge that knows nobody yet: an email from the page. */
  who: string;
  host: HTMLElement;
  mount: HTMLElement;
  /** What was last rendered, to skip identical renders. */
  renderedKey: string;
  /** Whether the badge last drawn could open a breakdown. */
  hadBreakdown: boolean;
  memberId: string | null;
}

/** Keeps key and pointer events inside our UI from reaching the page's own handlers (row clicks, shortcuts). */
function isolate(host: HTMLElement): void {
  for (const type of ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input']) {
    host.addEventListener(type, (event) => event.stopPropagation());
  }
}

function createHost(tag: string): { host: HTMLElement; mount: HTMLElement } {
  const host = document.createElement(tag);
  host.setAttribute('data-admin-lens', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  const mount = document.createElement('div');
  shadow.append(style, mount);
  isolate(host);
  return { host, mount };
}

export const accessBadges: Feature<MembersContext> = {
  id: 'access-badges',
  init({ page, orgData }, signal) {
    const records = new WeakMap<Element, RowRecord>();
    const live = new Set<RowRecord>();
    // Starts empty, so that the first notification (at subscribe) builds the lookups.
    let state: OrgDataState = { status: 'loading', snapshot: null, report: null, fromCache: false, error: null, preview: null };
    let version = 0;
    /** The org's people by email and name; null before any data. */
    let people: PeopleIndex | null = null;
    /** What badges and card show: the newest snapshot's preview while its report is computed, else the report. */
    let view: AccessView | null = null;
    const askedFor = new Set<string>();
    let lookupsOf: OrgSnapshot | null = null;
    let refreshTimer = 0;
    let warnedUnreadable = false;

    // ---- the breakdown card -------------------------------------------------------------------
    let card: { host: HTMLElement; mount: HTMLElement } | null = null;
    let open: { record: RowRecord; focusInto: boolean; titleId: string } | null = null;
    let openTimer = 0;
    let closeTimer = 0;
    let pointerInCard = false;
    let pointerOnBadge: RowRecord | null = null;
    let suppressFocusOpen = false;
    let cardCount = 0;

    const badgeButton = (record: RowRecord) => record.host.shadowRoot?.querySelector('button') ?? null;
    const focusInside = (host: HTMLElement | undefined) => !!host?.shadowRoot?.activeElement;

    const clearTimers = () => {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
    };

    function showCard(record: RowRecord, focusInto: boolean) {
      clearTimers();
      const previous = open?.record;
      open = { record, focusInto, titleId: open?.record === record && !focusInto ? open.titleId : `al-card-title-${++cardCount}` };
      renderCard();
      if (previous && previous !== record) renderBadge(previous);
      renderBadge(record);
    }

    function closeCard(returnFocus: boolean) {
      clearTimers();
      if (!open) return;
      const { record } = open;
      open = null;
      pointerInCard = false;
      renderCard();
      renderBadge(record);
      if (returnFocus && record.host.isConnected) {
        suppressFocusOpen = true;
        badgeButton(record)?.focus();
        suppressFocusOpen = false;
      }
    }

    /** Closes unless the pointer or the focus is still on the badge or in the card. */
    function closeLater(delay = CLOSE_DELAY_MS) {
      clearTimeout(openTimer);
      clearTimeout(closeTimer);
      closeTimer = window.setTimeout(() => {
        if (!open) return;
        const keep = pointerInCard || pointerOnBadge === open.record || focusInside(card?.host) || focusInside(open.record.host);
        if (!keep) closeCard(false);
      }, delay);
    }

    function onOpen(record: RowRecord, how: 'hover' | 'focus' | 'keyboard') {
      needCardFile();
      if (how === 'hover') {
        pointerOnBadge = record;
        clearTimeout(closeTimer);
        if (open?.record === record) return;
        clearTimeout(openTimer);
        openTimer = window.setTimeout(() => showCard(record, false), OPEN_DELAY_MS);
      } else if (how === 'focus') {
        if (suppressFocusOpen || open?.record === record) return;
        showCard(record, false);
      } else {
        showCard(record, true);
      }
    }

    function onLeave(record: RowRecord, how: 'hover' | 'focus') {
      if (how === 'hover' && pointerOnBadge === record) pointerOnBadge = null;
      if (open?.record !== record) {
        if (how === 'hover') clearTimeout(openTimer);
        return;
      }
      closeLater(how === 'hover' ? CLOSE_DELAY_MS : 30);
    }

    /** The card's file, once loaded; its loading starts at the first hover or focus of a badge. */
    let cardFile: AccessCardFile | null = null;
    let cardFileAsked = false;
    function needCardFile() {
      if (cardFile || cardFileAsked) return;
      cardFileAsked = true;
      loadAccessCard().then(
        (file) => {
          cardFile = file;
          if (!signal.aborted) renderCard();
        },
        (error: unknown) => {
          cardFileAsked = false;
          console.warn('[Admin Lens] access badges: the breakdown card could not be loaded', error);
        },
      );
    }

    function clearCard() {
      if (card && cardFile) cardFile.unmount(card.mount);
    }

    function renderCard() {
      if (!open || !view) return clearCard();
      const { record } = open;
      const access = record.memberId ? view.member(record.memberId) : undefined;
      if (!access) {
        open = null;
        return clearCard();
      }
      if (!cardFile) return needCardFile();
      if (!card) {
        card = createHost(CARD_TAG);
        card.host.setAttribute('data-al-card', '');
        document.body.append(card.host);
      }
      const readAt = t('badgeAsOf', { time: TIME.format(new Date(view.snapshot.readAt)) });
      const note =
        state.status === 'error' ? t('badgeNoteFailed') : view.fromCache || state.status === 'refreshing' ? t('badgeNoteRefreshing') : null;
      const { titleId, focusInto } = open;
      cardFile.render(card.mount, {
        view,
        access,
        findings: view.findingsOf(access.member.id),
        names: view.snapshot.customRoleNames,
        titleId,
        asOf: readAt,
        note,
        focusOnOpen: focusInto,
        place: (size) => {
          if (!record.row.isConnected) return null;
          const button = badgeButton(record);
          const rowRect = record.row.getBoundingClientRect();
          const badgeRect = (button ?? record.host).getBoundingClientRect();
          return placeCard(rowRect, badgeRect, size, { width: window.innerWidth, height: window.innerHeight });
        },
        onClose: (returnFocus) => closeCard(returnFocus),
        onPointerEnter: () => {
          pointerInCard = true;
          clearTimeout(closeTimer);
        },
        onPointerLeave: () => {
          pointerInCard = false;
          closeLater();
        },
        onFocusLeave: () => closeLater(30),
        onChangeEmail:
          access.member.status === 'joined' && emailChangeAvailable()
            ? () => {
                closeCard(false);
                openEmailChange(access.member.email);
              }
            : undefined,
      });
    }

    // ---- badges -------------------------------------------------------------------------------
    function viewFor(record: RowRecord): BadgeView {
      const access = record.memberId && view ? view.member(record.memberId) : undefined;
      if (!access || !view) return unknownBadge(record.who, state.status === 'loading' || state.status === 'refreshing');
      return memberBadge(access, view.findingsOf(access.member.id), { customNames: view.snapshot.customRoleNames, stale: state.status === 'error', describeUnion: view.describeUnion });
    }

    function renderBadge(record: RowRecord) {
      const expanded = open?.record === record;
      // What the badge shows follows from these alone (`version` counts every data or status change).
      const key = `${version}|${record.memberId}|${record.who}|${expanded}`;
      if (key === record.renderedKey) return;
      record.renderedKey = key;
      const view = viewFor(record);
      render(
        <AccessBadge
          {...view}
          expanded={expanded}
          onOpen={(how) => onOpen(record, how)}
          onLeave={(how) => onLeave(record, how)}
          onClose={() => closeCard(false)}
        />,
        record.mount,
      );
      if (!record.memberId) noteUnknown(record.who);
      // Focused while it still said "Not yet read": the focus came before there was anything to
      // show, so the card opens now that there is, as it would have on that focus.
      const focusedBefore = !record.hadBreakdown && view.hasBreakdown && focusInside(record.host);
      record.hadBreakdown = view.hasBreakdown;
      if (focusedBefore && !open && !suppressFocusOpen) onOpen(record, 'focus');
    }

    /** A row the data does not know yet (a fresh invite, say): read the org again, once per person shown. */
    function noteUnknown(who: string) {
      if (state.status !== 'ready' || askedFor.has(who.toLowerCase())) return;
      askedFor.add(who.toLowerCase());
      clearTimeout(refreshTimer);
      refreshTimer = window.setTimeout(() => void orgData.refresh(), REFRESH_DEBOUNCE_MS);
    }

    function forget(record: RowRecord) {
      live.delete(record);
      records.delete(record.row);
      render(null, record.mount);
      record.host.remove();
      if (open?.record === record) closeCard(false);
    }

    /**
     * The badges of rows the console removed (a page turned: 50 of them), unmounted in a task of
     * their own, a slice at a time: off the page, nobody sees them go, and unmounting 50 Preact
     * trees inside the console's render task, with the new rows' scan, made it a long one.
     */
    const leaving: RowRecord[] = [];
    let unmounting = false;
    function forgetLater(record: RowRecord) {
      live.delete(record);
      records.delete(record.row);
      if (open?.record === record) closeCard(false);
      leaving.push(record);
      if (unmounting) return;
      unmounting = true;
      const slice = () => {
        const started = performance.now();
        while (leaving.length > 0 && performance.now() - started < SLICE_MS) {
          const gone = leaving.pop() as RowRecord;
          render(null, gone.mount);
          gone.host.remove();
        }
        if (leaving.length > 0) void yieldToPage().then(slice);
        else unmounting = false;
      };
      void yieldToPage().then(slice);
    }

    /**
     * Badges redrawn for new data (the fresh read behind the cached one, a status change): the rows
     * already show a badge, so the redraw can take a few frames, a slice at a time in tasks of its
     * own. Redrawing 50 of them for an org with custom roles inside the task that delivered the
     * report made that task a long one. A newer redraw supersedes an older one; each badge is drawn
     * from the data current when its turn comes (renderBadge skips what is already up to date).
     */
    let redraw: { stopped: boolean } | null = null;
    function redrawLater(targets: RowRecord[]) {
      if (redraw) redraw.stopped = true;
      const run = (redraw = { stopped: false });
      let next = 0;
      const slice = () => {
        if (run.stopped || signal.aborted) return;
        const started = performance.now();
        while (next < targets.length && performance.now() - started < SLICE_MS) {
          const record = targets[next++] as RowRecord;
          if (live.has(record)) renderBadge(record);
        }
        if (next < targets.length) void yieldToPage().then(slice);
        else if (redraw === run) redraw = null;
      };
      void yieldToPage().then(slice);
    }

    // ---- the table ----------------------------------------------------------------------------
    let root: Element | null = null;
    // Scanned in the observer's own callback (a microtask after the console's commit), not a frame
    // later: the badges are then part of the very frame that first shows the rows.
    const observer = new MutationObserver((mutations) => {
      let pageChanged = false;
      for (const mutation of mutations) {
        if (onlyOurs(mutation)) continue;
        pageChanged = true;
        forgetReadingAround(mutation.target);
      }
      if (pageChanged) scan();
    });

    /**
     * What each row showed when last read (readRow walks every element of the row: the bulk of a
     * scan). A row is read again only once the page changed something inside it; new data alone
     * (the cached snapshot, then the fresh one) re-identifies rows from what they showed.
     */
    const readings = new WeakMap<Element, RowReading>();
    function forgetReadingAround(node: Node) {
      for (let element = node instanceof Element ? node : node.parentElement; element && element !== root; element = element.parentElement) {
        if (readings.delete(element)) return;
      }
    }
    function readingOf(row: Element): RowReading {
      let reading = readings.get(row);
      if (!reading || (reading.anchor && !row.contains(reading.anchor))) readings.set(row, (reading = readRow(row, isOurs)));
      return reading;
    }

    function onlyOurs(mutation: MutationRecord): boolean {
      if (mutation.type !== 'childList') return false;
      const nodes = [...mutation.addedNodes, ...mutation.removedNodes];
      return nodes.length > 0 && nodes.every((node) => node instanceof Element && isOurs(node));
    }

    function attach(): boolean {
      const found = findUsersRoot(page.heading);
      if (!found) return false;
      if (found !== root) {
        observer.disconnect();
        root = found;
        observer.observe(root, { childList: true, subtree: true, characterData: true });
      }
      return true;
    }

    /**
     * Who a row's badge is for: a member, or (a neutral badge) an email the data does not know yet;
     * null for no badge: no email and no name unique in the org, or no data yet to match a name.
     */
    function badgeFor(reading: RowReading): { memberId: string | null; who: string } | 'unreadable' | null {
      if (!reading.anchor) return 'unreadable';
      const shownEmail = reading.emails[reading.emails.length - 1];
      if (!people) return shownEmail ? { memberId: null, who: shownEmail } : null;
      const identity = identifyRow(reading, people);
      switch (identity.kind) {
        case 'member':
          return { memberId: identity.memberId, who: shownEmail ?? reading.names[0] ?? identity.memberId };
        case 'unknown-email':
          return { memberId: null, who: identity.email };
        case 'unreadable':
          // A name the data does not know may be someone new: read the org again, once.
          if (reading.names.length) noteUnknown(`name:${reading.names.join('|')}`);
          return 'unreadable';
        default:
          return 'unreadable';
      }
    }

    /**
     * Reads the rows and ties each to its badge. Called by the observer (new rows: their badges are
     * drawn at once, in the frame that shows them) and for new data (`redrawLaterOnly`: rows already
     * have badges, which are redrawn in slices).
     */
    function scan(redrawLaterOnly = false) {
      if (signal.aborted) return;
      if ((!root || !root.isConnected) && !attach()) {
        console.warn('[Admin Lens] access badges: landmark missing: the Users tab panel (tab "Users" -> tabpanel)');
        return;
      }
      const seen = new Set<RowRecord>();
      const deferred: RowRecord[] = [];
      const area = findUsersArea(page.heading);
      let rows = 0;
      let unreadable = 0;
      for (const list of area ? findUsersLists(area, isOurs) : []) {
        for (const row of list.rows) {
          rows++;
          const reading = readingOf(row);
          const badge = badgeFor(reading);
          let record = records.get(row);
          if (!badge || badge === 'unreadable' || !reading.anchor) {
            if (badge === 'unreadable') unreadable++;
            if (record) forget(record);
            continue;
          }
          const drawn = record !== undefined;
          if (!record) {
            const { host, mount } = createHost(BADGE_TAG);
            record = { row, who: badge.who, host, mount, renderedKey: '', hadBreakdown: false, memberId: null };
            records.set(row, record);
            live.add(record);
          }
          seen.add(record);
          if (record.host.parentElement !== reading.anchor) reading.anchor.append(record.host);
          const changed = record.who !== badge.who || record.memberId !== badge.memberId;
          if (changed && open?.record === record) closeCard(false);
          record.who = badge.who;
          record.memberId = badge.memberId;
          // Skipped inside when nothing it shows changed (same data version, person and state).
          // A row without a badge yet gets one now, whatever the reason for the scan.
          if (redrawLaterOnly && drawn && !changed) deferred.push(record);
          else renderBadge(record);
        }
      }
      for (const record of live) {
        if (!record.row.isConnected) forgetLater(record);
        else if (!seen.has(record)) forget(record);
      }
      if (unreadable && !warnedUnreadable) {
        warnedUnreadable = true;
        console.warn('[Admin Lens] access badges: user rows with no email or unique name readable: no badge there');
      }
      rowCensus.set(people ? { rows, unreadable } : null);
      if (deferred.length > 0) redrawLater(deferred);
    }

    // ---- data ---------------------------------------------------------------------------------
    const unsubscribe = orgData.subscribe((next) => {
      const dataChanged = next.report !== state.report || next.snapshot !== state.snapshot || next.preview !== state.preview;
      const changed = dataChanged || next.status !== state.status;
      state = next;
      if (!changed) return;
      if (dataChanged) {
        const { preview, report, snapshot } = state;
        // Lookups are rebuilt only for a snapshot not seen before (a report after its preview reuses them).
        const source = preview?.access.snapshot ?? (report ? snapshot : null);
        if (source !== lookupsOf) {
          lookupsOf = source;
          people = source ? indexPeople(source.members) : null;
        }
        if (preview) {
          const { access, fromCache } = preview;
          view = { snapshot: access.snapshot, projects: access.projects, fromCache, member: (id) => access.member(id), findingsOf: (id) => access.findingsOf(id) };
        } else if (report && snapshot) {
          const findings = findingsByMember(report);
          view = { snapshot, projects: report.projects, fromCache: state.fromCache, member: (id) => report.members.get(id), findingsOf: (id) => findings.get(id) ?? [] };
        } else view = null;
        // Custom roles are said by the union engine, which org-data loads before it gives such a
        // snapshot; without it (never expected) the rows say they are being read, never a ranked stand-in.
        if (view && snapshotHoldsCustomRoles(view.snapshot)) {
          const { permissions } = state;
          const of = view.snapshot;
          view = permissions ? { ...view, describeUnion: (access, names) => permissions.describeUnionAccess(access, of, names) } : null;
        }
      }
      version++;
      // New data may tie rows to other people (or to someone at last): read the rows again.
      if (dataChanged) scan(true);
      else redrawLater([...live]);
      renderCard();
    });

    attach();
    scan();

    signal.addEventListener(
      'abort',
      () => {
        unsubscribe();
        observer.disconnect();
        clearTimers();
        clearTimeout(refreshTimer);
        if (redraw) redraw.stopped = true;
        for (const record of [...live]) forget(record);
        rowCensus.set(null);
        if (card) {
          clearCard();
          card.host.remove();
        }
      },
      { once: true },
    );
  },
};
