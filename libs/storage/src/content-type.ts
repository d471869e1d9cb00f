import { fileTypeFromBuffer } from 'file-type';

export interface SniffedContent {
  mediaType: string;
  extension: string;
}

/**
 * Media types a grant portal accepts as application annexes, keyed by the short code a call's
 * configuration lists. Macro-enabled Office variants (docm, xlsm) are detected as their own media types
 * by file-type and are therefore not accepted under "docx"/"xlsx".
 */
export const ANNEX_MEDIA_TYPES = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  jpeg: { mediaType: 'image/jpeg', extension: 'jpg' },
  png: { mediaType: 'image/png', extension: 'png' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extension: 'ods' },
} as const satisfies Record<string, SniffedContent>;

export type AnnexTypeCode = keyof typeof ANNEX_MEDIA_TYPES;

/** For validating a call configuration, which arrives as plain strings. */
export function isAnnexTypeCode(code: string): code is AnnexTypeCode {
  return Object.hasOwn(ANNEX_MEDIA_TYPES, code);
}

/**
 * The media type the bytes really are, whatever name or Content-Type the client sent; null when the
 * format has no recognisable signature (plain text, CSV, random bytes) or cannot be parsed.
 * This reads signatures, it does not validate documents: "%PDF" followed by anything counts as a PDF.
 */
export async function sniffContent(bytes: Buffer | Uint8Array): Promise<SniffedContent | null> {
  try {
    const detected = await fileTypeFromBuffer(bytes);
    return detected ? { mediaType: detected.mime, extension: detected.ext } : null;
  } catch {
    // file-type only promises best-effort robustness against malformed input; for an upload check a
    // parser failure simply means "not a type we can vouch for", never a server error.
    return null;
  }
}

export type UploadRejectionReason = 'too_large' | 'empty' | 'unknown_type' | 'type_not_allowed';

export type UploadCheck = { ok: true; mediaType: string; extension: string } | { ok: false; reason: UploadRejectionReason; detectedMediaType?: string };

export interface UploadPolicy {
  /** Codes from ANNEX_MEDIA_TYPES; unknown codes match nothing. */
  allowed: readonly string[];
  maxBytes: number;
}

/**
 * Decides whether uploaded bytes may be kept as an annex. Returns a result rather than throwing so each
 * caller can map the reason to its own domain error and message.
 */
export async function checkUpload(bytes: Buffer | Uint8Array, policy: UploadPolicy): Promise<UploadCheck> {
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  // Checked before sniffing so an oversized upload costs no parsing.
  if (bytes.byteLength > policy.maxBytes) return { ok: false, reason: 'too_large' };

  const sniffed = await sniffContent(bytes);
  if (!sniffed) return { ok: false, reason: 'unknown_type' };

  const accepted = policy.allowed
    .filter(isAnnexTypeCode)
    .map((code) => ANNEX_MEDIA_TYPES[code])
    .find((entry) => entry.mediaType === sniffed.mediaType);
  if (!accepted) return { ok: false, reason: 'type_not_allowed', detectedMediaType: sniffed.mediaType };
  // The catalogue's extension, not file-type's, so stored names stay consistent (e.g. always ".jpg").
  return { ok: true, mediaType: accepted.mediaType, extension: accepted.extension };
}

/** Keeps the uploader's name for the file (Czech diacritics included) but no path parts or control characters, with the real extension. */
export function safeFileName(name: string, extension: string, fallback: string): string {
  const base =
    (name.split(/[\\/]/).pop() ?? '')
      .replace(/[\p{Cc}"]/gu, '')
      .replace(/\.[A-Za-z0-9]{1,5}$/, '')
      .trim()
      .slice(0, 150) || fallback;
  return `${base}.${extension}`;
}
