import { Money, formatCzechDate, formatCzechDateTime } from '#core';
import { PdfDocumentBuilder } from './pdf-document.js';
import type { TableCell, TableColumn } from './pdf-document.js';

/**
 * Everything printed in the minutes, as plain values: the evaluation module gathers them (and the
 * engine's Czech sentences), so this library depends on no domain module. Amounts are decimal
 * strings with a dot ("1500000.00"), scores too ("87.35").
 */
export interface CommissionMinutesData {
  call: { code: string; title: string };
  /** e.g. "Komise Rady HMP pro oblast integrace cizinců – hodnoticí komise výzvy NMC-2023". */
  commissionName: string;
  /** `number` is the session's own number, e.g. "1/2023". */
  session: { heldAt: Date; place: string; number: string };
  chair: string;
  secretary: string;
  /**
   * Lines printed under "Magistrát hlavního města Prahy" in the header. Defaults to the section
   * that administers the integration calls.
   */
  issuingDepartment?: readonly string[];
  members: readonly CommissionMember[];
  quorum: { present: number; total: number; required: number; met: boolean };
  /** Declared conflicts of interest. */
  conflicts: readonly CommissionConflict[];
  criteria: readonly CommissionCriterion[];
  areas: readonly CommissionArea[];
  discussion: readonly { applicationNumber: string; notes: string }[];
  /** The commission's conclusion paragraph. */
  resolutionText: string;
  generatedAt: Date;
}

export interface CommissionMember {
  name: string;
  present: boolean;
}

export interface CommissionConflict {
  member: string;
  organisation: string;
  reason: string;
}

export interface CommissionCriterion {
  code: string;
  name: string;
  maxScore: number;
  /** As the call defines it, e.g. "1.5" (printed "1,5") or "30 %". */
  weight: string;
}

export interface CommissionArea {
  /** e.g. "I": the heading reads "Okruh I – …". */
  code: string;
  name: string;
  allocation: string;
  /** Must equal the sum of the rows' `recommended`; rendering rejects otherwise. */
  recommendedTotal: string;
  remaining: string;
  rows: readonly CommissionAreaRow[];
}

export interface CommissionAreaRow {
  rank: number;
  applicationNumber: string;
  applicant: string;
  projectTitle: string;
  /** null when nobody scored the application (e.g. it failed the formal check). */
  meanScore: string | null;
  finalScore: string | null;
  /** Why the commission set the final score by agreement, if it did. */
  consensusReason: string | null;
  requested: string;
  recommended: string;
  /** The engine's Czech sentence explaining the outcome. */
  explanation: string;
  votes: { for: number; against: number; abstain: number } | null;
  /** Discussed because the reviewers' scores differed too much. */
  flagged: boolean;
}

export interface CommissionMinutesRenderOptions {
  /**
   * PDF creation date. Defaults to `generatedAt`, so rendering the same minutes again gives the
   * very same file as the one that was signed.
   */
  creationDate?: Date;
}

const DEFAULT_DEPARTMENT = ['Oddělení národnostních menšin a cizinců'] as const;
const DASH = '–';
const FLAG_MARK = '*';
const FLAGGED_EXPLANATION = '\nŽádost byla projednána samostatně pro výrazný rozdíl v\u00a0hodnocení hodnotitelů.';

/**
 * Widths in points of the A4 text width, sized so that no number, amount or header word has to be
 * broken mid-word at 7 pt (a word needs its own width plus the trailing space): rank "1000.",
 * "NMC-2023-0042", "100,00 *", "99 999 999,99 Kč", "Hlasování". Applicant and project share
 * one column because two narrow ones would split longer Czech words letter by letter.
 */
const APPLICATION_COLUMNS: readonly TableColumn[] = [
  { header: 'Poř.', width: 23, align: 'right' },
  { header: 'Číslo žádosti', width: 60 },
  { header: 'Žadatel / projekt', width: 101 },
  { header: 'Průměr bodů', width: 36.5, align: 'right' },
  { header: 'Konečné body', width: 36.5, align: 'right' },
  { header: 'Požadováno', width: 63, align: 'right' },
  { header: 'Doporučeno', width: 63, align: 'right' },
  { header: 'Hlasování pro / proti / zdržel se', width: 42.5, align: 'right' },
];

