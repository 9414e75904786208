/** The shapes the page works with: the contract's answers, named. */
import type { Data } from '../../shared/operations';

export type { GroupNode, MemberNode } from '../../shared/operations';
export type OrgSettings = Data<'OrgSettings'>;
export type Project = Data<'Projects'>['projects'][number];
export type Team = Data<'TeamsAndSpaces'>['teams'][number];
export type TeamSpace = Data<'TeamsAndSpaces'>['teamSpaces'][number];
export type MemberCounts = Data<'MemberCounts'>;
export type MemberStatus = 'joined' | 'pending';
