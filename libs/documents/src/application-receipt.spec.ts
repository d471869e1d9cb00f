// #core carries class-validator DTOs whose decorators need the polyfill the apps load in main.
import 'reflect-metadata';
import { extractPdfPages } from './testing/pdf-text.js';
import { formatCzechByteSize, renderApplicationReceipt } from './application-receipt.js';
import type { ApplicationReceiptData } from './application-receipt.js';

/** Text of every page, pages separated by form feeds, lines by newlines. */
async function extractPdfText(buffer: Buffer): Promise<{ text: string; pageCount: number; title: unknown }> {
  const { pages, title } = await extractPdfPages(buffer);
  return { text: pages.join('\f'), pageCount: pages.length, title };
}

/**
 * Extraction may turn the no-break spaces of Czech typography into either kind, or plain spaces,
 * and a sentence may wrap anywhere, so every run of white space compares as one plain space.
 */
function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

function receipt(overrides: Partial<ApplicationReceiptData> = {}): ApplicationReceiptData {
  return {
    receiptNumber: 'NMC-2023-0042/2',
    submittedAt: new Date('2023-11-24T13:05:00Z'),
    issuingDepartment: ['Oddělení národnostních menšin a cizinců'],
    call: { code: 'NMC-2023', title: 'Integrace cizinců na území hl. m. Prahy 2023' },
    application: {
      number: 'NMC-2023-0042',
      title: 'Komunitní tlumočníci ve školách – Žižkov, Řeporyje',
      budgetAreaName: 'Vzdělávání a jazyková podpora',
      requestedAmount: '125000.00',
      totalCost: '180500.50',
      versionNo: 2,
    },
    organisation: { name: 'Sdružení pro integraci a migraci, o.p.s.', ico: '12345678', seat: 'Plzeňská 1240/4, 150 00 Praha 5 – Smíchov' },
    submittedBy: { name: 'Šárka Dvořáková', email: 'sarka.dvorakova@example.cz' },
    annexes: [
      { annexName: 'Rozpočet projektu', fileName: 'rozpočet-ťukání-ďábel.xlsx', sha256: 'a'.repeat(64), sizeBytes: 1_234_567 },
      { annexName: 'Čestné prohlášení', fileName: 'prohlášení.pdf', sha256: 'b'.repeat(64), sizeBytes: 48_213 },
    ],
    contentSha256: '3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea',
    ...overrides,
  };
}

describe('renderApplicationReceipt', () => {
  it('renders a PDF whose text keeps Czech diacritics, amounts and the receipt number', async () => {
    const buffer = await renderApplicationReceipt(receipt());

    expect(buffer.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text: raw, pageCount, title } = await extractPdfText(buffer);
    const text = normaliseSpaces(raw);

    expect(pageCount).toBe(1);
    expect(title).toBe('Potvrzení o přijetí žádosti o dotaci č. NMC-2023-0042/2');
    for (const letter of ['ř', 'ě', 'ů', 'č', 'ň', 'ť', 'ď', 'ž', 'š', 'Ř', 'Ž', 'Š']) {
      expect(text).toContain(letter);
    }
    expect(text).toContain('Potvrzení o přijetí žádosti o dotaci');
    expect(text).toContain('Receipt of a grant application');
    expect(text).toContain('Hlavní město Praha');
    expect(text).toContain('Magistrát hlavního města Prahy');
    expect(text).toContain('Sdružení pro integraci a migraci, o.p.s.');
    expect(text).toContain('Komunitní tlumočníci ve školách – Žižkov, Řeporyje');
    expect(text).toContain('NMC-2023-0042/2');
    expect(text).toContain('125 000,00 Kč');
    expect(text).toContain('180 500,50 Kč');
    expect(text).toContain('24. 11. 2023 14:05');
    expect(text).toContain('1,2 MB');
    expect(text).toContain('48,2 kB');
    expect(text).toContain('§ 10a');
    expect(text).toContain('zákon č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů');
    expect(text).toContain('Strana 1 z 1');
  });

  it("prints the submission's position in the audit chain when it is known", async () => {
    const without = normaliseSpaces((await extractPdfText(await renderApplicationReceipt(receipt()))).text);
    expect(without).not.toContain('auditního řetězce');
    const text = normaliseSpaces((await extractPdfText(await renderApplicationReceipt(receipt({ auditEntry: { seq: '123456', hash: 'c'.repeat(64) } })))).text);
    expect(text).toContain('Záznam č. 123456 auditního řetězce');
    expect(text.replace(/\s/g, '')).toContain('c'.repeat(64));
  });

  it('is deterministic for the same data and creation date', async () => {
    const creationDate = new Date('2023-11-24T13:05:01Z');
    const first = await renderApplicationReceipt(receipt(), { creationDate });
    const second = await renderApplicationReceipt(receipt(), { creationDate });

    expect((await extractPdfText(first)).pageCount).toBe((await extractPdfText(second)).pageCount);
    expect(first.equals(second)).toBe(true);
  });

  it('breaks a long list of annexes onto further pages and numbers them', async () => {
    const annexes = Array.from({ length: 40 }, (_, index) => ({
      annexName: `Příloha č. ${index + 1} – doklad o bezúhonnosti`,
      fileName: `příloha-${index + 1}.pdf`,
      sha256: index.toString(16).padStart(64, '0'),
      sizeBytes: 1000 * (index + 1),
    }));
    const { text: raw, pageCount } = await extractPdfText(await renderApplicationReceipt(receipt({ annexes })));
    const text = normaliseSpaces(raw);

    expect(pageCount).toBeGreaterThan(1);
    expect(text).toContain(`Strana 1 z ${pageCount}`);
    expect(text).toContain(`Strana ${pageCount} z ${pageCount}`);
    expect(text).toContain('Příloha č. 40 – doklad o bezúhonnosti');
    // The column headers repeat on the page where the table continues.
    expect(raw.split('\f')[1]).toContain('Otisk SHA-256');
  });

  it('says so when there are no annexes', async () => {
    const { text } = await extractPdfText(await renderApplicationReceipt(receipt({ annexes: [] })));
    expect(text).toContain('Žádost byla podána bez příloh.');
  });
});

describe('formatCzechByteSize', () => {
  it('prints Czech decimal sizes with a no-break space before the unit', () => {
    expect(formatCzechByteSize(512)).toBe('512\u00a0B');
    expect(formatCzechByteSize(1_234_567)).toBe('1,2\u00a0MB');
    expect(formatCzechByteSize(48_213)).toBe('48,2\u00a0kB');
    expect(formatCzechByteSize(999_960)).toBe('1,0\u00a0MB');
  });
});
