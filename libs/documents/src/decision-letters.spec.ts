// #core carries class-validator DTOs whose decorators need the polyfill the apps load in main.
import 'reflect-metadata';
import { extractPdfPages } from './testing/pdf-text.js';
import { Money, paymentCode } from '#core';
import { computeBreachPenalty, renderDecisionLetter, renderRejectionNotice, renderRemedyRequestForBreach, renderReturnCall } from './decision-letters.js';
import type { DecisionLetterData, LetterCommonData, RejectionNoticeData, RemedyRequestData, ReturnCallData } from './decision-letters.js';

/**
 * Extraction may turn the no-break spaces of Czech typography into either kind, or plain spaces,
 * and a sentence may wrap anywhere, so every run of white space compares as one plain space.
 */
function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

async function extractText(buffer: Buffer): Promise<{ text: string; title: unknown }> {
  expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { pages, title } = await extractPdfPages(buffer);
  return { text: normaliseSpaces(pages.join('\f')), title };
}

function common(overrides: Partial<LetterCommonData> = {}): LetterCommonData {
  return {
    referenceNumber: 'MHMP 1234567/2023',
    fileMark: 'S-MHMP 765432/2023',
    date: '2023-03-27',
    issuingDepartment: ['Odbor sociálních věcí', 'Oddělení národnostních menšin a cizinců'],
    handledBy: { name: 'Bc. Šárka Růžičková', phone: '+420 236 002 111', email: 'sarka.ruzickova@praha.eu' },
    signatory: { name: 'Mgr. Kateřina Šťastná', role: 'ředitelka Odboru sociálních věcí' },
    addressee: {
      name: 'Sdružení pro integraci a migraci, o.p.s.',
      addressLines: ['Plzeňská 1240/4', '150 00 Praha 5 – Smíchov'],
      ico: '12345679',
      dataBoxId: 'ab1cd2e',
    },
    call: { code: 'NMC-2023', title: 'Integrace cizinců na území hl. m. Prahy 2023' },
    application: { number: 'NMC-2023-0042', title: 'Komunitní tlumočníci ve školách – Žižkov, Řeporyje, Ďáblice' },
    ...overrides,
  };
}

