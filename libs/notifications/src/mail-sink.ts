import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { AddressObject, EmailAddress, HeaderValue, ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailSink {
  port: number;
  /** smtp://127.0.0.1:<port>, ready to be used as SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

export interface SinkMessageSummary {
  id: string;
  receivedAt: string;
  /** The From header's sender(s), `Name <address>` or just `address`, e.g. `Dotace HMP <dotace@praha.eu>`. */
  from: string;
  /** The To header's recipients, each `Name <address>` or just `address`. */
  to: string[];
  subject: string;
  /** Bytes of the raw message. */
  size: number;
  attachments: number;
}

export interface SinkMessage extends SinkMessageSummary {
  text: string;
  html: string | null;
  /** Decoded header values by lower-case name; a repeated header's values are joined by a newline. */
  headers: Record<string, string>;
  attachmentList: { filename: string; contentType: string; size: number }[];
}

const ID_PATTERN = /^[0-9A-Za-z-]+$/;
/** The ids the sink itself writes: receivedAt with ':' and '.' made file-name safe, then 6 random hex digits. */
const SINK_ID = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2})-(\d{3}Z)-[0-9a-f]{6}$/;
const EXTENSION = '.eml';
/** An SMTP client (the worker's pool) may keep its connection open; shutting down must not wait the library's default 30 s for it. */
const CLOSE_TIMEOUT_MS = 1000;

let lastStamp = 0;

/**
 * Ids sort by arrival only if no two share a millisecond, so a message arriving in the same
 * millisecond as the previous one is stamped one millisecond later.
 */
