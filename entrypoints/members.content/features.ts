/** Every feature of the Members & Groups page, in start order. One file per feature. */
import type { Feature } from '@/utils/features/registry';
import type { MembersContext } from './context';
import { adminLensChip } from './admin-lens-chip';

export const FEATURES: readonly Feature<MembersContext>[] = [adminLensChip];
