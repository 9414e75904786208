/**
 * The recorded data shapes as plain text, for the admin to read in the popup and paste into a
 * report: a short header (when, which version), a legend, then per operation its variables and its
 * answer, one `path: types` line each. Shapes hold names and type words only (shape-schema.ts), so
 * the text holds no value of the page: no name, email, id or count. Pure; popup only.
 */
import { t } from '@/utils/i18n';
import type { RecordedOperation } from './shape-schema';
import type { ShapeEntry } from './shapes';

export interface ShapeReportInput {
  operations: RecordedOperation[];
  version: string;
  /** ISO time the recording ended (or ends). */
  until: string;
}

const lines = (entries: ShapeEntry[]) => entries.map(([path, types]) => `    ${path}: ${types.join(' | ')}`);

/** One operation's block. */
export function operationShapeText(recorded: RecordedOperation): string[] {
  const block = [recorded.operation];
  if (!recorded.queryText) block.push(`  ${t('diagShapesNoQueryText')}`);
  block.push(`  ${t('diagShapesVariables')}`, ...(recorded.variables.length ? lines(recorded.variables) : [`    ${t('diagShapesNone')}`]));
  block.push(`  ${t('diagShapesAnswer')}`, ...(recorded.response.length ? lines(recorded.response) : [`    ${t('diagShapesNone')}`]));
  return block;
}

export function shapeReportText({ operations, version, until }: ShapeReportInput): string {
  const head = [t('diagShapesReportTitle'), t('diagShapesReportRecorded', { time: until }), t('diagReportVersion', { version }), t('diagShapesReportLegend')];
  const body = operations.length ? operations.flatMap((recorded) => ['', ...operationShapeText(recorded)]) : ['', t('diagShapesNoneSeen')];
  return `${[...head, ...body].join('\n')}\n`;
}
