/** A download's Content-Disposition: an ASCII fallback name plus the exact UTF-8 one (RFC 6266), so Czech file names survive. */
export const attachmentDisposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