describe('renderDecisionLetter', () => {
  function decision(overrides: Partial<DecisionLetterData> = {}): DecisionLetterData {
    return {
      ...common(),
      requestedAmount: '180000.00',
      approvedAmount: '150000.00',
      reductionReason: 'Komise krátila položku pronájmu prostor, která převyšovala obvyklé ceny.',
      resolution: { body: 'rada', number: '1234', date: '2023-03-20' },
      conditions: ['Dotaci lze použít jen na osobní náklady tlumočníků a pronájem prostor.', 'Projekt musí být ukončen do 31. 12. 2023.'],
      agreement: { number: 'DOT/NMC/0042/2023', signBy: '2023-04-28' },
      nextSteps: ['Po uveřejnění smlouvy Vám bude vyplacena 1. splátka dotace.'],
      ...overrides,
    };
  }

  it('states the approved against the requested amount, the resolution, conditions and next steps', async () => {
    const { text, title } = await extractText(await renderDecisionLetter(decision()));

    expect(title).toBe('Oznámení o poskytnutí dotace – NMC-2023-0042');
    expect(text).toContain('Hlavní město Praha Magistrát hlavního města Prahy Odbor sociálních věcí Oddělení národnostních menšin a cizinců');
    expect(text).toContain('Sdružení pro integraci a migraci, o.p.s. Plzeňská 1240/4 150 00 Praha 5 – Smíchov IČO: 12345679');
    expect(text).toContain('ID datové schránky: ab1cd2e');
    expect(text).toContain('Č. j.: MHMP 1234567/2023');
    expect(text).toContain('Sp. zn.: S-MHMP 765432/2023');
    expect(text).toContain('Vyřizuje: Bc. Šárka Růžičková');
    expect(text).toContain('Datum: 27. 3. 2023');
    expect(text).toContain('Oznámení o poskytnutí dotace');
    expect(text).toContain(
      'Rada hlavního města Prahy usnesením č. 1234 ze dne 20. 3. 2023 schválila poskytnutí dotace z rozpočtu hlavního města Prahy na Váš projekt „Komunitní tlumočníci ve školách – Žižkov, Řeporyje, Ďáblice“ (žádost č. NMC-2023-0042)',
    );
    expect(text).toContain('Požadovaná výše dotace 180 000,00 Kč');
    expect(text).toContain('Schválená výše dotace 150 000,00 Kč');
    expect(text).toContain('Rozhodnutí usnesení Rady hlavního města Prahy č. 1234 ze dne 20. 3. 2023');
    expect(text).toContain('v nižší výši, než jste požadovali, o 30 000,00 Kč. Důvod: Komise krátila položku pronájmu');
    expect(text).toContain('1. Dotaci lze použít jen na osobní náklady tlumočníků a pronájem prostor.');
    expect(text).toContain('2. Projekt musí být ukončen do 31. 12. 2023.');
    expect(text).toContain('veřejnoprávní smlouvy o poskytnutí účelové dotace č. DOT/NMC/0042/2023');
    expect(text).toContain('podepsaný jej prosím vraťte nejpozději do 28. 4. 2023');
    expect(text).toContain('dnem uveřejnění v registru smluv');
    expect(text).toContain('3. Po uveřejnění smlouvy Vám bude vyplacena 1. splátka dotace.');
    expect(text).toContain('S pozdravem');
    expect(text).toContain('Mgr. Kateřina Šťastná ředitelka Odboru sociálních věcí');
  });

  it('speaks of the Assembly in the neuter and leaves out the cut when the full amount was approved', async () => {
    const data = decision({
      approvedAmount: '40000.00',
      requestedAmount: '40000.00',
      resolution: { body: 'zastupitelstvo', number: '7/12', date: '2023-04-27' },
      date: '2023-05-02',
      agreement: { number: 'DOT/NMC/0043/2023', signBy: '2023-05-31' },
      conditions: [],
      nextSteps: undefined,
    });
    const { text } = await extractText(await renderDecisionLetter(data));

    expect(text).toContain('Zastupitelstvo hlavního města Prahy usnesením č. 7/12 ze dne 27. 4. 2023 schválilo');
    expect(text).toContain('usnesení Zastupitelstva hlavního města Prahy č. 7/12');
    expect(text).not.toContain('v nižší výši');
    expect(text).toContain('Usnesení nestanoví nad rámec podmínek dotační výzvy žádné další podmínky.');
    expect(text).toContain('Smlouva nabude účinnosti dnem podpisu oběma smluvními stranami');
  });

  it('rejects an approval above the request and a signature deadline before the letter', async () => {
    await expect(renderDecisionLetter(decision({ approvedAmount: '200000.00' }))).rejects.toThrow(/more than the requestedAmount/);
    await expect(renderDecisionLetter(decision({ agreement: { number: 'X', signBy: '2023-03-01' } }))).rejects.toThrow(/signBy/);
    await expect(renderDecisionLetter(decision({ approvedAmount: '0.00' }))).rejects.toThrow(/approvedAmount/);
  });
});

