import { Money, formatCzechDateTime } from '#core';
import { PdfDocumentBuilder } from './pdf-document.js';
import type { TableCell } from './pdf-document.js';

/**
 * Everything printed on the receipt, as plain values: the caller (the applications module)
 * gathers them, so this library does not depend on any domain module.
 */
export interface ApplicationReceiptData {
  /** e.g. "NMC-2023-0042/2": application number and version. */
  receiptNumber: string;
  submittedAt: Date;
  /**
   * Lines printed under "Magistrát hlavního města Prahy" in the header, e.g. the department and
   * section administering the call. Left out, the header names only the city and the office.
   */
  issuingDepartment?: readonly string[];
  call: { code: string; title: string };
  application: {
    number: string;
    title: string;
    budgetAreaName: string;
    /** Decimal string with a dot, e.g. "125000.00". */
    requestedAmount: string;
    /** Decimal string with a dot, e.g. "250000.00". */
    totalCost: string;
    versionNo: number;
  };
  organisation: { name: string; ico: string; seat: string };
  submittedBy: { name: string; email: string };
  annexes: readonly ApplicationReceiptAnnex[];
  /** SHA-256 (hex) of the submitted application content, so the applicant can prove what was sent. */
  contentSha256: string;
  /**
   * The submission's entry in the audit chain (sequence number and hash): a witness of the chain held by
   * the applicant, outside the database, so the entry cannot later be removed unnoticed.
   */
  auditEntry?: { seq: string; hash: string };
}

export interface ApplicationReceiptAnnex {
  annexName: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
}

export interface ApplicationReceiptRenderOptions {
  /**
   * PDF creation date. Defaults to the moment of submission, so re-rendering a receipt later
   * produces the very same file as the one the applicant received.
   */
  creationDate?: Date;
}

const LEGAL_BASIS = 'zákon č. 250/2000 Sb., o rozpočtových pravidlech územních rozpočtů, ve znění pozdějších předpisů, § 10a';

/**
 * "Potvrzení o přijetí žádosti o dotaci": what the applicant gets right after submitting.
 * Invalid data (e.g. an amount Money cannot parse) rejects the promise rather than throwing.
 */
