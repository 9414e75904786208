/**
 * Who opens a change of email: the person's breakdown card ("Change email…") and the hygiene
 * report (its `onChangeEmail(email)`) call `openEmailChange(email)`; the email-changes feature,
 * while it runs on this page, is the one that answers. Nothing runs while no feature listens.
 */
type Opener = (email: string) => void;

let opener: Opener | null = null;

/** The feature listens from now on; the returned function stops it (only if it is still the one). */
export function setEmailChangeOpener(next: Opener): () => void {
  opener = next;
  return () => {
    if (opener === next) opener = null;
  };
}

/** Opens the change-of-email panel for this person; false when the feature is not running here. */
export function openEmailChange(email: string): boolean {
  if (!opener) return false;
  opener(email);
  return true;
}

export const emailChangeAvailable = (): boolean => opener !== null;