describe('renderRejectionNotice', () => {
  function rejection(overrides: Partial<RejectionNoticeData> = {}): RejectionNoticeData {
    return {
      ...common(),
      requestedAmount: '95000.00',
      reason: 'Žádost nedosáhla minimálního počtu 60 bodů (získala 48,5 bodu); komise ji proto nedoporučila k podpoře a Rada hl. m. Prahy dotaci neschválila.',
      resolution: { body: 'rada', number: '1234', date: '2023-03-20' },
      ...overrides,
    };
  }

  it('gives the reason, as § 10a odst. 4 písm. b) requires', async () => {
    const { text, title } = await extractText(await renderRejectionNotice(rejection()));

    expect(title).toBe('Oznámení o neposkytnutí dotace – NMC-2023-0042');
    expect(text).toContain('Oznámení o neposkytnutí dotace');
    expect(text).toContain('podle § 10a odst. 4 písm. b) zákona č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů');
    expect(text).toContain('nebylo vyhověno a dotace Vám nebude poskytnuta');
    expect(text).toContain('Požadovaná výše dotace 95 000,00 Kč');
    expect(text).toContain('Rozhodnutí usnesení Rady hlavního města Prahy č. 1234 ze dne 20. 3. 2023');
    expect(text).toContain('Důvod neposkytnutí dotace');
    expect(text).toContain('Žádost nedosáhla minimálního počtu 60 bodů (získala 48,5 bodu); komise ji proto nedoporučila k podpoře');
    expect(text).toContain('Na poskytnutí dotace není právní nárok.');
  });

  it('goes out without a resolution when the application ended at the formal check', async () => {
    const data = rejection({ resolution: undefined, reason: 'Žádost nebyla ani po výzvě doplněna o povinnou přílohu (rozpočet projektu).' });
    const { text } = await extractText(await renderRejectionNotice(data));
    expect(text).not.toContain('Rozhodnutí usnesení');
    expect(text).toContain('Žádost nebyla ani po výzvě doplněna o povinnou přílohu (rozpočet projektu).');
  });

  it('refuses a notice without a reason or with an invalid IČO', async () => {
    await expect(renderRejectionNotice(rejection({ reason: '  ' }))).rejects.toThrow(/reason/);
    await expect(renderRejectionNotice(rejection({ addressee: { ...common().addressee, ico: '12345678' } }))).rejects.toThrow(/IČO/);
  });
});

describe('renderRemedyRequestForBreach', () => {
  function remedy(overrides: Partial<RemedyRequestData> = {}): RemedyRequestData {
    return {
      ...common({ date: '2023-08-14' }),
      agreement: { number: 'DOT/NMC/0042/2023', date: '2023-04-20' },
      breach: {
        description: 'V propagačních materiálech projektu (letáky ve vietnamštině a ukrajinštině) chybí údaj, že projekt finančně podpořilo hlavní město Praha.',
        conditionReference: 'čl. V bod 3 smlouvy (méně závažná povinnost)',
      },
      remedy: 'Doplňte údaj o podpoře hlavního města Prahy do elektronické verze letáků a do dotisku a doložte to poskytovateli.',
      deadline: '2023-09-15',
      ...overrides,
    };
  }

  it('names the breach, the remedy and the deadline under § 22 odst. 6', async () => {
    const { text, title } = await extractText(await renderRemedyRequestForBreach(remedy()));

    expect(title).toBe('Výzva k provedení opatření k nápravě – NMC-2023-0042');
    expect(text).toContain('Výzva k provedení opatření k nápravě');
    expect(text).toContain('veřejnoprávní smlouvy č. DOT/NMC/0042/2023 ze dne 20. 4. 2023');
    expect(text).toContain('Podle § 22 odst. 6 zákona č. 250/2000 Sb.');
    expect(text).toContain('Porušená povinnost čl. V bod 3 smlouvy (méně závažná povinnost)');
    expect(text).toContain('chybí údaj, že projekt finančně podpořilo hlavní město Praha');
    expect(text).toContain('Doplňte údaj o podpoře hlavního města Prahy do elektronické verze letáků');
    expect(text).toContain('Lhůta k provedení nápravy do 15. 9. 2023');
    expect(text).toContain('nejde o porušení rozpočtové kázně');
    expect(text).toContain('Neprovedete-li je ve lhůtě do 15. 9. 2023, jde o porušení rozpočtové kázně');
  });

  it('refuses a deadline that is not after the letter', async () => {
    await expect(renderRemedyRequestForBreach(remedy({ deadline: '2023-08-14' }))).rejects.toThrow(/deadline/);
    await expect(renderRemedyRequestForBreach(remedy({ remedy: '' }))).rejects.toThrow(/remedy/);
  });
});

