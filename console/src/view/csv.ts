/** One RFC 4180 field: quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  // A leading =, +, - or @ makes a spreadsheet run the cell as a formula: prefix it so it stays text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Rows as CSV with CRLF line ends and a UTF-8 byte-order mark, so spreadsheet programs read Hangul right. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export interface HistoryReadRow {
  readonly readId: string;
  readonly capturedAt: string;
  readonly plateText: string;
  readonly confidence: number;
  readonly hit: boolean;
  readonly municipality: { readonly id: string; readonly name: string };
  readonly camera: { readonly id: string; readonly name: string; readonly position: { readonly latitude: number; readonly longitude: number } };
}

/** A history search's reads as CSV, with the search id and case number in every row (an export names its case). */
export function historyCsv(search: { readonly searchId: string; readonly caseNumber: string }, reads: readonly HistoryReadRow[]): string {
  const header = ['search_id', 'case_number', 'read_id', 'captured_at', 'plate_text', 'confidence', 'hit', 'municipality_id', 'municipality', 'camera_id', 'camera', 'latitude', 'longitude'];
  return toCsv(header, reads.map((read) => [
    search.searchId, search.caseNumber, read.readId, read.capturedAt, read.plateText, read.confidence.toFixed(3), read.hit,
    read.municipality.id, read.municipality.name, read.camera.id, read.camera.name, read.camera.position.latitude, read.camera.position.longitude,
  ]));
}
