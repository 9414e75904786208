/**
 * Loads the content script's half of the data-shape recording (entrypoints/shape-recording.ts) on
 * the first "Record data shapes" of a visit. The file is ours, packaged and web-accessible to the
 * Amplitude hosts only (like access-card.js); importing it runs it, and it leaves its function on
 * the isolated world's global.
 */
import { browser } from 'wxt/browser';
import type { ShapeRecording } from './shape-recording';

export const SHAPE_RECORDING_FILE = '/shape-recording.js';
export const SHAPE_RECORDING_GLOBAL = '__adminLensShapeRecording';

export interface ShapeRecordingFile {
  createShapeRecording(): ShapeRecording;
}

export async function loadShapeRecording(): Promise<ShapeRecording> {
  await import(/* @vite-ignore */ browser.runtime.getURL(SHAPE_RECORDING_FILE as '/shape-recording.js'));
  const file = (globalThis as Record<string, unknown>)[SHAPE_RECORDING_GLOBAL] as ShapeRecordingFile | undefined;
  if (!file) throw new Error(`${SHAPE_RECORDING_FILE} did not load`);
  return file.createShapeRecording();
}