describe('computeBreachPenalty', () => {
  it('charges 0,4 ‰ of the levy per day from the day after the breach', () => {
    // 31. 3. → 29. 7. 2023 is 120 days; 37 500 × 0,0004 × 120 = 1 800.
    const penalty = computeBreachPenalty({ levy: '37500.00', breachDate: '2023-03-31', until: '2023-07-29' });
    expect(penalty.days).toBe(120);
    expect(penalty.computed.toString()).toBe('1800.00');
    expect(penalty.cappedAtLevy).toBe(false);
    expect(penalty.imposed.toString()).toBe('1800.00');
  });

  it('rounds to the haléř, caps at the levy and imposes nothing up to 1 000 Kč', () => {
    // 12 345,67 × 0,0004 × 7 = 34,567876.
    expect(computeBreachPenalty({ levy: '12345.67', breachDate: '2023-01-01', until: '2023-01-08' }).computed.toString()).toBe('34.57');
    const capped = computeBreachPenalty({ levy: '5000.00', breachDate: '2015-01-01', until: '2023-03-20' });
    expect(capped.days).toBe(3000);
    expect(capped.computed.toString()).toBe('6000.00');
    expect(capped.cappedAtLevy).toBe(true);
    expect(capped.imposed.toString()).toBe('5000.00');
    const small = computeBreachPenalty({ levy: '10000.00', breachDate: '2023-01-01', until: '2023-04-11' });
    expect(small.computed.toString()).toBe('400.00');
    expect(small.imposed.isZero()).toBe(true);
  });

  it('takes the statutory parameters from the caller when they change', () => {
    const penalty = computeBreachPenalty({
      levy: '100000.00',
      breachDate: '2027-01-01',
      until: '2027-01-11',
      rules: { penaltyPerMille: '0.5', penaltyThreshold: '200.00' },
    });
    expect(penalty.computed.toString()).toBe('500.00');
    expect(penalty.imposed.toString()).toBe('500.00');
    expect(() => computeBreachPenalty({ levy: '1000.00', breachDate: '2023-02-01', until: '2023-01-01' })).toThrow(/before the breach/);
  });
});

