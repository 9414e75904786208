/**
 * A dropped or chosen file, read for the bulk-invite panel: one path for the file picker and for
 * drag and drop, so both get the same checks. The bytes are decoded by ./decode.ts; this says in
 * words what came of it.
 */
import { t } from '../i18n';
import { decodeInviteFile, type NotTextKind } from './decode';

export type FileReadOutcome =
  /** Text to import; `notice` when the admin should know how it was read (not UTF-8). */
  | { ok: true; text: string; note: string; notice: string | null }
  /** Nothing to import from this file: why, and what to do. */
  | { ok: false; error: string };

function notTextMessage(kind: NotTextKind, file: string): string {
  switch (kind) {
    case 'xlsx':
      return t('biFileXlsx', { file });
    case 'ods':
      return t('biFileOds', { file });
    case 'numbers':
      return t('biFileNumbers', { file });
    case 'office-legacy':
      return t('biFileOfficeLegacy', { file });
    case 'zip':
      return t('biFileZip', { file });
    case 'pdf':
      return t('biFilePdf', { file });
    case 'rtf':
      return t('biFileRtf', { file });
    case 'markup':
      return t('biFileMarkup', { file });
    case 'binary':
      return t('biFileBinary', { file });
  }
}

/** Reads `file` and says what it holds. Never rejects: a file that cannot be read is an outcome too. */
export async function readInviteFile(file: Pick<File, 'name' | 'arrayBuffer'>): Promise<FileReadOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return { ok: false, error: t('biFileReadFailed', { file: file.name }) };
  }
  const decoded = decodeInviteFile(bytes, file.name);
  if (!decoded.ok) return { ok: false, error: notTextMessage(decoded.kind, file.name) };
  if (decoded.empty) return { ok: false, error: t('biFileEmpty', { file: file.name }) };
  return {
    ok: true,
    text: decoded.text,
    note: t('biFileRead', { file: file.name }),
    notice: decoded.encoding === 'windows-1252' ? t('biFileWindows1252', { file: file.name }) : null,
  };
}
