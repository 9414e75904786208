/** Names for messages: people and projects by name, so a refusal reads like the console's. */
import type { OrgStore, StoredMember } from '../store';

export const personName = (member: StoredMember): string => (member.name && member.name !== member.email ? `${member.name} (${member.email})` : member.email);

export const projectName = (store: OrgStore, projectId: string): string => store.state.projects.find((project) => project.id === projectId)?.name ?? projectId;

/** Finds duplicates in a list of ids, for "listed twice" refusals. Returns the indexes of repeats. */
export function repeatedIndexes(values: readonly string[], normalize: (value: string) => string = (value) => value): number[] {
  const seen = new Set<string>();
  const repeats: number[] = [];
  values.forEach((value, index) => {
    const key = normalize(value);
    if (seen.has(key)) repeats.push(index);
    seen.add(key);
  });
  return repeats;
}
