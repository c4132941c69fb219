/**
 * One CSV record as RFC 4180 §2 writes it: fields with a comma, quote, CR or LF are quoted and
 * their quotes doubled; lines end in CRLF. Text that a spreadsheet would run as a formula
 * (starting with = + - @, tab or CR) gets a leading apostrophe (OWASP "CSV injection").
 */
export type CsvValue = string | number | undefined;

export function csvLine(fields: readonly CsvValue[]): string {
  return fields.map(csvField).join(',') + '\r\n';
}

export function csvField(value: CsvValue): string {
  if (value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
