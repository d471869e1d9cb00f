import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** For the specs: the text of every page of a generated PDF (lines end with newlines), and its title. */
export async function extractPdfPages(buffer: Buffer): Promise<{ pages: string[]; title: unknown }> {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const { info } = await pdf.getMetadata();
    const pages: string[] = [];
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return { pages, title: (info as { Title?: unknown }).Title };
  } finally {
    await pdf.destroy();
  }
}
