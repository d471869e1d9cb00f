import { crc32 } from 'node:zlib';
import { ANNEX_MEDIA_TYPES, checkUpload, isAnnexTypeCode, sniffContent } from './content-type.js';

/** Just enough of the ZIP format (stored entries, no compression) to build Office/ODF containers in memory. */
function zip(entries: Array<[name: string, content: string]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(content, 'utf8');
    const checksum = crc32(data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed to extract
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(data.length, 18); // compressed size (method 0 = stored)
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    locals.push(local, nameBytes, data);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, nameBytes);

    offset += local.length + nameBytes.length + data.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}

const contentTypesXml = (mainContentType: string) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/main.xml" ContentType="${mainContentType}"/>` +
  '</Types>';

const minimalDocx = zip([
  ['[Content_Types].xml', contentTypesXml('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml')],
  ['word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'],
]);
const minimalXlsx = zip([
  ['[Content_Types].xml', contentTypesXml('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml')],
  ['xl/workbook.xml', '<workbook/>'],
]);
const minimalOdt = zip([
  ['mimetype', 'application/vnd.oasis.opendocument.text'],
  ['content.xml', '<office:document-content/>'],
]);
const plainZip = zip([['readme.txt', 'just an archive']]);

const minimalPdf = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' + '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' + 'trailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);
const pngBytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const jpegBytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
const elfBytes = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), Buffer.alloc(56)]);
const windowsExeBytes = Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(126)]);
// What a client might upload as "budget.pdf" with Content-Type application/pdf: the bytes are what count.
const textCalledPdf = Buffer.from('Rozpočet projektu: 120 000 Kč\n', 'utf8');

const everyAnnexType = Object.keys(ANNEX_MEDIA_TYPES);

describe('sniffContent', () => {
  it.each([
    ['PDF', minimalPdf, { mediaType: 'application/pdf', extension: 'pdf' }],
    ['PNG', pngBytes, { mediaType: 'image/png', extension: 'png' }],
    ['JPEG', jpegBytes, { mediaType: 'image/jpeg', extension: 'jpg' }],
    ['minimal DOCX', minimalDocx, ANNEX_MEDIA_TYPES.docx],
    ['minimal XLSX', minimalXlsx, ANNEX_MEDIA_TYPES.xlsx],
    ['minimal ODT', minimalOdt, ANNEX_MEDIA_TYPES.odt],
    ['plain ZIP', plainZip, { mediaType: 'application/zip', extension: 'zip' }],
  ])('recognises %s from its bytes', async (_label, bytes, expected) => {
    expect(await sniffContent(bytes)).toEqual(expected);
  });

  it('accepts a Uint8Array as well as a Buffer', async () => {
    expect(await sniffContent(new Uint8Array(pngBytes))).toEqual({ mediaType: 'image/png', extension: 'png' });
  });

  it('returns null for text, whatever the file was called', async () => {
    expect(await sniffContent(textCalledPdf)).toBeNull();
  });

  it('reports a truncated DOCX as a generic zip, not as DOCX', async () => {
    expect(await sniffContent(minimalDocx.subarray(0, 40))).toEqual({ mediaType: 'application/zip', extension: 'zip' });
  });

  it('trusts a bare signature: four bytes are enough to be called a PDF', async () => {
    expect(await sniffContent(Buffer.from('%PDF', 'latin1'))).toEqual({ mediaType: 'application/pdf', extension: 'pdf' });
  });
});

describe('checkUpload', () => {
  const policy = { allowed: ['pdf', 'png', 'jpeg', 'docx'], maxBytes: 10_000 };

  it.each([
    ['PDF', minimalPdf, ANNEX_MEDIA_TYPES.pdf],
    ['PNG', pngBytes, ANNEX_MEDIA_TYPES.png],
    ['JPEG', jpegBytes, ANNEX_MEDIA_TYPES.jpeg],
    ['DOCX', minimalDocx, ANNEX_MEDIA_TYPES.docx],
  ])('accepts an allowed %s', async (_label, bytes, expected) => {
    expect(await checkUpload(bytes, policy)).toEqual({ ok: true, ...expected });
  });

  it('rejects text declared as a PDF as of unknown type', async () => {
    expect(await checkUpload(textCalledPdf, policy)).toEqual({ ok: false, reason: 'unknown_type' });
  });

  it.each([
    ['an ELF executable', elfBytes, 'application/x-elf'],
    ['a Windows executable', windowsExeBytes, 'application/x-msdownload'],
    ['a plain ZIP', plainZip, 'application/zip'],
    ['an XLSX when only DOCX is allowed', minimalXlsx, ANNEX_MEDIA_TYPES.xlsx.mediaType],
  ])('rejects %s as not allowed, naming the detected type', async (_label, bytes, detectedMediaType) => {
    expect(await checkUpload(bytes, policy)).toEqual({ ok: false, reason: 'type_not_allowed', detectedMediaType });
  });

  it('allows only the listed codes', async () => {
    expect(await checkUpload(pngBytes, { allowed: ['pdf'], maxBytes: 10_000 })).toMatchObject({ ok: false, reason: 'type_not_allowed' });
    expect(await checkUpload(minimalOdt, { allowed: everyAnnexType, maxBytes: 10_000 })).toEqual({ ok: true, ...ANNEX_MEDIA_TYPES.odt });
  });

  it('ignores codes outside the catalogue, including inherited property names', async () => {
    expect(await checkUpload(minimalPdf, { allowed: ['exe', 'toString', '__proto__'], maxBytes: 10_000 })).toMatchObject({
      ok: false,
      reason: 'type_not_allowed',
    });
  });

  it('rejects content over the size limit before looking at it', async () => {
    expect(await checkUpload(minimalPdf, { allowed: ['pdf'], maxBytes: minimalPdf.length - 1 })).toEqual({ ok: false, reason: 'too_large' });
    expect(await checkUpload(minimalPdf, { allowed: ['pdf'], maxBytes: minimalPdf.length })).toMatchObject({ ok: true });
  });

  it('rejects empty content', async () => {
    expect(await checkUpload(Buffer.alloc(0), policy)).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('isAnnexTypeCode', () => {
  it('recognises catalogue codes only', () => {
    expect(isAnnexTypeCode('docx')).toBe(true);
    expect(isAnnexTypeCode('zip')).toBe(false);
    expect(isAnnexTypeCode('constructor')).toBe(false);
  });
});
