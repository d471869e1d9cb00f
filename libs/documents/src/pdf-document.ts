import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Money } from '#core';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

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
 * the same code works from libs/documents/src under Jest and from dist/ after a build.
 *
 * The fonts are parsed once per process and handed to pdfkit as font objects rather than file
 * bytes: from bytes, pdfkit parses the 750 kB font again and shapes every word from scratch in
 * every document, which made a 5-page agreement take over 100 ms. Each document still embeds its
 * own subset of the glyphs it uses, and the bytes are the same as before.
 */
let fontCache: { regular: SharedFont; bold: SharedFont } | undefined;
function dejaVuFonts(): { regular: SharedFont; bold: SharedFont } {
  if (!fontCache) {
    const require = createRequire(import.meta.url);
    const fontDirectory = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
    // The fontkit pdfkit itself depends on, so the font objects are the kind it expects.
    const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(buffer: Buffer): FontkitFont };
    const load = (file: string): SharedFont => {
      const bytes = readFileSync(join(fontDirectory, file));
      return sharedFont(fontkit.create(bytes), fontkit.create(bytes));
    };
    fontCache = { regular: load('DejaVuSans.ttf'), bold: load('DejaVuSans-Bold.ttf') };
  }
  return fontCache;
}

/** The part of a fontkit font and its glyph runs that pdfkit's EmbeddedFont uses. */
interface FontkitFont {
  layout(text: string, features?: unknown): GlyphRun;
  createSubset(): unknown;
}

interface GlyphRun {
  glyphs: readonly Glyph[];
  positions: GlyphPosition[];
  readonly advanceWidth: number;
}

/** pdfkit reads exactly these three properties of a glyph. */
interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  readonly codePoints: readonly number[];
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** A fontkit font whose `layout` remembers its results across documents. */
type SharedFont = FontkitFont;

/** A shaped text as kept in the cache: the glyphs, and x/y advance and x/y offset per glyph. */
interface ShapedText {
  glyphs: readonly Glyph[];
  placement: Float64Array;
}

/**
 * Shaping text (OpenType substitutions and kerning) costs far more than laying it out, and the
 * per-document cache pdfkit keeps starts empty with every document. Words recur across all of a
 * programme's documents, and so do whole lines: to justify a line pdfkit shapes it again without
 * its spaces, and the standard clauses of an agreement break into the same lines every time.
 * Words and lines are kept in separate least-recently-used caches so that one-off lines (names,
 * amounts) cannot push the common words out; both are bounded, since a server renders for weeks.
 */
const SHORT_TEXT_LENGTH = 40;
const SHORT_CACHE_ENTRIES = 20_000;
const LONG_CACHE_ENTRIES = 3_000;

/**
 * `layoutFont` shapes text; `subsetFont`, a second instance of the same file, builds each
 * document's embedded subset. They must be apart because fontkit keeps one glyph object per id
 * with the code points it was first created with, and the subsetter creates glyphs with none:
 * shared, a glyph embedded as a component of another (Z inside Ž) would lose its text mapping in
 * every later document.
 */
function sharedFont(layoutFont: FontkitFont, subsetFont: FontkitFont): SharedFont {
  const shape = shaper(layoutFont);
  const words = new Map<string, ShapedText>();
  const lines = new Map<string, ShapedText>();
  const layout = (text: string, features?: unknown): GlyphRun => {
    if (features !== undefined) return layoutFont.layout(text, features);
    const [cache, limit] = text.length > SHORT_TEXT_LENGTH ? [lines, LONG_CACHE_ENTRIES] : [words, SHORT_CACHE_ENTRIES];
    let shaped = cache.get(text);
    if (shaped) {
      // Re-inserting moves the entry to the young end of the Map's insertion order.
      cache.delete(text);
    } else {
      shaped = shape(text);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    }
    cache.set(text, shaped);
    return glyphRun(shaped);
  };
  const subsetSource = withDecodedGlyphsKept(subsetFont);
  const createSubset = () => subsetSource.createSubset();
  return new Proxy(layoutFont, {
    get: (target, property): unknown => (property === 'layout' ? layout : property === 'createSubset' ? createSubset : Reflect.get(target, property, target)),
  });
}

/**
 * The subsetter decodes every glyph it embeds (outline and all) just to find the components of
 * composite glyphs such as "ř", and fontkit does not keep the result; with the font shared, each
 * glyph's decoding is kept instead of being repeated in every document. The decoded structure is
 * only read. Should a fontkit version lack the private `_decode`, glyphs pass through unchanged.
 */
function withDecodedGlyphsKept(font: FontkitFont): FontkitFont {
  const glyphs = new Map<number, unknown>();
  const subsetter: FontkitFont = new Proxy(font, {
    get: (target, property) => {
      if (property === 'getGlyph') return getGlyph;
      const value = Reflect.get(target, property, target) as unknown;
      // Methods run against this proxy, so the subset they create asks it for glyphs.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(subsetter) : value;
    },
  });
  const getGlyph = (id: number, characters?: number[]): unknown => {
    let kept = glyphs.get(id);
    if (!kept) {
      const glyph = (font as unknown as { getGlyph(id: number, characters?: number[]): { _decode?: () => unknown } }).getGlyph(id, characters);
      const decode = glyph._decode;
      if (typeof decode !== 'function') return glyph;
      let decoded: unknown;
      let done = false;
      kept = Object.create(glyph, {
        _decode: {
          value: () => {
            if (!done) {
              decoded = decode.call(glyph);
              done = true;
            }
            return decoded;
          },
        },
      }) as unknown;
      glyphs.set(id, kept);
    }
    return kept;
  };
  return subsetter;
}

