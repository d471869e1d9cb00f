import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Money } from '#core';
import PDFDocument from 'pdfkit';

/** 1 mm in PDF points; margins are specified the way a Czech clerk would measure them on paper. */
const MM = 72 / 25.4;

const REGULAR = 'DejaVuSans';
const BOLD = 'DejaVuSans-Bold';

const TEXT_COLOR = '#000000';
const MUTED_COLOR = '#555555';
const RULE_COLOR = '#b0b0b0';

const BODY_SIZE = 10;
const SMALL_SIZE = 8;

/**
 * The standard PDF fonts only cover Latin-1, so ř, ů, ě, ť… would come out as garbage; DejaVu Sans
 * has every Czech glyph. It is located through the package rather than a relative path so that
 * the same code works from libs/documents/src under Jest and from dist/ after a build. The files
 * are read once per process because every document embeds (a subset of) them.
 */
let fontCache: { regular: Buffer; bold: Buffer } | undefined;
function dejaVuFonts(): { regular: Buffer; bold: Buffer } {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    const fontDirectory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    fontCache = {
      regular: readFileSync(join(fontDirectory, 'DejaVuSans.ttf')),
      bold: readFileSync(join(fontDirectory, 'DejaVuSans-Bold.ttf')),
    };
  }
  return fontCache;
}

export interface PdfDocumentOptions {
  /** PDF metadata Title; viewers show it instead of the file name. */
  title: string;
  subject?: string;
  /** Defaults to the City Hall, which is the author of every official document we issue. */
  author?: string;
  keywords?: string;
  /**
   * Written into the metadata and into the PDF file identifier. Pass a value derived from the
   * data (e.g. the moment of submission) so that rendering the same input twice gives the same
   * bytes; it defaults to now only for ad-hoc documents.
   */
  creationDate?: Date;
  /** Printed on the left of every page footer, e.g. the document number. */
  footerNote?: string;
}

export interface IssuerBlock {
  /** Defaults to "Hlavní město Praha". */
  authority?: string;
  /** Defaults to "Magistrát hlavního města Prahy". */
  office?: string;
  /** Department and section lines printed under the office, e.g. "Odbor …", "Oddělení …". */
  departmentLines?: readonly string[];
}

export interface KeyValueRow {
  label: string;
  value: string | Money;
}

export interface TableColumn {
  header: string;
  /** Relative width: the columns share the text width in proportion to these numbers. */
  width: number;
  /** Money columns are right-aligned so that the decimal commas line up. */
  align?: 'left' | 'right';
}

export type TableCell = string | Money;

export interface TableOptions {
  /** A bold last row, typically the total of the money columns. */
  totals?: readonly TableCell[];
  fontSize?: number;
}

export interface ParagraphOptions {
  fontSize?: number;
  muted?: boolean;
  bold?: boolean;
  align?: 'left' | 'justify';
}

/**
 * Building block for the official documents the City Hall issues (receipts, decisions,
 * agreements, reports): A4, embedded Czech-capable fonts, a consistent header, tables that break
 * across pages, and "Strana X z Y" footers. Content goes top to bottom through the methods below;
 * anything special can be drawn on `pdf` directly.
 */
export class PdfDocumentBuilder {
  /** The underlying pdfkit document, for drawing the builder does not cover. */
  readonly pdf: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly finished: Promise<Buffer>;
  private readonly footerNote: string | undefined;
  private ended = false;

  constructor(options: PdfDocumentOptions) {
    const fonts = dejaVuFonts();
    this.footerNote = options.footerNote;
    this.pdf = new PDFDocument({
      size: 'A4',
      // The wider left margin leaves room for binding or hole-punching in a paper file.
      margins: { top: 20 * MM, bottom: 22 * MM, left: 25 * MM, right: 20 * MM },
      // Footers need the total page count, which is only known once all content is laid out.
      bufferPages: true,
      lang: 'cs-CZ',
      displayTitle: true,
      info: {
        Title: options.title,
        Author: options.author ?? 'Hlavní město Praha – Magistrát hlavního města Prahy',
        ...(options.subject === undefined ? {} : { Subject: options.subject }),
        ...(options.keywords === undefined ? {} : { Keywords: options.keywords }),
        CreationDate: options.creationDate ?? new Date(),
      },
    });
    this.pdf.registerFont(REGULAR, fonts.regular);
    this.pdf.registerFont(BOLD, fonts.bold);
    this.pdf.font(REGULAR).fontSize(BODY_SIZE).fillColor(TEXT_COLOR);

    // Listen from the start: pdfkit pushes output while content is added, not only at end().
    this.pdf.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.finished = new Promise<Buffer>((resolve, reject) => {
      this.pdf.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.pdf.on('error', reject);
    });
  }

