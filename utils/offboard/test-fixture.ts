/** A small org for the offboarding unit tests: an Admin (signed in), another Admin, owners, recipients, pending. */
import type { ContentCounts } from '../access/model';
import type { OffboardPerson } from './validate';

export const NOW = Date.parse('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000).toISOString();

export const PEOPLE: OffboardPerson[] = [
  { id: 'u-1', email: 'maya@x.io', name: 'Maya Okafor', status: 'joined', admin: true, lastActiveAt: daysAgo(0) },
  { id: 'u-2', email: 'daniel@x.io', name: 'Daniel Reyes', status: 'joined', admin: true, lastActiveAt: daysAgo(3) },
  { id: 'u-3', email: 'ethan@x.io', name: 'Ethan Brooks', status: 'joined', admin: false, lastActiveAt: daysAgo(1) },
  { id: 'u-4', email: 'grace@x.io', name: 'Grace Liu', status: 'joined', admin: false, lastActiveAt: daysAgo(2) },
  { id: 'u-5', email: 'gabriel@x.io', name: 'Gabriel Costa', status: 'joined', admin: false, lastActiveAt: daysAgo(200) },
  { id: 'u-6', email: 'jonas@x.io', name: 'Jonas Weber', status: 'joined', admin: false, lastActiveAt: daysAgo(45) },
  { id: 'u-7', email: 'emma@x.io', name: 'Emma Johansson', status: 'joined', admin: false, lastActiveAt: daysAgo(5) },
  { id: 'u-9', email: 'lea@x.io', name: 'Lea Dupont', status: 'joined', admin: false, lastActiveAt: daysAgo(10) },
  { id: 'u-8', email: 'ryan@x.io', name: 'ryan@x.io', status: 'pending', admin: false, lastActiveAt: null },
];

export const counts = (charts: number, dashboards = 0, cohorts = 0, notebooks = 0): ContentCounts => ({ charts, dashboards, cohorts, notebooks });

export const CONTENT = new Map<string, ContentCounts | null>([
  ['maya@x.io', counts(1)],
  ['daniel@x.io', counts(2)],
  ['ethan@x.io', counts(3)],
  ['grace@x.io', counts(48, 12, 9, 4)],
  ['gabriel@x.io', counts(5, 1)],
  ['jonas@x.io', counts(0)],
  ['emma@x.io', counts(0)],
  ['lea@x.io', counts(2)],
]);
