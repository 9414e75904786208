/**
 * The styles of the page's shadow-root UIs (chip, summary, escalation notes, the toolbar openers,
 * removal guard), as one string given to each (`createShadowUi`'s `css`, shadow-ui.ts): the
 * features live in the Members page's own file, not in the content script's entry, so WXT's
 * per-entry stylesheet does not apply. One string for all, as the entry's stylesheet was: shared
 * classes keep working. The openers' dialogs bring theirs with their on-demand files.
 */
import chip from './style.css?inline';
import summary from './access-summary.css?inline';
import toolbarOpener from './toolbar-opener.css?inline';
import removalGuard from './removal-guard.css?inline';

export const UI_STYLES = [chip, summary, toolbarOpener, removalGuard].join('\n');