  private get left(): number {
    return this.pdf.page.margins.left;
  }

  private get contentWidth(): number {
    const page = this.pdf.page;
    return page.width - page.margins.left - page.margins.right;
  }

  /** Starts a new page unless `height` points still fit above the bottom margin. */
  ensureSpace(height: number): this {
    if (this.pdf.y + height > this.pdf.page.maxY()) {
      this.pdf.addPage();
    }
    return this;
  }

  moveDown(lines = 1): this {
    this.pdf.moveDown(lines);
    return this;
  }

  header(issuer: IssuerBlock = {}): this {
    const pdf = this.pdf;
    const width = this.contentWidth;
    pdf.font(BOLD).fontSize(12).fillColor(TEXT_COLOR);
    pdf.text(issuer.authority ?? 'Hlavní město Praha', this.left, pdf.y, { width });
    pdf.font(REGULAR).fontSize(BODY_SIZE);
    pdf.text(issuer.office ?? 'Magistrát hlavního města Prahy', this.left, pdf.y, { width });
    for (const line of issuer.departmentLines ?? []) {
      pdf.text(line, this.left, pdf.y, { width });
    }
    pdf.moveDown(0.4);
    this.rule();
    pdf.moveDown(1.2);
    return this;
  }

  /** The document title, optionally followed by a smaller second-language subtitle. */
  title(text: string, subtitle?: string): this {
    const pdf = this.pdf;
    const width = this.contentWidth;
    pdf.font(BOLD).fontSize(15).fillColor(TEXT_COLOR);
    pdf.text(text, this.left, pdf.y, { width, align: 'center' });
    if (subtitle) {
      pdf.moveDown(0.2);
      pdf.font(REGULAR).fontSize(10).fillColor(MUTED_COLOR);
      pdf.text(subtitle, this.left, pdf.y, { width, align: 'center' });
    }
    pdf.fillColor(TEXT_COLOR).font(REGULAR).fontSize(BODY_SIZE);
    pdf.moveDown(1.2);
    return this;
  }

  /** A section heading, kept on the same page as at least the first lines of its section. */
  heading(text: string): this {
    const pdf = this.pdf;
    pdf.font(BOLD).fontSize(11);
    const height = pdf.heightOfString(text, { width: this.contentWidth });
    this.ensureSpace(height + 3 * pdf.currentLineHeight(true));
    pdf.fillColor(TEXT_COLOR).text(text, this.left, pdf.y, { width: this.contentWidth });
    pdf.moveDown(0.3);
    pdf.font(REGULAR).fontSize(BODY_SIZE);
    return this;
  }

  paragraph(text: string, options: ParagraphOptions = {}): this {
    const pdf = this.pdf;
    pdf.font(options.bold ? BOLD : REGULAR).fontSize(options.fontSize ?? BODY_SIZE);
    pdf.fillColor(options.muted ? MUTED_COLOR : TEXT_COLOR);
    pdf.text(text, this.left, pdf.y, { width: this.contentWidth, align: options.align ?? 'justify', lineGap: 1.5 });
    pdf.fillColor(TEXT_COLOR).font(REGULAR).fontSize(BODY_SIZE);
    pdf.moveDown(0.6);
    return this;
  }

  /** A horizontal line across the text width at the current position. */
  rule(): this {
    const pdf = this.pdf;
    pdf
      .moveTo(this.left, pdf.y)
      .lineTo(this.left + this.contentWidth, pdf.y)
      .lineWidth(0.5)
      .strokeColor(RULE_COLOR)
      .stroke();
    return this;
  }

  /**
   * Label column and value column, one row per item. Long values wrap inside their column, and a
   * row never splits across pages (unless it is taller than a whole page).
   */
  keyValueTable(rows: readonly KeyValueRow[], labelShare = 0.34): this {
    const pdf = this.pdf;
    const gap = 8;
    const padding = 3;
    const labelWidth = this.contentWidth * labelShare;
    const valueWidth = this.contentWidth - labelWidth - gap;
    pdf.fontSize(BODY_SIZE);
    for (const row of rows) {
      const value = cellText(row.value);
      pdf.font(BOLD);
      const labelHeight = pdf.heightOfString(row.label, { width: labelWidth });
      pdf.font(REGULAR);
      const valueHeight = pdf.heightOfString(value, { width: valueWidth });
      const rowHeight = Math.max(labelHeight, valueHeight) + 2 * padding;
      this.ensureSpace(rowHeight);
      const top = pdf.y;
      const page = pdf.page;
      pdf.font(BOLD).fillColor(MUTED_COLOR);
      pdf.text(row.label, this.left, top + padding, { width: labelWidth });
      pdf.font(REGULAR).fillColor(TEXT_COLOR);
      pdf.text(value, this.left + labelWidth + gap, top + padding, { width: valueWidth });
      // Only a value taller than a whole page flows on by itself; the next row then goes below it.
      pdf.y = pdf.page === page ? top + rowHeight : pdf.y + padding;
      this.rule();
    }
    pdf.x = this.left;
    pdf.moveDown(0.8);
    return this;
  }