/**
 * The text each glyph stands for goes into the PDF's ToUnicode map, which is what copying,
 * searching and screen readers use. fontkit reports the code points a shared glyph object was
 * first created with, which for a font shared across documents depends on what was rendered
 * before; where each character became one glyph (all of Czech text) the characters themselves
 * are used instead, so a document's bytes depend only on its own content.
 *
 * The cache holds tens of thousands of runs, so a run keeps one shared object per glyph and
 * character (a document uses a couple of hundred) and its positions as plain numbers.
 */
function shaper(font: FontkitFont): (text: string) => ShapedText {
  const interned = new Map<number, Glyph>();
  const glyphFor = (id: number, advanceWidth: number, codePoint: number): Glyph => {
    // Glyph ids are below 2^16 and code points below 2^21, so the key is exact.
    const key = id * 0x200000 + codePoint;
    let glyph = interned.get(key);
    if (!glyph) {
      glyph = { id, advanceWidth, codePoints: [codePoint] };
      interned.set(key, glyph);
    }
    return glyph;
  };
  return (text) => {
    const run = font.layout(text);
    const characters = Array.from(text, (character) => character.codePointAt(0) as number);
    const oneToOne = characters.length === run.glyphs.length;
    const placement = new Float64Array(run.positions.length * 4);
    run.positions.forEach((position, index) => {
      placement[index * 4] = position.xAdvance;
      placement[index * 4 + 1] = position.yAdvance;
      placement[index * 4 + 2] = position.xOffset;
      placement[index * 4 + 3] = position.yOffset;
    });
    return {
      glyphs: run.glyphs.map((glyph, index) =>
        oneToOne ? glyphFor(glyph.id, glyph.advanceWidth, characters[index]) : { id: glyph.id, advanceWidth: glyph.advanceWidth, codePoints: [...glyph.codePoints] },
      ),
      placement,
    };
  };
}

/** pdfkit scales the positions in place, so every caller gets its own position objects. */
function glyphRun(shaped: ShapedText): GlyphRun {
  const { placement } = shaped;
  const positions = new Array<GlyphPosition>(placement.length / 4);
  for (let index = 0; index < positions.length; index++) {
    const at = index * 4;
    positions[index] = { xAdvance: placement[at], yAdvance: placement[at + 1], xOffset: placement[at + 2], yOffset: placement[at + 3] };
  }
  return {
    glyphs: shaped.glyphs,
    positions,
    get advanceWidth() {
      let width = 0;
      for (const position of positions) width += position.xAdvance;
      return width;
    },
  };
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
    // pdfkit takes any object with fontkit's `layout` as a font; its typings only list file sources.
    this.pdf.registerFont(REGULAR, fonts.regular as unknown as Buffer);
    this.pdf.registerFont(BOLD, fonts.bold as unknown as Buffer);
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

  /**
   * What `heightOfString` gives in the current font, without its wrapping pass when the text
   * plainly fits on one line: rows and cells are measured before they are drawn, and the second
   * full layout of every label and short value was a sizeable share of a document's time. The
   * point of slack keeps the shortcut to texts pdfkit certainly does not wrap; a text with more
   * characters than even the narrowest DejaVu glyphs (about 0,28 em) could fit is not measured
   * twice either.
   */
  private textHeight(text: string, width: number): number {
    const pdf = this.pdf;
    const lineHeight = pdf.currentLineHeight(true);
    const couldFit = text.length * 0.2 * pdf.currentLineHeight() < width;
    if (text !== '' && couldFit && !/[\n\r\v\f\u0085\u2028\u2029]/.test(text) && pdf.widthOfString(text) < width - 1) {
      return lineHeight;
    }
    return pdf.heightOfString(text, { width });
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
    const height = this.textHeight(text, this.contentWidth);
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
      const labelHeight = this.textHeight(row.label, labelWidth);
      pdf.font(REGULAR);
      const valueHeight = this.textHeight(value, valueWidth);
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
      return Math.max(...cells.map((cell, index) => this.textHeight(cell, widths[index]))) + 2 * padding;
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
  /**
   * A "QR Platba" block: the code as a PNG (drawn by the `qrcode` library, error correction M, as the
   * ČBA standard recommends), "QR Platba" beside it, and the SPAYD string in small print under the
   * caption, so it can be read (and tested) as text too.
   */
  async paymentQr(spayd: string, caption: string): Promise<this> {
    const png = await QRCode.toBuffer(spayd, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
    const size = 32 * MM;
    this.ensureSpace(size + 4 * MM);
    const top = this.pdf.y + 2 * MM;
    this.pdf.image(png, this.left, top, { width: size, height: size });
    const textLeft = this.left + size + 5 * MM;
    const textWidth = this.contentWidth - size - 5 * MM;
    this.pdf.font(BOLD).fontSize(BODY_SIZE).fillColor(TEXT_COLOR).text('QR Platba', textLeft, top, { width: textWidth });
    this.pdf
      .font(REGULAR)
      .fontSize(BODY_SIZE - 1)
      .text(caption, textLeft, this.pdf.y + 1 * MM, { width: textWidth });
    this.pdf
      .fontSize(7)
      .fillColor('#555555')
      .text(spayd, textLeft, this.pdf.y + 2 * MM, { width: textWidth });
    this.pdf.font(REGULAR).fontSize(BODY_SIZE).fillColor(TEXT_COLOR);
    this.pdf.x = this.left;
    this.pdf.y = Math.max(this.pdf.y, top + size) + 3 * MM;
    return this;
  }

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
