import { Money, formatCzechDate } from '#core';
import { PdfDocumentBuilder } from './pdf-document.js';
import type { TableColumn } from './pdf-document.js';

/**
 * Everything printed in the fulfilment report, as plain values gathered by the reporting module.
 * Amounts are decimal strings with a dot ("150000.00").
 */
export interface FulfilmentReportData {
  actionPlan: { title: string; year: number | null };
  generatedAt: Date;
  /** Human-readable filter lines, e.g. "Výzva: NMC-2023"; may be empty. */
  filters: string[];
  /** Money per priority of the action plan. */
  priorities: FulfilmentPriority[];
  activities: FulfilmentActivity[];
  totals: { supportedProjects: number; approved: string; paid: string; settled: string };
}

export interface FulfilmentPriority {
  code: string;
  name: string;
  approved: string;
  paid: string;
}

export interface FulfilmentActivity {
  code: string;
  name: string;
  priorityCode: string;
  /** What the action plan asks for, e.g. "počet podpořených projektů". */
  indicators: string[];
  supportedProjects: number;
  approved: string;
  paid: string;
  settled: string;
  /** What the projects reported, aggregated per indicator and unit. */
  outputs: FulfilmentOutput[];
}

export interface FulfilmentOutput {
  indicator: string;
  unit: string;
  promised: number;
  achieved: number;
}

export interface FulfilmentReportRenderOptions {
  /** PDF creation date; defaults to `generatedAt`, so the same data gives the same bytes. */
  creationDate?: Date;
}

export const FULFILMENT_REPORT_TITLE = 'Zpráva o naplňování akčního plánu Koncepce hl. m. Prahy pro oblast integrace cizinců – část dotační program';

export const NO_OUTPUTS_SENTENCE = 'Projekty k této aktivitě dosud nevykázaly výstupy.';

const DEFAULT_DEPARTMENT = ['Oddělení národnostních menšin a cizinců'] as const;

const OUTPUT_COLUMNS: readonly TableColumn[] = [
  { header: 'Indikátor', width: 5 },
  { header: 'Jednotka', width: 1.6 },
  { header: 'Plánováno', width: 1.5, align: 'right' },
  { header: 'Dosaženo', width: 1.5, align: 'right' },
];

const COUNT = new Intl.NumberFormat('cs-CZ', { maximumFractionDigits: 0 });
const QUANTITY = new Intl.NumberFormat('cs-CZ', { maximumFractionDigits: 2 });

/** Czech integer format, e.g. 12 345 (grouped with a no-break space). */
function formatCount(value: number): string {
  return COUNT.format(value);
}

/**
 * "Zpráva o naplňování akčního plánu …": how the grant programme contributed to the activities of
 * the City's integration action plan. Invalid amounts reject the promise rather than throwing.
 */
