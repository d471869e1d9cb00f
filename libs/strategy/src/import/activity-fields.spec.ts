import { isFundedByGrantProgramme, parseIndicators, splitGuarantorAndPartners } from './activity-fields.js';

describe('splitGuarantorAndPartners', () => {
  it('splits at the first plus sign', () => {
    expect(splitGuarantorAndPartners('odd. NMC, ICP, SML MHMP + NNO, MČ')).toEqual({ guarantor: 'odd. NMC, ICP, SML MHMP', partners: 'NNO, MČ' });
  });

  it('has no partners without a plus sign', () => {
    expect(splitGuarantorAndPartners('ICP, odd. NMC')).toEqual({ guarantor: 'ICP, odd. NMC', partners: null });
  });

  it('keeps both empty for an empty cell', () => {
    expect(splitGuarantorAndPartners(null)).toEqual({ guarantor: null, partners: null });
  });
});

describe('parseIndicators', () => {
  it('splits a flattened bulleted list', () => {
    expect(parseIndicators('- počet setkání - počet zapojených osob, resp. spolupracujících subjektů')).toEqual([
      'počet setkání',
      'počet zapojených osob, resp. spolupracujících subjektů',
    ]);
  });

  it('keeps a single indicator whole even when it contains a dash', () => {
    expect(parseIndicators('1. draft doporučení - rozeslán ke konzultaci relevantním aktérům')).toEqual(['1. draft doporučení - rozeslán ke konzultaci relevantním aktérům']);
  });

  it('has no indicators for an empty cell', () => {
    expect(parseIndicators(null)).toEqual([]);
  });
});

describe('isFundedByGrantProgramme', () => {
  it.each([
    'rozpočet HMP (dotační programy)',
    'dle rozpočtu HMP (dotační programy)',
    'rozpočet HMP (dotační programy SML MHMP / odd. NMC) / externí zdroje',
    'přímé financování HMP a dotační programy SML / odd. NMC',
    'projekty obcí, rozpočet HMP (dotační programy)',
  ])('flags %j', (fundingSource) => {
    expect(isFundedByGrantProgramme(fundingSource)).toBe(true);
  });

  it.each([
    'rozpočet HMP',
    'rozpočet HMP, popř. externí dotační zdroje (částečně AMIF)',
    'rozpočet HMP/ externí zdroje (dotace MV ČR nebo jiné)',
    'externí zdroje + kofinancování rozpočet HMP',
    'dotační program MV ČR',
  ])('does not flag %j', (fundingSource) => {
    expect(isFundedByGrantProgramme(fundingSource)).toBe(false);
  });

  it('does not flag a missing funding source', () => {
    expect(isFundedByGrantProgramme(null)).toBe(false);
  });
});
