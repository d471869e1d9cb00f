/** What multer hands a controller for one `file` part. */
export interface MulterFile {
  originalname: string;
  buffer: Buffer;
}

/**
 * The one way every upload route takes its file: the name decoded as UTF-8 (multer reads names as latin1,
 * browsers send UTF-8), so "Výpis z účtu.pdf" stays "Výpis z účtu.pdf". Undefined when no file was sent.
 */
export function uploadedFile(file: MulterFile | undefined): { originalName: string; bytes: Buffer } | undefined {
  return file && { originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'), bytes: file.buffer };
}