/** Same rank and number columns as above, but at 8 pt. */
const EXPLANATION_COLUMNS: readonly TableColumn[] = [
  { header: 'Poř.', width: 26, align: 'right' },
  { header: 'Číslo žádosti', width: 69 },
  { header: 'Odůvodnění', width: 325 },
];

/**
 * "Zápis z jednání komise": the record of the session at which the grant commission scored the
 * applications and recommended the amounts. Invalid data (an amount Money cannot parse, a score
 * that is not a decimal number, an area whose rows do not add up to its recommended total)
 * rejects the promise rather than throwing.
 */
export async function renderCommissionMinutes(data: CommissionMinutesData, options: CommissionMinutesRenderOptions = {}): Promise<Buffer> {
  // Validate and format everything before laying anything out, so bad data fails fast.
  const areas = data.areas.map(prepareArea);

  const heldAt = formatCzechDateTime(data.session.heldAt);
  const document = new PdfDocumentBuilder({
    title: `Zápis z jednání komise č. ${data.session.number} – ${data.call.code}`,
    subject: `Minutes of the grant commission session ${data.session.number} – ${data.call.code}`,
    keywords: [data.call.code, data.session.number, 'zápis', 'komise'].join(', '),
    creationDate: options.creationDate ?? data.generatedAt,
    footerNote: `Zápis z jednání komise č. ${data.session.number} – výzva ${data.call.code}`,
  });

  document
    .header({ departmentLines: data.issuingDepartment ?? DEFAULT_DEPARTMENT })
    .title(`Zápis z jednání ${data.commissionName}`, `č. ${data.session.number}`)
    .heading('1. Údaje o jednání')
    .keyValueTable([
      { label: 'Dotační výzva', value: `${data.call.code} – ${data.call.title}` },
      { label: 'Číslo jednání', value: data.session.number },
      { label: 'Datum a čas jednání', value: heldAt },
      { label: 'Místo jednání', value: data.session.place },
      { label: 'Předsedající', value: data.chair },
      { label: 'Zapisovatel(ka)', value: data.secretary },
    ])
    .heading('2. Účast členů komise');

  if (data.members.length === 0) {
    document.paragraph('Seznam členů komise nebyl k zápisu připojen.');
  } else {
    // Gender is not in the data, so the forms follow the "Zapsal(a)" convention of the signatures.
    document.table(
      [
        { header: 'Č.', width: 0.6, align: 'right' },
        { header: 'Člen komise', width: 6 },
        { header: 'Účast', width: 2 },
      ],
      data.members.map((member, index) => [`${index + 1}.`, member.name, member.present ? 'přítomen(a)' : 'omluven(a)']),
    );
  }
  const { present, total, required, met } = data.quorum;
  // A count-neutral phrasing: "přítomen / přítomni / přítomno" would otherwise depend on the number.
  document
    .paragraph(met ? 'Komise je usnášeníschopná.' : 'Komise není usnášeníschopná.', { bold: true })
    .paragraph(czechNoBreaks(`Počet přítomných členů komise: ${present} z ${total}; k usnášeníschopnosti je třeba ` + `přítomnost nejméně ${required} členů.`))
    .heading('3. Střet zájmů');

  if (data.conflicts.length === 0) {
    document.paragraph('Žádný člen nehlásil střet zájmů.');
  } else {
    document.paragraph('Následující členové komise nahlásili střet zájmů:').table(
      [
        { header: 'Člen komise', width: 3 },
        { header: 'Organizace', width: 3 },
        { header: 'Důvod', width: 4 },
      ],
      data.conflicts.map((conflict) => [conflict.member, conflict.organisation, conflict.reason]),
    );
  }

  document.heading('4. Hodnoticí kritéria');
  if (data.criteria.length === 0) {
    document.paragraph('Výzva nestanoví bodová hodnoticí kritéria.');
  } else {
    document.table(
      [
        { header: 'Kód', width: 1 },
        { header: 'Kritérium', width: 6 },
        { header: 'Max. bodů', width: 1.3, align: 'right' },
        { header: 'Váha', width: 1.1, align: 'right' },
      ],
      data.criteria.map((criterion) => [criterion.code, criterion.name, decimalComma(String(criterion.maxScore)), decimalComma(criterion.weight)]),
    );
  }

  document.heading('5. Výsledky hodnocení podle okruhů');
  if (areas.length === 0) {
    document.paragraph('Komise neprojednávala žádný okruh výzvy.');
  }
  areas.forEach((area, index) => {
    const number = `5.${index + 1}`;
    const totals = [
      { label: 'Alokace okruhu', value: area.allocation },
      { label: 'Požadováno celkem', value: area.requestedSum },
      { label: 'Doporučeno celkem', value: area.recommendedTotal },
      { label: 'Zbývá nerozděleno', value: area.remaining },
    ];
    document.heading(`${number} Okruh ${area.code} – ${area.name}`);
    if (area.rows.length === 0) {
      document.paragraph('V tomto okruhu nebyla projednávána žádná žádost.').keyValueTable(totals);
      return;
    }
    document.table(APPLICATION_COLUMNS, area.rows, { fontSize: 7 });
    if (area.anyFlagged) {
      document.paragraph(`${FLAG_MARK} Žádost byla projednána samostatně, protože se bodová hodnocení hodnotitelů výrazně lišila.`, { fontSize: 8, muted: true });
    }
    document.keyValueTable(totals).heading(`${number}.1 Odůvodnění – Okruh ${area.code}`).table(EXPLANATION_COLUMNS, area.explanations, { fontSize: 8 });
  });

  document.heading('6. Rozprava');
  if (data.discussion.length === 0) {
    document.paragraph('K jednotlivým žádostem neproběhla zvláštní rozprava.');
  } else {
    const applicants = new Map<string, string>();
    for (const area of data.areas) for (const row of area.rows) applicants.set(row.applicationNumber, row.applicant);
    for (const item of data.discussion) {
      const applicant = applicants.get(item.applicationNumber);
      const subject = applicant ? `${item.applicationNumber} – ${applicant}` : item.applicationNumber;
      document.paragraph(`Žádost ${subject}`, { bold: true, align: 'left' }).paragraph(czechNoBreaks(item.notes));
    }
  }

  document.heading('7. Závěr').paragraph(czechNoBreaks(data.resolutionText));

  signatures(document, formatCzechDate(data.generatedAt), [
    { label: 'Zapsal(a)', name: data.secretary, role: 'zapisovatel(ka)' },
    { label: 'Ověřil(a)', name: data.chair, role: 'předsedající komise' },
  ]);

  return document.finish();
}

