import { describe, expect, it } from 'vitest';
import { csvField, historyCsv, toCsv } from './csv.js';

describe('CSV export', () => {
  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.5)).toBe('0.5');
    expect(csvField(true)).toBe('true');
  });

  it('keeps a cell a spreadsheet would run as a formula as text', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+82')).toBe("'+82");
    expect(csvField('-1')).toBe("'-1");
  });

  it('writes a BOM and CRLF rows', () => {
    expect(toCsv(['a', 'b'], [[1, '수원시']])).toBe('\uFEFFa,b\r\n1,수원시\r\n');
  });

  it('names the search and its case in every row of a history export', () => {
    const csv = historyCsv({ searchId: 's-1', caseNumber: '2026-수원-0001' }, [{
      readId: 'r-1', capturedAt: '2026-11-24T08:00:00+09:00', plateText: '43마9970', confidence: 0.91234, hit: true,
      municipality: { id: 'suwon', name: '수원시' }, camera: { id: 'cam-1', name: '수원시 ANPR t001, 교차로', position: { latitude: 37.2, longitude: 127.03 } },
    }]);
    const [header, row, end] = csv.slice(1).split('\r\n');
    expect(header).toBe('search_id,case_number,read_id,captured_at,plate_text,confidence,hit,municipality_id,municipality,camera_id,camera,latitude,longitude');
    expect(row).toBe('s-1,2026-수원-0001,r-1,2026-11-24T08:00:00+09:00,43마9970,0.912,true,suwon,수원시,cam-1,"수원시 ANPR t001, 교차로",37.2,127.03');
    expect(end).toBe('');
  });
});
