/** A small pill: "Admin Lens · active · org <name>". The org name is page data: text only. */
export function StatusChip({ orgLabel }: { orgLabel: string }) {
  return (
    <span class="al-chip" role="status" aria-label={`Admin Lens is active for org ${orgLabel}`}>
      <span class="al-chip__dot" aria-hidden="true" />
      <span class="al-chip__name">Admin Lens</span>
      <span class="al-chip__org" title={orgLabel}>
        {orgLabel}
      </span>
    </span>
  );
}
