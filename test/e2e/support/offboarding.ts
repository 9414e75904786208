/** What the offboarding specs share: the dialog, the double's removals and content, and a four-step CSV. */
import type { Page } from '@playwright/test';
import type { ConsoleDouble } from '../../console/server/double';

export const ORG = '@lumenfield.example';
export const offboardDialog = (page: Page) => page.getByRole('dialog', { name: 'Offboard from CSV' });
export const offboardRowOf = (page: Page, table: string, email: string) =>
  offboardDialog(page).getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell', { name: email, exact: true }) });

export interface Removal {
  memberIds: string[];
  transferToMemberId: string | null;
}
/** Every removal the double was asked for, in order; its people sorted (the console lists a group in its table's order). */
export const removals = (double: ConsoleDouble): Removal[] =>
  double.backend
    .mutations()
    .filter((mutation) => mutation.operation === 'RemoveMembers')
    .map((mutation) => mutation.variables as Removal)
    .map((removal) => ({ ...removal, memberIds: [...removal.memberIds].sort() }));
export const removedIds = (double: ConsoleDouble) => removals(double).flatMap((removal) => removal.memberIds);
export const contentOf = (double: ConsoleDouble, id: string) => double.backend.state().members.find((member) => member.id === id)?.content;
export const stillThere = (double: ConsoleDouble, id: string) => double.backend.state().members.some((member) => member.id === id);

/** Four steps: two recipient groups, one single transfer, and two people owning nothing. */
export const FOUR_STEP_CSV = [
  'email,transfer_to',
  `priya.natarajan${ORG},ethan.brooks${ORG}`,
  `aisha.khan${ORG},ethan.brooks${ORG}`,
  `samuel.adeyemi${ORG},sofia.rossi${ORG}`,
  `hannah.schmidt${ORG},noah.fischer${ORG}`,
  `olivia.novak${ORG},noah.fischer${ORG}`,
  `tomas.herrera${ORG},`,
  `lucas.moreau${ORG},`,
].join('\n');
export const FOUR_STEP_IDS = ['u-3', 'u-9', 'u-6', 'u-7', 'u-11', 'u-4', 'u-8'];
