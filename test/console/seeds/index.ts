/**
 * Seeds for the console double: a bundled name (demo, sole-admin, org-level, large), a path to a
 * JSON file, or the data itself. Every seed is validated with the contract's `Seed` schema and the
 * invariants in ./invariants.ts; a bad seed throws a SeedError naming the field.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Seed, type SeedInput } from '../shared/seed';
import { seedProblems } from './invariants';
import { generateLargeSeed } from './large';

export const SEED_NAMES = ['demo', 'sole-admin', 'org-level', 'large'] as const;
export type SeedName = (typeof SEED_NAMES)[number];
export type SeedSource = SeedName | (string & {}) | SeedInput;

const SEEDS_DIR = path.dirname(fileURLToPath(import.meta.url));

export class SeedError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`Invalid seed (${source}): ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? `; and ${problems.length - 8} more` : ''}`);
    this.name = 'SeedError';
  }
}

function zodPath(pathKeys: readonly PropertyKey[]): string {
  return pathKeys.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(root)';
}

/** Validates seed data (shape, then invariants) and returns the parsed seed, defaults filled in. */
export function validateSeed(data: unknown, source = 'seed data'): Seed {
  const parsed = Seed.safeParse(data);
  if (!parsed.success) throw new SeedError(source, parsed.error.issues.map((issue) => `${zodPath(issue.path)}: ${issue.message}`));
  const problems = seedProblems(parsed.data);
  if (problems.length > 0) throw new SeedError(source, problems);
  return parsed.data;
}

function readJsonFile(file: string): unknown {
  if (!existsSync(file)) throw new SeedError(file, [`no such seed file (resolved to ${file})`]);
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new SeedError(file, [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`]);
  }
}

const isSeedName = (text: string): text is SeedName => (SEED_NAMES as readonly string[]).includes(text);

/**
 * A bundled seed by name, a JSON file (absolute, or relative to the current directory), or seed
 * data. Always returns a fresh object.
 */
export function loadSeed(source: SeedSource): Seed {
  if (typeof source !== 'string') return validateSeed(structuredClone(source));
  if (source === 'large') return validateSeed(generateLargeSeed(), 'large');
  if (isSeedName(source)) return validateSeed(readJsonFile(path.join(SEEDS_DIR, `${source}.json`)), source);
  if (source.endsWith('.json') || source.includes('/') || source.includes('\\')) {
    const file = path.resolve(source);
    return validateSeed(readJsonFile(file), file);
  }
  throw new SeedError(source, [`unknown seed "${source}"; use one of ${SEED_NAMES.join(', ')} or a path to a .json file`]);
}
