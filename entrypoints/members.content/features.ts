/** Every feature of the Members & Groups page, in start order. One file per feature. */
import type { Feature } from '@/utils/features/registry';
import type { MembersContext } from './context';
import { removalGuard } from './removal-guard';
import { adminLensChip } from './admin-lens-chip';
import { accessBadges } from './access-badges';
import { accessSummary } from './access-summary';
import { groupsEscalation } from './groups-escalation';
import { bulkInvitePanel } from './bulk-invite-panel';
import { emailChanges } from './email-changes';
import { offboardPanel } from './offboard-panel';

export const FEATURES: readonly Feature<MembersContext>[] = [removalGuard, adminLensChip, accessBadges, accessSummary, groupsEscalation, bulkInvitePanel, offboardPanel, emailChanges];
