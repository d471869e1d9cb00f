import { csvCell, csvRow } from './csv.js';

describe('CSV cells', () => {
  it('quotes separators and quotes, and neutralises formulas from applicants', () => {
    expect(csvCell('Spolek; o.p.s.')).toBe('"Spolek; o.p.s."');
    expect(csvCell('Projekt „Most“ "A"')).toBe('"Projekt „Most“ ""A"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+420 123')).toBe("'+420 123");
    expect(csvCell(null)).toBe('');
    expect(csvRow(['a', 1, undefined])).toBe('a;1;\r\n');
  });
});