export async function renderFulfilmentReport(data: FulfilmentReportData, options: FulfilmentReportRenderOptions = {}): Promise<Buffer> {
  // Validate everything before laying anything out, so bad data fails fast.
  const totals = {
    approved: Money.parse(data.totals.approved, 'totals.approved'),
    paid: Money.parse(data.totals.paid, 'totals.paid'),
    settled: Money.parse(data.totals.settled, 'totals.settled'),
  };
  const priorities = data.priorities.map((priority, index) => ({
    ...priority,
    approved: Money.parse(priority.approved, `priorities[${index}].approved`),
    paid: Money.parse(priority.paid, `priorities[${index}].paid`),
  }));
  const activities = data.activities.map((activity, index) => ({
    ...activity,
    approved: Money.parse(activity.approved, `activities[${index}].approved`),
    paid: Money.parse(activity.paid, `activities[${index}].paid`),
    settled: Money.parse(activity.settled, `activities[${index}].settled`),
  }));

  const planName = data.actionPlan.year === null ? data.actionPlan.title : `${data.actionPlan.title} (${data.actionPlan.year})`;
  const document = new PdfDocumentBuilder({
    title: FULFILMENT_REPORT_TITLE,
    subject: `Action plan fulfilment report – grant programme – ${planName}`,
    keywords: ['akční plán', 'integrace cizinců', 'dotační program', 'zpráva'].join(', '),
    creationDate: options.creationDate ?? data.generatedAt,
    footerNote: `Zpráva o naplňování akčního plánu – ${planName}`,
  });

  document
    .header({ departmentLines: DEFAULT_DEPARTMENT })
    .title(FULFILMENT_REPORT_TITLE, planName)
    .paragraph(`Sestaveno dne ${formatCzechDate(data.generatedAt)}.`, { muted: true, align: 'left' });

  document.heading('1. Rozsah zprávy');
  if (data.filters.length === 0) {
    document.paragraph('Zpráva zahrnuje všechny výzvy a projekty dotačního programu bez omezení.', { align: 'left' });
  } else {
    for (const filter of data.filters) document.paragraph(filter, { align: 'left' });
  }

  document.heading('2. Souhrn').keyValueTable([
    { label: 'Počet podpořených projektů', value: formatCount(data.totals.supportedProjects) },
    { label: 'Schváleno celkem', value: totals.approved },
    { label: 'Vyplaceno celkem', value: totals.paid },
    { label: 'Vyúčtováno celkem', value: totals.settled },
  ]);

  document.heading('3. Schválené prostředky podle priorit');
  if (priorities.length === 0) {
    document.paragraph('Akční plán nemá žádné priority s přidělenými prostředky.', { align: 'left' });
  } else {
    barChart(
      document,
      priorities.map((priority) => ({
        label: `${priority.code} ${priority.name}`,
        value: priority.approved.halere,
        valueText: priority.approved.format(),
      })),
    );
    document.table(
      [
        { header: 'Priorita', width: 5 },
        { header: 'Schváleno', width: 2, align: 'right' },
        { header: 'Vyplaceno', width: 2, align: 'right' },
      ],
      priorities.map((priority) => [`${priority.code} – ${priority.name}`, priority.approved, priority.paid]),
    );
  }

  document.heading('4. Aktivity akčního plánu');
  if (activities.length === 0) {
    document.paragraph('K žádné aktivitě akčního plánu nebyl podpořen projekt.', { align: 'left' });
  }
  for (const activity of activities) {
    document.heading(`${activity.code} – ${activity.name}`);
    if (activity.indicators.length > 0) {
      document.paragraph(`Indikátory akčního plánu: ${activity.indicators.join('; ')}`, { align: 'left' });
    }
    document.keyValueTable([
      { label: 'Priorita', value: activity.priorityCode },
      { label: 'Podpořené projekty', value: formatCount(activity.supportedProjects) },
      { label: 'Schváleno', value: activity.approved },
      { label: 'Vyplaceno', value: activity.paid },
      { label: 'Vyúčtováno', value: activity.settled },
    ]);
    if (activity.outputs.length === 0) {
      document.paragraph(NO_OUTPUTS_SENTENCE, { muted: true, align: 'left' });
    } else {
      document.table(
        OUTPUT_COLUMNS,
        activity.outputs.map((output) => [output.indicator, output.unit, QUANTITY.format(output.promised), QUANTITY.format(output.achieved)]),
      );
    }
  }

  return document.finish();
}

interface BarChartRow {
  label: string;
  value: bigint;
  valueText: string;
}

/**
 * Horizontal bars, one per row: label on the left, bar scaled to the largest value, amount on the
 * right. Drawn on the builder's pdfkit document; the chart is kept on one page.
 */
function barChart(document: PdfDocumentBuilder, rows: readonly BarChartRow[]): void {
  const pdf = document.pdf;
  const page = pdf.page;
  const left = page.margins.left;
  const width = page.width - left - page.margins.right;
  const labelWidth = width * 0.34;
  const valueWidth = width * 0.24;
  const gap = 6;
  const barMax = width - labelWidth - valueWidth - 2 * gap;
  const fontSize = 8;
  const rowHeight = 16;
  const barHeight = 10;
  const max = rows.reduce((m, row) => (row.value > m ? row.value : m), 0n);

  pdf.fontSize(fontSize);
  const heights = rows.map((row) => Math.max(rowHeight, pdf.heightOfString(row.label, { width: labelWidth }) + 4));
  document.ensureSpace(heights.reduce((sum, h) => sum + h, 0) + 8);

  let y = pdf.y;
  rows.forEach((row, index) => {
    const height = heights[index];
    pdf.fontSize(fontSize).fillColor('#000000');
    pdf.text(row.label, left, y + 2, { width: labelWidth });
    const barX = left + labelWidth + gap;
    // Scale in bigint-safe steps: per-mille of the maximum is precise enough to draw.
    const share = max > 0n && row.value > 0n ? Number((row.value * 1000n) / max) / 1000 : 0;
    const barWidth = Math.max(share > 0 ? 1 : 0, barMax * share);
    if (barWidth > 0)
      pdf
        .rect(barX, y + (height - barHeight) / 2, barWidth, barHeight)
        .fillColor('#4a6fa5')
        .fill();
    pdf
      .rect(barX, y + 1, 0.5, height - 2)
      .fillColor('#b0b0b0')
      .fill();
    pdf.fillColor('#000000').text(row.valueText, barX + barMax + gap, y + 2, { width: valueWidth, align: 'right' });
    y += height;
  });
  pdf.x = left;
  pdf.y = y;
  pdf.fontSize(10).fillColor('#000000');
  document.moveDown(0.8);
}
