// #core carries class-validator DTOs whose decorators need the polyfill the apps load in main.
import 'reflect-metadata';
import { extractPdfPages } from './testing/pdf-text.js';
import { renderCommissionMinutes } from './commission-minutes.js';
import type { CommissionAreaRow, CommissionMinutesData } from './commission-minutes.js';

/** Text of every page, pages separated by form feeds, lines by newlines. */
async function extractPdfText(buffer: Buffer): Promise<{ pages: string[]; title: unknown }> {
  return extractPdfPages(buffer);
}

/**
 * Extraction may turn the no-break spaces of Czech typography into either kind, or plain spaces,
 * and a sentence may wrap anywhere, so every run of white space compares as one plain space.
 */
function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

function row(rank: number, overrides: Partial<CommissionAreaRow> = {}): CommissionAreaRow {
  const number = `NMC-2023-${String(rank).padStart(4, '0')}`;
  return {
    rank,
    applicationNumber: number,
    applicant: `Spolek č. ${rank}, z. s.`,
    projectTitle: `Projekt ${rank} – jazykové kurzy`,
    meanScore: '70.00',
    finalScore: '70.00',
    consensusReason: null,
    requested: '100000.00',
    recommended: '0.00',
    explanation: `Žádost ${number} nedosáhla minimálního počtu bodů, dotace se nedoporučuje.`,
    votes: { for: 5, against: 0, abstain: 0 },
    flagged: false,
    ...overrides,
  };
}

function minutes(overrides: Partial<CommissionMinutesData> = {}): CommissionMinutesData {
  return {
    call: { code: 'NMC-2023', title: 'Integrace cizinců na území hl. m. Prahy 2023' },
    commissionName: 'Komise Rady HMP pro oblast integrace cizinců – hodnoticí komise výzvy NMC-2023',
    session: {
      heldAt: new Date('2022-11-24T13:00:00Z'),
      place: 'Nová radnice, Mariánské nám. 2, Praha 1, zasedací místnost č. 135',
      number: '1/2023',
    },
    chair: 'Jiří Dvořák',
    secretary: 'Šárka Růžičková',
    members: [
      { name: 'Jiří Dvořák', present: true },
      { name: 'Božena Křížová', present: true },
      { name: 'Ondřej Šťastný', present: true },
      { name: 'Tomáš Ůlehla', present: false },
      { name: 'Žaneta Němcová', present: true },
    ],
    quorum: { present: 4, total: 5, required: 3, met: true },
    conflicts: [{ member: 'Božena Křížová', organisation: 'Centrum pro integraci cizinců, o.p.s.', reason: 'členka správní rady žadatele' }],
    criteria: [
      { code: 'K1', name: 'Soulad s Koncepcí hl. m. Prahy pro oblast integrace cizinců', maxScore: 30, weight: '1.5' },
      { code: 'K2', name: 'Přiměřenost a hospodárnost rozpočtu', maxScore: 20, weight: '1' },
    ],
    areas: [
      {
        code: 'I',
        name: 'Vzdělávání a jazyková podpora',
        allocation: '1500000.00',
        recommendedTotal: '1234567.00',
        remaining: '265433.00',
        rows: [
          row(1, {
            applicant: 'Centrum pro integraci cizinců, o.p.s.',
            projectTitle: 'Komunitní tlumočníci ve školách – Žižkov, Řeporyje',
            meanScore: '87.35',
            finalScore: '88.00',
            consensusReason: 'Hodnotitelé se shodli na vyšším hodnocení kritéria K1.',
            requested: '1500000.00',
            recommended: '1234567.00',
            explanation: 'Žádost dosáhla 88,00 bodu a je doporučena ke krácené podpoře ve výši 1 234 567,00 Kč.',
            votes: { for: 3, against: 1, abstain: 1 },
            flagged: true,
          }),
          row(2, {
            meanScore: null,
            finalScore: null,
            votes: null,
            explanation: 'Žádost nesplnila podmínky formální kontroly.',
          }),
        ],
      },
    ],
    discussion: [
      {
        applicationNumber: 'NMC-2023-0001',
        notes: 'Komise diskutovala rozdílné hodnocení kritéria K1; paní Křížová se hlasování zdržela.',
      },
    ],
    resolutionText: 'Komise doporučuje Radě hl. m. Prahy schválit poskytnutí dotací v rozsahu uvedeném v tomto zápisu.',
    generatedAt: new Date('2022-11-25T08:30:00Z'),
    ...overrides,
  };
}

