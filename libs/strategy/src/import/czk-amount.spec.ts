import { parseCzkAmount, yearlyCostCzk } from './czk-amount.js';

describe('parseCzkAmount', () => {
  it.each([
    ['1 500 000 Kč', '1500000.00'],
    ['1\u00a0500\u00a0000 Kč', '1500000.00'],
    ['1,5 mil. Kč', '1500000.00'],
    ['1,25 mil.', '1250000.00'],
    ['500 tis. Kč', '500000.00'],
    ['250.000,-', '250000.00'],
    ['250.000,- Kč', '250000.00'],
    ['0,- Kč', '0.00'],
    ['0', '0.00'],
    ['25 000 Kč', '25000.00'],
    ['4.000.000', '4000000.00'],
    ['1 234,56 Kč', '1234.56'],
    ['1 234,5 Kč', '1234.50'],
    ['350.000 / rok', '350000.00'],
    ['90.000 Kč (grafika, tisk, aktualizace, distribuce)', '90000.00'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseCzkAmount(text)).toBe(expected);
  });

  it.each([
    ['a range', '500.000 – 1.500.000'],
    ['a range without spaces', '700.000-900.000 Kč'],
    ['prose', 'dle rozpočtu schváleného na daný rok'],
    ['an amount plus grant money', '15.000 Kč + prostřednictvím dotačního programu'],
    ['a period total', '300.000 – 1.000.000 za období AP'],
    ['sub-haléř precision', '0,001 Kč'],
    ['a note hiding another number', '90.000 Kč (z toho 20.000 Kč tisk)'],
    ['an empty cell', ''],
  ])('refuses %s', (_case, text) => {
    expect(parseCzkAmount(text)).toBeNull();
  });
});

describe('yearlyCostCzk', () => {
  it.each([
    ['r. 2022 - 300.000 r. 2023 - 300.000', '300000.00'],
    ['r. 2022 - 0,- Kč r. 2023 - 30.000', '30000.00'],
    ['r. 2023 - 600.000', '600000.00'],
    ['2022: 10.000 Kč 2023: 25.000 Kč', '25000.00'],
    ['2022: 0 Kč 2023: 90.000 Kč (grafika, tisk, aktualizace, distribuce)', '90000.00'],
    ['2023: 25 000 Kč', '25000.00'],
    ['90.000 Kč', '90000.00'],
    ['350.000 / rok (financování v rámci konkrétních aktivit v dalších prioritách AP)', '350000.00'],
  ])('takes the 2023 amount from %j', (text, expected) => {
    expect(yearlyCostCzk(text, 2023)).toBe(expected);
  });

  it.each([
    ['only the other year is given', '2022: 0 Kč'],
    ['the plan year is prose', 'r. 2022 - 700.000 r. 2023 - dle rozpočtu schváleného pro rok 2023'],
    ['the plan year is a range', '2022: 700.000 Kč 2023: 700.000-900.000 Kč'],
    ['the label spans both years (a period total)', '2022/2023: 15.000 Kč'],
    ['the plan year adds grant money', '2022: 15.000 Kč + prostřednictvím dotačního programu; 2023: 15.000 Kč + prostřednictvím dotačního programu'],
    ['the text is a period range', '500.000 – 1.500.000 za období AP (dle výše úvazků)'],
  ])('gives null when %s', (_case, text) => {
    expect(yearlyCostCzk(text, 2023)).toBeNull();
  });

  it('gives null for year-labelled costs when the plan year is unknown', () => {
    expect(yearlyCostCzk('2023: 25 000 Kč', null)).toBeNull();
  });
});
