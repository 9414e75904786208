/** The shape of a finding, shared by the org-, member- and cell-level checks. */

export type FindingCode =
  | 'escalated-through-group'
  | 'mixed-roles'
  | 'redundant-direct-grant'
  | 'mixed-management'
  | 'sole-admin'
  | 'too-many-admins'
  | 'no-access'
  | 'stale-invite';

/** 'warning': likely wrong or risky today; 'info': worth tidying. */
export type FindingSeverity = 'warning' | 'info';

export interface Finding {
  /** Unique within a report and stable across reads of the same org: code plus the ids it is about. */
  key: string;
  code: FindingCode;
  severity: FindingSeverity;
  memberIds: readonly string[];
  /** Projects concerned, in the org's project order; empty for org- and member-wide findings. */
  projectIds: readonly string[];
  groupIds: readonly string[];
  explanation: string;
  fix: string;
}

type FindingIds = Partial<Pick<Finding, 'memberIds' | 'projectIds' | 'groupIds'>>;

export function makeFinding(code: FindingCode, severity: FindingSeverity, keyParts: readonly string[], ids: FindingIds, text: Pick<Finding, 'explanation' | 'fix'>): Finding {
  return {
    key: [code, ...keyParts].join(':'),
    code,
    severity,
    memberIds: ids.memberIds ?? [],
    projectIds: ids.projectIds ?? [],
    groupIds: ids.groupIds ?? [],
    explanation: text.explanation,
    fix: text.fix,
  };
}
