/**
 * Where the Amplitude console lives [doc]: US app, EU app and the legacy host
 * (console-reference.md, section 1). Nothing else is ever matched: no localhost ships.
 */
export const AMPLITUDE_ORIGINS = [
  'https://app.amplitude.com',
  'https://app.eu.amplitude.com',
  'https://analytics.amplitude.com',
] as const;

export const AMPLITUDE_MATCHES = AMPLITUDE_ORIGINS.map((origin) => `${origin}/*`);

export function isAmplitudeOrigin(origin: string): boolean {
  return (AMPLITUDE_ORIGINS as readonly string[]).includes(origin);
}

/** How the options page names each host [doc]: the US and EU apps, and the legacy analytics host. */
export const AMPLITUDE_HOST_LABELS: Readonly<Record<string, string>> = {
  'app.amplitude.com': 'US (app.amplitude.com)',
  'app.eu.amplitude.com': 'EU (app.eu.amplitude.com)',
  'analytics.amplitude.com': 'Legacy (analytics.amplitude.com)',
};
