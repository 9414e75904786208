/** The [code] operations give times as Unix seconds; the seed keeps ISO strings. */
export const unixSeconds = (isoOrMs: string | number): number => Math.floor((typeof isoOrMs === 'number' ? isoOrMs : Date.parse(isoOrMs)) / 1000);