function longArea(count: number): CommissionMinutesData['areas'][number] {
  return {
    code: 'II',
    name: 'Sociální a právní poradenství',
    allocation: '150000000.00',
    recommendedTotal: String(count * 50_000) + '.00',
    remaining: String(150_000_000 - count * 50_000) + '.00',
    rows: Array.from({ length: count }, (_, index) => row(index + 1, { recommended: '50000.00' })),
  };
}

describe('renderCommissionMinutes', () => {
  it('renders the minutes with Czech diacritics, attendance, quorum, conflicts, scores, money and votes', async () => {
    const buffer = await renderCommissionMinutes(minutes());

    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, title } = await extractPdfText(buffer);
    const text = normaliseSpaces(pages.join('\f'));

    expect(title).toBe('Zápis z jednání komise č. 1/2023 – NMC-2023');
    expect(text).toContain('Hlavní město Praha');
    expect(text).toContain('Magistrát hlavního města Prahy');
    expect(text).toContain('Oddělení národnostních menšin a cizinců');
    expect(text).toContain('Zápis z jednání Komise Rady HMP pro oblast integrace cizinců');
    expect(text).toContain('24. 11. 2022 14:00');
    expect(text).toContain('Nová radnice, Mariánské nám. 2');
    expect(text).toContain('1/2023');

    expect(text).toContain('Božena Křížová');
    expect(text).toContain('Ondřej Šťastný');
    expect(text).toContain('Tomáš Ůlehla omluven(a)');
    expect(text).toContain('Žaneta Němcová přítomen(a)');
    expect(text).toContain('Komise je usnášeníschopná.');
    expect(text).toContain('Počet přítomných členů komise: 4 z 5; k usnášeníschopnosti je třeba přítomnost nejméně 3 členů.');

    expect(text).toContain('nahlásili střet zájmů');
    expect(text).toContain('Božena Křížová Centrum pro integraci cizinců, o.p.s. členka správní rady žadatele');

    expect(text).toContain('Soulad s Koncepcí hl. m. Prahy pro oblast integrace cizinců');
    expect(text).toContain('1,5');

    expect(text).toContain('Okruh I – Vzdělávání a jazyková podpora');
    expect(text).toContain('87,35 *');
    expect(text).toContain('88,00');
    expect(text).toContain('1 500 000,00 Kč');
    expect(text).toContain('1 234 567,00 Kč');
    expect(text).toContain('265 433,00 Kč');
    expect(text).toContain('3 / 1 / 1');
    // Requested in total: 1 500 000 + 100 000.
    expect(text).toContain('1 600 000,00 Kč');
    expect(text).toContain('Žádost dosáhla 88,00 bodu a je doporučena ke krácené podpoře ve výši 1 234 567,00 Kč.');
    // The engine writes plain spaces; the amount must still not wrap away from its "Kč".
    expect(pages.join('\f')).not.toMatch(/567,00\s*\n\s*Kč/);
    expect(text).toContain('Konečné body stanovila komise dohodou: Hodnotitelé se shodli na vyšším hodnocení kritéria K1.');
    expect(text).toContain('Žádost nesplnila podmínky formální kontroly.');

    expect(text).toContain('Žádost NMC-2023-0001 – Centrum pro integraci cizinců, o.p.s.');
    expect(text).toContain('Komise diskutovala rozdílné hodnocení kritéria K1');
    expect(text).toContain('Komise doporučuje Radě hl. m. Prahy schválit poskytnutí dotací');
    expect(text).toContain('V Praze dne 25. 11. 2022');
    expect(text).toContain('Zapsal(a): Šárka Růžičková');
    expect(text).toContain('Ověřil(a): Jiří Dvořák');
    expect(text).toContain(`Strana 1 z ${pages.length}`);
  });

  it('states when there is no conflict of interest, no quorum, no application in an area and no discussion', async () => {
    const emptyArea = { ...minutes().areas[0], recommendedTotal: '0.00', remaining: '1500000.00', rows: [] };
    const data = minutes({
      conflicts: [],
      quorum: { present: 2, total: 5, required: 3, met: false },
      areas: [emptyArea],
      discussion: [],
    });
    const text = normaliseSpaces((await extractPdfText(await renderCommissionMinutes(data))).pages.join('\f'));

    expect(text).toContain('Žádný člen nehlásil střet zájmů.');
    expect(text).toContain('Komise není usnášeníschopná.');
    expect(text).toContain('Počet přítomných členů komise: 2 z 5');
    expect(text).toContain('V tomto okruhu nebyla projednávána žádná žádost.');
    expect(text).toContain('Zbývá nerozděleno 1 500 000,00 Kč');
    expect(text).toContain('K jednotlivým žádostem neproběhla zvláštní rozprava.');
  });

  it('is deterministic for the same data', async () => {
    const first = await renderCommissionMinutes(minutes());
    const second = await renderCommissionMinutes(minutes());
    expect(first.equals(second)).toBe(true);
  });

  it('continues a long table on further pages with the header repeated', async () => {
    const { pages } = await extractPdfText(await renderCommissionMinutes(minutes({ areas: [longArea(60)] })));
    const second = normaliseSpaces(pages[1]);

    expect(pages.length).toBeGreaterThan(2);
    expect(second).toContain('Číslo žádosti');
    expect(second).not.toContain('1. NMC-2023-0001 ');
    expect(second).toMatch(/\b(\d+)\. NMC-2023-00\1 Spolek č\. \1, z\. s\. „Projekt \1 – jazykové kurzy“ 70,00 70,00 100 000,00 Kč 50 000,00 Kč 5 \/ 0 \/ 0/);
    expect(normaliseSpaces(pages.join('\f'))).toContain(`Strana 2 z ${pages.length}`);
  });

  it('rejects invalid data instead of printing it', async () => {
    const [area] = minutes().areas;
    await expect(renderCommissionMinutes(minutes({ areas: [{ ...area, recommendedTotal: '1.00' }] }))).rejects.toThrow(/recommendedTotal/);
    await expect(renderCommissionMinutes(minutes({ areas: [{ ...area, rows: [row(1, { meanScore: '87,35' })] }] }))).rejects.toThrow(/meanScore/);
    await expect(renderCommissionMinutes(minutes({ areas: [{ ...area, rows: [row(1, { requested: 'lots' })] }] }))).rejects.toThrow();
  });

  it('renders 1 000 applications in one area', async () => {
    const data = minutes({ areas: [longArea(1000)] });
    const started = performance.now();
    const buffer = await renderCommissionMinutes(data);
    const elapsed = performance.now() - started;
    console.log(`commission minutes with 1 000 applications: ${elapsed.toFixed(0)} ms, ${buffer.length} bytes`);

    const { pages } = await extractPdfText(buffer);
    const text = normaliseSpaces(pages.join('\f'));
    expect(text).toContain('1000. NMC-2023-1000 Spolek č. 1000, z. s. „Projekt 1000 – jazykové kurzy“ 70,00 70,00 ');
    expect(text).toContain('50 000 000,00 Kč');
    expect(text).toContain(`Strana ${pages.length} z ${pages.length}`);
  });
});