interface PreparedArea {
  code: string;
  name: string;
  allocation: Money;
  recommendedTotal: Money;
  remaining: Money;
  requestedSum: Money;
  anyFlagged: boolean;
  rows: TableCell[][];
  explanations: TableCell[][];
}

/**
 * One pass per row doing only string work; a 1 000-application area must stay cheap next to the
 * text layout, which is where the time goes.
 */
function prepareArea(area: CommissionArea, areaIndex: number): PreparedArea {
  const field = `areas[${areaIndex}]`;
  const recommendedTotal = Money.parse(area.recommendedTotal, `${field}.recommendedTotal`);
  let requestedHalere = 0n;
  let recommendedHalere = 0n;
  let anyFlagged = false;
  const rows: TableCell[][] = [];
  const explanations: TableCell[][] = [];
  area.rows.forEach((row, rowIndex) => {
    const rowField = `${field}.rows[${rowIndex}]`;
    const requested = Money.parse(row.requested, `${rowField}.requested`);
    const recommended = Money.parse(row.recommended, `${rowField}.recommended`);
    requestedHalere += requested.halere;
    recommendedHalere += recommended.halere;
    anyFlagged ||= row.flagged;
    const rank = `${row.rank}.`;
    const meanScore = formatScore(row.meanScore, `${rowField}.meanScore`);
    rows.push([
      rank,
      row.applicationNumber,
      `${row.applicant}\n„${row.projectTitle}“`,
      row.flagged ? `${meanScore}\u00a0${FLAG_MARK}` : meanScore,
      formatScore(row.finalScore, `${rowField}.finalScore`),
      requested.format(),
      recommended.format(),
      row.votes ? `${row.votes.for} / ${row.votes.against} / ${row.votes.abstain}` : DASH,
    ]);
    let explanation = czechNoBreaks(row.explanation);
    if (row.consensusReason) {
      explanation += `\nKonečné body stanovila komise dohodou: ${czechNoBreaks(row.consensusReason)}`;
    }
    if (row.flagged) explanation += FLAGGED_EXPLANATION;
    explanations.push([rank, row.applicationNumber, explanation]);
  });
  // Two different "recommended" figures in one signed record would be worse than no record.
  if (recommendedHalere !== recommendedTotal.halere) {
    throw new RangeError(`${field}.recommendedTotal is ${recommendedTotal.toString()} but the rows recommend ` + `${Money.fromHalere(recommendedHalere).toString()} in total`);
  }
  return {
    code: area.code,
    name: area.name,
    allocation: Money.parse(area.allocation, `${field}.allocation`),
    recommendedTotal,
    remaining: Money.parse(area.remaining, `${field}.remaining`),
    requestedSum: Money.fromHalere(requestedHalere),
    anyFlagged,
    rows,
    explanations,
  };
}

