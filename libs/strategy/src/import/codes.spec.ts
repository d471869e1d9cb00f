import { matchActivityCode, matchMeasureCode, ordinalAsRoman, toRoman } from './codes.js';

describe('measure ordinals', () => {
  it('writes Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 9, 14].map(toRoman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'IX', 'XIV']);
  });

  it('accepts Arabic and canonical Roman ordinals only', () => {
    expect(ordinalAsRoman('3')).toBe('III');
    expect(ordinalAsRoman('IV')).toBe('IV');
    expect(ordinalAsRoman('IIII')).toBeNull();
    expect(ordinalAsRoman('0')).toBeNull();
  });
});

describe('matchMeasureCode', () => {
  it('normalises 6.1 to 6.I and keeps the written form', () => {
    expect(matchMeasureCode('6.1')).toEqual({ code: '6.I', sourceCode: '6.1', parentCode: '6', rest: '' });
  });

  it('reads OPATŘENÍ 3.1 as measure 3.I', () => {
    expect(matchMeasureCode('OPATŘENÍ 3.1')).toMatchObject({ code: '3.I', sourceCode: 'OPATŘENÍ 3.1', parentCode: '3' });
  });

  it('treats OPATŘENÍ 13.II and 13.II as the same measure', () => {
    expect(matchMeasureCode('OPATŘENÍ 13.II')?.code).toBe('13.II');
    expect(matchMeasureCode('13.II')?.code).toBe('13.II');
    expect(matchMeasureCode('13.II')?.sourceCode).toBeUndefined();
  });

  it('returns the text after the code', () => {
    expect(matchMeasureCode('OPATŘENÍ 27.II Vzdělávání pro získání kvalifikace')?.rest).toBe('Vzdělávání pro získání kvalifikace');
  });

  it('does not take an activity number or a percentage for a measure', () => {
    expect(matchMeasureCode('1.1.2. uzavření DPP')).toBeNull();
    expect(matchMeasureCode('16.46% cizinců')).toBeNull();
  });
});

describe('matchActivityCode', () => {
  it('normalises 1.1.2. to 1.I.2', () => {
    expect(matchActivityCode('1.1.2. uzavření DPP/DPČ na odd. NMC')).toEqual({
      code: '1.I.2',
      sourceCode: '1.1.2',
      parentCode: '1.I',
      rest: 'uzavření DPP/DPČ na odd. NMC',
    });
  });

  it('ignores a trailing period alone when recording the written code', () => {
    expect(matchActivityCode('20.II.2. Identifikace služeb')).toEqual({ code: '20.II.2', parentCode: '20.II', rest: 'Identifikace služeb' });
  });

  it('does not take a date for an activity number', () => {
    expect(matchActivityCode('1.1.2021 zdroj MV ČR')).toBeNull();
  });
});