  /**
   * A grid with a bold header row (repeated after every page break) and optional totals row.
   * Money cells are formatted the Czech way; right-aligned columns keep the amounts in line.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly TableCell[])[], options: TableOptions = {}): this {
    const pdf = this.pdf;
    const fontSize = options.fontSize ?? 9;
    const padding = 3;
    const gap = 6;
    const totalWeight = columns.reduce((sum, column) => sum + column.width, 0);
    const available = this.contentWidth - gap * (columns.length - 1);
    const widths = columns.map((column) => (available * column.width) / totalWeight);
    const offsets = widths.map((_, index) => widths.slice(0, index).reduce((sum, w) => sum + w + gap, 0));

    const measure = (cells: readonly string[], font: string): number => {
      pdf.font(font).fontSize(fontSize);
      return Math.max(...cells.map((cell, index) => pdf.heightOfString(cell, { width: widths[index] }))) + 2 * padding;
    };

    const draw = (cells: readonly string[], font: string, height: number, shaded: boolean): void => {
      const top = pdf.y;
      if (shaded) {
        pdf.rect(this.left, top, this.contentWidth, height).fillColor('#eeeeee').fill();
      }
      pdf.font(font).fontSize(fontSize).fillColor(TEXT_COLOR);
      cells.forEach((cell, index) => {
        pdf.text(cell, this.left + offsets[index], top + padding, { width: widths[index], align: columns[index].align ?? 'left' });
      });
      pdf.y = top + height;
      this.rule();
    };

    const headerCells = columns.map((column) => column.header);
    const headerHeight = measure(headerCells, BOLD);
    const drawHeader = (): void => draw(headerCells, BOLD, headerHeight, true);

    const bodyRows = rows.map((row) => columns.map((_, index) => cellText(row[index] ?? '')));
    const firstRowHeight = bodyRows.length > 0 ? measure(bodyRows[0], REGULAR) : 0;
    // A header alone at the bottom of a page would be useless, so it moves with the first row.
    this.ensureSpace(headerHeight + firstRowHeight);
    drawHeader();
    for (const cells of bodyRows) {
      const height = measure(cells, REGULAR);
      if (pdf.y + height > pdf.page.maxY()) {
        pdf.addPage();
        drawHeader();
      }
      draw(cells, REGULAR, height, false);
    }
    if (options.totals) {
      const totals = columns.map((_, index) => cellText(options.totals?.[index] ?? ''));
      const height = measure(totals, BOLD);
      this.ensureSpace(height);
      draw(totals, BOLD, height, false);
    }
    pdf.x = this.left;
    pdf.font(REGULAR).fontSize(BODY_SIZE);
    pdf.moveDown(0.8);
    return this;
  }

  /** Adds the page footers and closes the document. Call once, after all content. */
  finish(): Promise<Buffer> {
    if (this.ended) throw new Error('PdfDocumentBuilder.finish() was already called');
    this.ended = true;
    this.writeFooters();
    this.pdf.end();
    return this.finished;
  }

  private writeFooters(): void {
    const pdf = this.pdf;
    const { start, count } = pdf.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      pdf.switchToPage(index);
      const page = pdf.page;
      const width = page.width - page.margins.left - page.margins.right;
      const bottomMargin = page.margins.bottom;
      // pdfkit starts a new page for text below the bottom margin, which is where a footer lives.
      page.margins.bottom = 0;
      const y = page.height - bottomMargin + 8 * MM;
      pdf.font(REGULAR).fontSize(SMALL_SIZE).fillColor(MUTED_COLOR);
      if (this.footerNote) {
        pdf.text(this.footerNote, page.margins.left, y, { width: width * 0.7, lineBreak: false });
      }
      pdf.text(`Strana ${index + 1} z ${count}`, page.margins.left, y, { width, align: 'right', lineBreak: false });
      page.margins.bottom = bottomMargin;
    }
    pdf.fillColor(TEXT_COLOR);
  }
}

function cellText(value: string | Money): string {
  return value instanceof Money ? value.format() : value;
}