const SCORE = /^\d+(?:\.\d+)?$/;

/** "87.35" → "87,35"; a missing score prints as a dash. */
function formatScore(value: string | null, field: string): string {
  if (value === null) return DASH;
  if (!SCORE.test(value)) throw new RangeError(`${field} must be a decimal number with a dot, e.g. "87.35"; got "${value}"`);
  return value.replace('.', ',');
}

/**
 * Czech typesetting rules that plain-space sentences (the engine's, the secretary's) do not
 * follow: a one-letter preposition or conjunction never ends a line, and an amount is not split
 * between its digit groups or from its "Kč".
 */
function czechNoBreaks(text: string): string {
  return text.replace(/(?<=^|[\s(„])([AIKOSUVZaikosuvz]) /g, '$1\u00a0').replace(/(?<=\d) (?=\d{3}(?!\d)|Kč)/g, '\u00a0');
}

/** Plain decimals get the Czech comma; anything else ("30 %") is printed as given. */
function decimalComma(value: string): string {
  return /^-?\d+\.\d+$/.test(value) ? value.replace('.', ',') : value;
}

interface SignatureBlock {
  label: string;
  name: string;
  role: string;
}

/** Place and date, then side-by-side lines to sign on, each with the name and role under it. */
function signatures(document: PdfDocumentBuilder, date: string, blocks: readonly SignatureBlock[]): void {
  const pdf = document.pdf;
  const lineHeight = pdf.currentLineHeight(true);
  // Room to sign by hand, plus the label, name and role lines; never split across pages.
  const signingSpace = 36;
  document.moveDown(1).ensureSpace(lineHeight * 6 + signingSpace);
  document.paragraph(`V Praze dne ${date}`, { align: 'left' });

  const page = pdf.page;
  const left = page.margins.left;
  const width = page.width - left - page.margins.right;
  const gap = 24;
  const columnWidth = (width - gap * (blocks.length - 1)) / blocks.length;
  const top = pdf.y + signingSpace;
  let bottom = top;
  blocks.forEach((block, index) => {
    const x = left + index * (columnWidth + gap);
    pdf
      .moveTo(x, top)
      .lineTo(x + columnWidth, top)
      .lineWidth(0.5)
      .strokeColor('#000000')
      .stroke();
    pdf.text(`${block.label}: ${block.name}`, x, top + 4, { width: columnWidth });
    pdf.fillColor('#555555').text(block.role, x, pdf.y, { width: columnWidth }).fillColor('#000000');
    bottom = Math.max(bottom, pdf.y);
  });
  pdf.x = left;
  pdf.y = bottom;
}
