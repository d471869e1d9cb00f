// #core carries class-validator DTOs whose decorators need the polyfill the apps load in main.
import 'reflect-metadata';
import { extractPdfPages } from './testing/pdf-text.js';
import { FULFILMENT_REPORT_TITLE, NO_OUTPUTS_SENTENCE, renderFulfilmentReport } from './fulfilment-report.js';
import type { FulfilmentReportData } from './fulfilment-report.js';

/** Extraction may turn no-break spaces into other spaces and text may wrap anywhere. */
function normaliseSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ');
}

async function textOf(buffer: Buffer): Promise<{ text: string; title: unknown }> {
  const { pages, title } = await extractPdfPages(buffer);
  return { text: normaliseSpaces(pages.join('\n')), title };
}

function report(overrides: Partial<FulfilmentReportData> = {}): FulfilmentReportData {
  return {
    actionPlan: { title: 'Akční plán Koncepce hl. m. Prahy pro oblast integrace cizinců', year: 2023 },
    generatedAt: new Date('2023-12-15T09:00:00Z'),
    filters: ['Výzva: NMC-2023'],
    priorities: [
      { code: '1', name: 'Vzdělávání a čeština', approved: '1500000.00', paid: '1200000.00' },
      { code: '2', name: 'Soužití ve městě', approved: '350000.50', paid: '0.00' },
    ],
    activities: [
      {
        code: '1.1.2',
        name: 'Kurzy češtiny pro dospělé cizince',
        priorityCode: '1',
        indicators: ['počet podpořených projektů', 'počet účastníků kurzů'],
        supportedProjects: 12,
        approved: '1234567.00',
        paid: '1000000.00',
        settled: '250000.00',
        outputs: [
          { indicator: 'Počet účastníků kurzů', unit: 'osoba', promised: 1500, achieved: 1320 },
          { indicator: 'Počet hodin výuky', unit: 'hodina', promised: 800, achieved: 812 },
        ],
      },
      {
        code: '2.3.1',
        name: 'Komunitní akce v městských částech',
        priorityCode: '2',
        indicators: ['počet akcí'],
        supportedProjects: 3,
        approved: '350000.50',
        paid: '0.00',
        settled: '0.00',
        outputs: [],
      },
    ],
    totals: { supportedProjects: 15, approved: '1850000.50', paid: '1200000.00', settled: '250000.00' },
    ...overrides,
  };
}

describe('renderFulfilmentReport', () => {
  it('renders the title, activities, money, outputs and the no-outputs sentence', async () => {
    const buffer = await renderFulfilmentReport(report());
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, title } = await textOf(buffer);

    expect(title).toBe(FULFILMENT_REPORT_TITLE);
    expect(text).toContain('Zpráva o naplňování akčního plánu Koncepce hl. m. Prahy pro oblast integrace cizinců');
    expect(text).toContain('část dotační program');
    expect(text).toContain('Výzva: NMC-2023');
    expect(text).toContain('1.1.2 – Kurzy češtiny pro dospělé cizince');
    expect(text).toContain('2.3.1 – Komunitní akce v městských částech');
    expect(text).toContain('počet podpořených projektů');
    // Money the Czech way, in the summary, the chart and the activity table.
    expect(text).toContain('1 850 000,50 Kč');
    expect(text).toContain('1 234 567,00 Kč');
    expect(text).toContain('350 000,50 Kč');
    expect(text).toContain('Vzdělávání a čeština');
    // Output rows with Czech-formatted counts.
    expect(text).toMatch(/Počet účastníků kurzů osoba 1 500 1 320/);
    expect(text).toMatch(/Počet hodin výuky hodina 800 812/);
    expect(text).toContain(NO_OUTPUTS_SENTENCE);
    expect(text).toContain('Strana 1 z');
  });

  it('is deterministic for the same data', async () => {
    const [first, second] = await Promise.all([renderFulfilmentReport(report()), renderFulfilmentReport(report())]);
    expect(first.equals(second)).toBe(true);
  });

  it('handles no filters, no priorities and a plan without a year', async () => {
    const buffer = await renderFulfilmentReport(report({ filters: [], priorities: [], actionPlan: { title: 'Akční plán', year: null } }));
    const { text } = await textOf(buffer);
    expect(text).toContain('bez omezení');
    expect(text).toContain('Akční plán nemá žádné priority');
  });

  it('rejects invalid amounts', async () => {
    await expect(renderFulfilmentReport(report({ totals: { supportedProjects: 1, approved: '12,50', paid: '0', settled: '0' } }))).rejects.toThrow();
    const data = report();
    data.activities[0].paid = 'lots';
    await expect(renderFulfilmentReport(data)).rejects.toThrow();
  });
});
