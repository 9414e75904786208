/**
 * `i18n.getMessage` as the browser answers it, from a messages.json table, for code run outside a
 * browser (unit tests, e2e specs and benches that run the engine in Node): placeholders replaced by
 * the substitutions ($1…$9), "" for an unknown key.
 */
export type MessageTable = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export function createGetMessage(table: MessageTable): (key: string, substitutions?: string | string[]) => string {
  return (key, substitutions) => {
    const entry = table[key];
    if (!entry) return '';
    const values = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const positional = (content: string) => content.replace(/\$(\d)/g, (_, index: string) => values[Number(index) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : whole;
    });
  };
}
