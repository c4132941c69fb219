import { describe, expect, it } from 'vitest';
import { FILE_RECORDS, FileSessionBuilder } from './file-session-builder.ts';
import { echoCopies } from './testdata/echo-copies.ts';

describe('FileSessionBuilder', () => {
  it('keeps at most FILE_RECORDS records and frames, however large --max-records is', () => {
    const builder = new FileSessionBuilder('file-1', 'echo.pcap', 1_000_000);
    builder.push(echoCopies(2));
    const session = builder.end();
    expect(session.maxRecords).toBe(FILE_RECORDS);
    expect(session.info().lastRecNo).toBe(20);
    expect(session.frames?.size).toBe(20);
    expect(session.info().storeNote).toBeUndefined();
  });

  it('keeps a smaller --max-records: the newest records and their frames, all counted', () => {
    const builder = new FileSessionBuilder('file-1', 'echo.pcap', 15);
    builder.push(echoCopies(3));
    const session = builder.end();
    expect(session.info()).toMatchObject({ firstRecNo: 16, lastRecNo: 30 });
    expect(session.totals().packets).toBe(30);
    expect(session.frames?.firstNumber).toBe(16);
    expect(session.info().storeNote).toBe(
      "The server keeps the newest 15 of this file's 30 records; open the file in the page to browse every packet.",
    );
  });
});