export async function renderApplicationReceipt(data: ApplicationReceiptData, options: ApplicationReceiptRenderOptions = {}): Promise<Buffer> {
  const submittedAt = formatCzechDateTime(data.submittedAt);
  const document = new PdfDocumentBuilder({
    title: `Potvrzení o přijetí žádosti o dotaci č. ${data.receiptNumber}`,
    subject: `Receipt of a grant application ${data.application.number} – ${data.call.code}`,
    keywords: [data.receiptNumber, data.application.number, data.call.code].join(', '),
    creationDate: options.creationDate ?? data.submittedAt,
    footerNote: `Potvrzení č. ${data.receiptNumber}`,
  });

  document
    .header({ departmentLines: data.issuingDepartment })
    .title('Potvrzení o přijetí žádosti o dotaci', 'Receipt of a grant application')
    .paragraph(
      `Hlavní město Praha potvrzuje, že dne ${submittedAt} (pražského času) přijalo elektronicky podanou ` +
        `žádost o poskytnutí dotace z rozpočtu hlavního města Prahy uvedenou níže. Právním základem ` +
        `poskytování dotací je ${LEGAL_BASIS}.`,
    )
    .keyValueTable([
      { label: 'Číslo potvrzení', value: data.receiptNumber },
      { label: 'Datum a čas přijetí', value: submittedAt },
    ])
    .heading('Žádost')
    .keyValueTable([
      { label: 'Dotační výzva', value: `${data.call.code} – ${data.call.title}` },
      { label: 'Číslo žádosti', value: data.application.number },
      { label: 'Verze žádosti', value: String(data.application.versionNo) },
      { label: 'Název projektu', value: data.application.title },
      { label: 'Oblast podpory', value: data.application.budgetAreaName },
      { label: 'Požadovaná výše dotace', value: Money.parse(data.application.requestedAmount, 'requestedAmount') },
      { label: 'Celkové náklady projektu', value: Money.parse(data.application.totalCost, 'totalCost') },
    ])
    .heading('Žadatel')
    .keyValueTable([
      { label: 'Název', value: data.organisation.name },
      { label: 'IČO', value: data.organisation.ico },
      { label: 'Sídlo', value: data.organisation.seat },
      { label: 'Žádost podal(a)', value: `${data.submittedBy.name} (${data.submittedBy.email})` },
    ])
    .heading('Přílohy');

  if (data.annexes.length === 0) {
    document.paragraph('Žádost byla podána bez příloh.');
  } else {
    const rows: TableCell[][] = data.annexes.map((annex, index) => [
      `${index + 1}.`,
      `${annex.annexName}\n${annex.fileName}`,
      formatCzechByteSize(annex.sizeBytes),
      breakHashInHalves(annex.sha256),
    ]);
    document.table(
      [
        { header: 'Č.', width: 0.6 },
        { header: 'Příloha / soubor', width: 4.8 },
        { header: 'Velikost', width: 1.5, align: 'right' },
        // Wide enough for half a hash (32 hex digits at 8 pt) with room to spare.
        { header: 'Otisk SHA-256', width: 5 },
      ],
      rows,
      { fontSize: 8 },
    );
  }

  document
    .heading('Otisk obsahu žádosti')
    .paragraph('Otisk SHA-256 údajů žádosti v podobě, v jaké byly podány. Shoda otisku prokazuje, že obsah žádosti ' + 'nebyl po podání změněn.', { fontSize: 9, muted: true })
    .paragraph(data.contentSha256, { fontSize: 9, align: 'left' });
  if (data.auditEntry) {
    document.paragraph(`Záznam č. ${data.auditEntry.seq} auditního řetězce, otisk ${data.auditEntry.hash}`, { fontSize: 8, muted: true });
  }
  document
    .moveDown(0.5)
    .paragraph(
      'Toto potvrzení osvědčuje pouze doručení žádosti poskytovateli dotace. Nepotvrzuje formální ' +
        'správnost ani úplnost žádosti; ty budou posouzeny v rámci formální kontroly.',
      { bold: true },
    )
    .paragraph('Potvrzení bylo vytvořeno automaticky informačním systémem pro správu dotací.', {
      fontSize: 8,
      muted: true,
    });

  return document.finish();
}

/** Two even lines read and compare better than whatever the column width would cut off. */
function breakHashInHalves(hash: string): string {
  if (hash.length <= 32) return hash;
  const half = Math.ceil(hash.length / 2);
  return `${hash.slice(0, half)}\n${hash.slice(half)}`;
}

const BYTE_UNITS = ['kB', 'MB', 'GB', 'TB'] as const;

/**
 * Czech presentation of a file size: "512 B", "1,2 MB" (no-break space before the unit). Decimal
 * (SI) multiples, because that is what "kB" and "MB" mean by standard, so the figure cannot be read
 * two ways.
 */
export function formatCzechByteSize(sizeBytes: number): string {
  if (!Number.isFinite(sizeBytes) || sizeBytes < 0) throw new RangeError(`invalid file size: ${sizeBytes}`);
  if (sizeBytes < 1000) return `${Math.round(sizeBytes)}\u00a0B`;
  let value = sizeBytes / 1000;
  let unitIndex = 0;
  // Rounding decides the unit, so 999 960 B reads "1,0 MB" rather than "1000,0 kB".
  while (Math.round(value * 10) >= 10_000 && unitIndex < BYTE_UNITS.length - 1) {
    value /= 1000;
    unitIndex++;
  }
  const tenths = Math.round(value * 10);
  return `${Math.trunc(tenths / 10)},${tenths % 10}\u00a0${BYTE_UNITS[unitIndex]}`;
}
