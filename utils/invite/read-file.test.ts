// @vitest-environment node
import { readInviteFile } from './read-file';

const fileOf = (name: string, bytes: number[] | Uint8Array) => ({ name, arrayBuffer: async () => new Uint8Array(bytes).buffer });

describe('readInviteFile: what the panel says about a file', () => {
  it('reads a UTF-8 file with no notice', async () => {
    const outcome = await readInviteFile(fileOf('people.csv', Buffer.from('email\nann@example.com\n', 'utf8')));
    expect(outcome).toEqual({ ok: true, text: 'email\nann@example.com\n', note: 'Read people.csv.', notice: null });
  });

  it('reads a UTF-16 file with no notice', async () => {
    const outcome = await readInviteFile(fileOf('people.txt', [0xff, 0xfe, ...Buffer.from('email\tteam\nann@example.com\tData\n', 'utf16le')]));
    expect(outcome).toMatchObject({ ok: true, text: 'email\tteam\nann@example.com\tData\n', notice: null });
  });

  it('reads a Windows-1252 file with a visible notice saying how, and how to avoid it', async () => {
    const outcome = await readInviteFile(fileOf('people.csv', [...Buffer.from('email,team\nann@example.com,Donn', 'latin1'), 0xe9, 0x65, 0x73, 0x0a]));
    expect(outcome).toMatchObject({ ok: true, text: 'email,team\nann@example.com,Données\n' });
    expect(outcome.ok && outcome.notice).toBe(
      'people.csv is not saved as UTF-8, so it was read as Windows-1252 (Western European): check that accented names look right below. To avoid this, save it in Excel as "CSV UTF-8 (Comma delimited)".',
    );
  });

  it('says that an empty file is empty', async () => {
    expect(await readInviteFile(fileOf('empty.csv', []))).toEqual({ ok: false, error: 'empty.csv is empty: there is nothing in it to import. Choose the file you saved your people in, or paste the rows.' });
    expect(await readInviteFile(fileOf('blank.csv', Buffer.from('\uFEFF\r\n\r\n', 'utf8')))).toMatchObject({ ok: false, error: expect.stringContaining('blank.csv is empty') });
  });

  it('names an Excel workbook and says to save it as CSV', async () => {
    const xlsx = [0x50, 0x4b, 0x03, 0x04, ...new Array<number>(22).fill(0), 15, 0, 0, 0, ...Buffer.from('xl/workbook.xml', 'ascii')];
    const outcome = await readInviteFile(fileOf('people.xlsx', xlsx));
    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^people\.xlsx is an Excel workbook, not a CSV file: .*"CSV UTF-8 \(Comma delimited\)"/) });
  });

  it('names a binary file as not text', async () => {
    const outcome = await readInviteFile(fileOf('photo.csv', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5, 6]));
    expect(outcome).toEqual({ ok: false, error: expect.stringContaining('photo.csv is not a text file') });
  });

  it('says when the file cannot be read at all', async () => {
    const outcome = await readInviteFile({
      name: 'gone.csv',
      arrayBuffer: () => Promise.reject(new DOMException('The requested file could not be read', 'NotReadableError')),
    });
    expect(outcome).toEqual({ ok: false, error: 'Could not read gone.csv: choose the file again, or paste its text.' });
  });
});
