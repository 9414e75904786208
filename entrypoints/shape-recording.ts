/**
 * The content script's half of the data-shape recording (utils/diagnostics/shape-recording.ts, with
 * its zod schema), built as its own file and loaded only when the admin starts a recording from the
 * popup (utils/diagnostics/shape-recording-file.ts): it would otherwise add ~1.5 KB gzip to every
 * visit of the page (content-script budget: 50 KB).
 */
import { createShapeRecording } from '@/utils/diagnostics/shape-recording';
import { SHAPE_RECORDING_GLOBAL, type ShapeRecordingFile } from '@/utils/diagnostics/shape-recording-file';

export default defineUnlistedScript(() => {
  const file: ShapeRecordingFile = { createShapeRecording };
  (globalThis as Record<string, unknown>)[SHAPE_RECORDING_GLOBAL] = file;
});