function nextId(): string {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return `${new Date(lastStamp).toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/**
 * Starts an SMTP server on 127.0.0.1 (port 0 = any free port) that accepts any sender and
 * recipient without auth or TLS, and stores each message's raw bytes as `<dir>/<id>.eml`, `id`
 * sorting by arrival. Creates `dir` if missing.
 */
export async function startMailSink(options: { dir: string; port?: number; host?: string }): Promise<MailSink> {
  const dir = path.resolve(options.dir);
  const host = options.host ?? '127.0.0.1';
  await mkdir(dir, { recursive: true });

  const server = new SMTPServer({
    // Advertising STARTTLS would make nodemailer upgrade with the library's self-signed certificate and fail.
    disabledCommands: ['AUTH', 'STARTTLS'],
    authOptional: true,
    logger: false,
    closeTimeout: CLOSE_TIMEOUT_MS,
    banner: 'local mail sink: messages are stored, never delivered',
    onData(stream, _session, callback) {
      // Buffered rather than piped to disk: a failing write must not stop the DATA stream from
      // draining (the client would hang), and a development mail fits in memory.
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.once('error', (error: Error) => callback(error));
      stream.once('end', () => {
        store(dir, Buffer.concat(chunks)).then(
          (id) => callback(null, `stored as ${id}`),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Errors after listening belong to single client connections (a reset, a malformed command);
  // without a listener EventEmitter would throw them and take `npm start` down.
  server.on('error', () => undefined);

  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error(`mail sink: unexpected listening address ${String(address)}`);
  let closed: Promise<void> | undefined;
  return {
    port: address.port,
    url: `smtp://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}

/** Written under a name the listing ignores, then renamed, so a reader never sees half a message. */
async function store(dir: string, raw: Buffer): Promise<string> {
  const id = nextId();
  const temporary = path.join(dir, `.${id}.tmp`);
  try {
    await writeFile(temporary, raw);
    await rename(temporary, path.join(dir, `${id}${EXTENSION}`));
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return id;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** Newest first, paginated (page from 1); parses only the requested page's files. A missing dir lists as empty. */
export async function listSinkMessages(dir: string, page: { page: number; pageSize: number }): Promise<{ items: SinkMessageSummary[]; total: number }> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return { items: [], total: 0 };
    throw error;
  }
  const ids = names
    .filter((name) => name.endsWith(EXTENSION))
    .map((name) => name.slice(0, -EXTENSION.length))
    .filter((id) => ID_PATTERN.test(id))
    .sort()
    .reverse();
  const pageNumber = Number.isFinite(page.page) ? Math.max(1, Math.floor(page.page)) : 1;
  const pageSize = Number.isFinite(page.pageSize) ? Math.max(1, Math.floor(page.pageSize)) : 1;
  const slice = ids.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  const items = await Promise.all(slice.map(async (id) => (await load(dir, id))?.summary ?? null));
  // A file deleted between the listing and the read is left out rather than failing the page.
  return { items: items.filter((item): item is SinkMessageSummary => item !== null), total: ids.length };
}

/** null when there is no such message, or when `id` is not a sink id (so it can never name a path outside `dir`). */
export async function readSinkMessage(dir: string, id: string): Promise<SinkMessage | null> {
  const loaded = await load(dir, id);
  if (!loaded) return null;
  const { summary, parsed } = loaded;
  return {
    ...summary,
    text: parsed.text ?? '',
    html: parsed.html || null,
    headers: headerRecord(parsed),
    attachmentList: parsed.attachments.map((attachment) => ({
      filename: attachment.filename ?? '',
      contentType: attachment.contentType,
      size: attachment.size,
    })),
  };
}

/** The message exactly as received; null as for readSinkMessage. */
export async function readSinkMessageRaw(dir: string, id: string): Promise<Buffer | null> {
  if (!ID_PATTERN.test(id)) return null;
  try {
    return await readFile(path.join(dir, `${id}${EXTENSION}`));
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

async function load(dir: string, id: string): Promise<{ summary: SinkMessageSummary; parsed: ParsedMail } | null> {
  const raw = await readSinkMessageRaw(dir, id);
  if (!raw) return null;
  const parsed = await simpleParser(raw, { skipTextToHtml: true, skipImageLinks: true });
  return {
    parsed,
    summary: {
      id,
      receivedAt: await receivedAt(dir, id),
      from: addresses(parsed.from).join(', '),
      to: addresses(parsed.to),
      subject: parsed.subject ?? '',
      size: raw.length,
      attachments: parsed.attachments.length,
    },
  };
}

/** From the id for the sink's own files; a file put there by hand gets its modification time. */
async function receivedAt(dir: string, id: string): Promise<string> {
  const match = SINK_ID.exec(id);
  if (match) return `${match[1]}:${match[2]}:${match[3]}.${match[4]}`;
  try {
    return (await stat(path.join(dir, `${id}${EXTENSION}`))).mtime.toISOString();
  } catch {
    return new Date(0).toISOString();
  }
}

function formatAddress(entry: EmailAddress): string[] {
  if (entry.group) return entry.group.flatMap(formatAddress);
  if (!entry.address) return entry.name ? [entry.name] : [];
  return [entry.name ? `${entry.name} <${entry.address}>` : entry.address];
}

function addresses(field: AddressObject | AddressObject[] | undefined): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((object) => object.value.flatMap(formatAddress));
}

function isAddressObject(value: object): value is AddressObject {
  return 'value' in value && 'text' in value && Array.isArray((value as AddressObject).value);
}

function headerText(value: HeaderValue): string | null {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) {
    const parts = (value as (string | object)[]).map((item) => headerText(item as HeaderValue));
    return parts.some((part) => part === null) ? null : parts.join('\n');
  }
  if (isAddressObject(value)) return addresses(value).join(', ');
  if ('value' in value && 'params' in value && typeof value.value === 'string') {
    const params = Object.entries(value.params as Record<string, string>).map(([key, param]) => `; ${key}="${param}"`);
    return `${value.value}${params.join('')}`;
  }
  return null;
}

/** Decoded where mailparser decodes the header; anything it turns into a structure of its own (List-*) stays as it was sent. */
function headerRecord(parsed: ParsedMail): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [key, value] of parsed.headers) {
    const text = headerText(value);
    if (text !== null) {
      record[key] = text;
      continue;
    }
    const raw = parsed.headerLines
      .filter((line) => line.key === key)
      .map((line) =>
        line.line
          .slice(line.line.indexOf(':') + 1)
          .replace(/\r?\n[ \t]+/g, ' ')
          .trim(),
      );
    if (raw.length > 0) record[key] = raw.join('\n');
  }
  return record;
}
