import { describe, expect, it } from 'vitest';
import { csvAmount, toCsv } from './csv';

describe('the auditor’s CSV', () => {
  it('has a BOM, semicolons, quoted cells where needed, and decimal commas', () => {
    const csv = toCsv(
      ['kod', 'nazev', 'castka'],
      [
        ['10.I.1', 'Tlumočení; "komunitní"', csvAmount('1234.50')],
        ['X', null, 0],
      ],
    );
    expect(csv).toBe('\uFEFFkod;nazev;castka\r\n10.I.1;"Tlumočení; ""komunitní""";1234,50\r\nX;;0\r\n');
  });
});
