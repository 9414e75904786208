/**
 * The styles of the page's shadow-root UIs (chip, summary, escalation notes, bulk invite, removal
 * guard), as one string given to each (`createShadowUi`'s `css`, shadow-ui.ts): the features live in the
 * Members page's own file, not in the content script's entry, so WXT's per-entry stylesheet does
 * not apply. One string for all, as the entry's stylesheet was: shared classes keep working.
 */
import chip from './style.css?inline';
import summary from './access-summary.css?inline';
import bulkInvite from './bulk-invite-panel.css?inline';
import removalGuard from './removal-guard.css?inline';

export const UI_STYLES = [chip, summary, bulkInvite, removalGuard].join('\n');