describe('renderReturnCall', () => {
  function returnCall(overrides: Partial<ReturnCallData> = {}): ReturnCallData {
    return {
      ...common({ date: '2023-07-14' }),
      agreement: { number: 'DOT/NMC/0042/2023', date: '2023-04-20' },
      breach: {
        description: 'Část dotace ve výši 37 500,00 Kč byla použita na úhradu nákladů mimo dobu, v níž mělo být dosaženo účelu dotace (čl. III smlouvy).',
        date: '2023-03-31',
      },
      amount: '37500.00',
      dueDate: '2023-07-29',
      returnAccount: { number: '19-5157998/6000', bankName: 'PPF banka a.s.' },
      variableSymbol: '2023004201',
      ...overrides,
    };
  }

  it('shows the levy, the penalty computation, the account, variable symbol and due date', async () => {
    const { text, title } = await extractText(await renderReturnCall(returnCall()));

    expect(title).toBe('Výzva k vrácení dotace – NMC-2023-0042');
    expect(text).toContain('Výzva k vrácení dotace');
    expect(text).toContain('odvod za porušení rozpočtové kázně a penále');
    expect(text).toContain('byla použita na úhradu nákladů mimo dobu');
    expect(text).toContain('Odvod za porušení rozpočtové kázně 37 500,00 Kč');
    expect(text).toContain('Den porušení rozpočtové kázně 31. 3. 2023');
    expect(text).toContain('Penále počítáno od 1. 4. 2023 do 29. 7. 2023');
    expect(text).toContain('Počet dnů prodlení 120');
    expect(text).toContain('Sazba penále 0,4 ‰ z částky odvodu za každý den prodlení');
    expect(text).toContain('Výpočet 37 500,00 Kč × 0,4 ‰ × 120 dnů = 1 800,00 Kč');
    expect(text).toContain('Nejvýše do výše odvodu 37 500,00 Kč – neuplatní se');
    expect(text).toContain('Penále k úhradě 1 800,00 Kč');
    expect(text).toContain('Penále dále narůstá o 0,4 ‰ z částky odvodu, tj. 15,00 Kč, za každý další den prodlení po 29. 7. 2023');
    expect(text).toContain('Celkem k úhradě 39 300,00 Kč');
    expect(text).toContain('Splatnost 29. 7. 2023');
    expect(text).toContain('Účet poskytovatele 19-5157998/6000, PPF banka a.s.');
    expect(text).toContain('Variabilní symbol 2023004201');
    expect(text).toContain('zákona č. 280/2009 Sb., daňový řád');
  });

  it('carries a QR Platba code for the whole amount: an embedded image and the SPAYD string', async () => {
    const pdf = await renderReturnCall(returnCall());
    // The QR code is an image XObject in the PDF.
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    const { text } = await extractText(pdf);
    expect(text).toContain('QR Platba');
    // Levy 37 500,00 + penalty to the due date: what the table asks is what the code asks.
    const expected = paymentCode({
      account: '19-5157998/6000',
      amount: Money.parse('37500.00').add(computeBreachPenalty({ levy: '37500.00', breachDate: '2023-03-31', until: '2023-07-29' }).imposed),
      variableSymbol: '2023004201',
      dueDate: '2023-07-29',
      message: 'Odvod a penale, smlouva DOT/NMC/0042/2023',
    });
    expect(expected).toMatch(/^SPD\*1\.0\*ACC:CZ\d{22}\*AM:\d+\.\d{2}\*CC:CZK\*DT:20230729\*X-VS:2023004201\*MSG:/);
    expect(text.replace(/\s+/g, '')).toContain(expected.replace(/\s+/g, ''));
  });

  it('says the penalty is not imposed when it does not exceed 1 000 Kč, and applies the cap', async () => {
    const small = await extractText(await renderReturnCall(returnCall({ amount: '10000.00', penaltyUntil: '2023-07-09' })));
    expect(small.text).toContain('Výpočet 10 000,00 Kč × 0,4 ‰ × 100 dnů = 400,00 Kč');
    expect(small.text).toContain('Penále k úhradě 0,00 Kč');
    expect(small.text).toContain('Penále nepřesahuje 1 000,00 Kč, a proto se neukládá.');
    expect(small.text).toContain('Celkem k úhradě 10 000,00 Kč');

    const capped = await extractText(
      await renderReturnCall(returnCall({ amount: '5000.00', breach: { description: 'Dotace nebyla vyúčtována.', date: '2015-01-01' }, penaltyUntil: '2023-03-20' })),
    );
    expect(capped.text).toContain('Výpočet 5 000,00 Kč × 0,4 ‰ × 3000 dnů = 6 000,00 Kč');
    expect(capped.text).toContain('Nejvýše do výše odvodu 5 000,00 Kč – omezení uplatněno');
    expect(capped.text).toContain('Celkem k úhradě 10 000,00 Kč');
  });

  it('refuses a levy of 1 000 Kč or less, a bad account and a due date before the letter', async () => {
    await expect(renderReturnCall(returnCall({ amount: '1000.00' }))).rejects.toThrow(/not imposed/);
    await expect(renderReturnCall(returnCall({ returnAccount: { number: '19-5157999/6000', bankName: 'PPF' } }))).rejects.toThrow(/returnAccount/);
    await expect(renderReturnCall(returnCall({ dueDate: '2023-07-01' }))).rejects.toThrow(/dueDate/);
    await expect(renderReturnCall(returnCall({ variableSymbol: '12345678901' }))).rejects.toThrow(/variableSymbol/);
  });
});
