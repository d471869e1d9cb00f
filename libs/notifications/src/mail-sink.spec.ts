import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { listSinkMessages, MailSink, readSinkMessage, readSinkMessageRaw, startMailSink } from './mail-sink.js';

const CZECH_SUBJECT = 'Žádost č. 42 přijata – příliš žluťoučký kůň úpěl ďábelské ódy';
const FROM = 'Dotace HMP <dotace@praha.eu>';

type SendMailOptions = Parameters<Transporter['sendMail']>[0];

function send(sink: MailSink, mail: SendMailOptions) {
  const transport = nodemailer.createTransport(sink.url);
  return transport.sendMail({ from: FROM, to: 'zadatel@example.cz', text: 'Dobrý den.', ...mail }).finally(() => transport.close());
}

function listenOn(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

describe('local mail sink', () => {
  let base: string;
  let dir: string;
  let sink: MailSink;

  beforeEach(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'grants-mail-sink-'));
    dir = path.join(base, 'nested', 'mail');
    sink = await startMailSink({ dir });
  });

  afterEach(async () => {
    await sink.close();
    await rm(base, { recursive: true, force: true });
  });

  it('listens on a free local port and creates its folder', async () => {
    expect(sink.port).toBeGreaterThan(0);
    expect(sink.url).toBe(`smtp://127.0.0.1:${sink.port}`);
    expect(await readdir(dir)).toEqual([]);
  });

  it('round-trips a Czech subject and body, and reads the sent headers back', async () => {
    await send(sink, {
      to: 'Jana Nováková <jana@example.cz>',
      subject: CZECH_SUBJECT,
      text: 'Vaše žádost byla přijata. Děkujeme.',
      html: '<p>Vaše žádost byla <b>přijata</b>.</p>',
    });

    const { items, total } = await listSinkMessages(dir, { page: 1, pageSize: 10 });
    expect(total).toBe(1);
    expect(items[0]).toMatchObject({ subject: CZECH_SUBJECT, from: FROM, to: ['Jana Nováková <jana@example.cz>'], attachments: 0 });
    expect(items[0].id).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6}$/);
    expect(Math.abs(Date.parse(items[0].receivedAt) - Date.now())).toBeLessThan(10_000);

    const message = await readSinkMessage(dir, items[0].id);
    expect(message).toMatchObject({ ...items[0], text: 'Vaše žádost byla přijata. Děkujeme.', html: '<p>Vaše žádost byla <b>přijata</b>.</p>', attachmentList: [] });
    expect(message?.headers.subject).toBe(CZECH_SUBJECT);
    expect(message?.headers.to).toBe('Jana Nováková <jana@example.cz>');
    // On the wire the subject is MIME-encoded; the sink must store it as sent, not decoded.
    const raw = await readSinkMessageRaw(dir, items[0].id);
    expect(raw?.length).toBe(items[0].size);
    expect(raw?.toString('latin1')).not.toContain('Žádost');
    expect(raw?.toString('utf8')).toMatch(/^Subject: =\?UTF-8\?/im);
  });

  it('stores the message byte for byte as received, nothing prepended', async () => {
    const raw = Buffer.from(
      ['From: dotace@praha.eu', 'To: a@example.cz', 'Subject: raw', 'Message-ID: <raw-1@grants>', '', 'line one', '.dot-stuffed line', 'line three', ''].join('\r\n'),
    );
    await send(sink, { envelope: { from: 'dotace@praha.eu', to: ['a@example.cz'] }, raw });

    const [file] = await readdir(dir);
    expect(file).toMatch(/\.eml$/);
    expect((await readFile(path.join(dir, file))).equals(raw)).toBe(true);
    expect((await readSinkMessageRaw(dir, file.slice(0, -4)))?.equals(raw)).toBe(true);
  });

  it('counts a PDF attachment and describes it', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await send(sink, { subject: 'Rozhodnutí', attachments: [{ filename: 'rozhodnutí.pdf', content: pdf, contentType: 'application/pdf' }] });

    const { items } = await listSinkMessages(dir, { page: 1, pageSize: 10 });
    expect(items[0].attachments).toBe(1);
    const message = await readSinkMessage(dir, items[0].id);
    expect(message?.attachmentList).toEqual([{ filename: 'rozhodnutí.pdf', contentType: 'application/pdf', size: pdf.length }]);
    expect(message?.text.trim()).toBe('Dobrý den.');
  });

  it('lists newest first, page by page, ignoring files that are not finished messages', async () => {
    for (let n = 1; n <= 5; n++) await send(sink, { subject: `Zpráva ${n}` });
    await writeFile(path.join(dir, '.half-written.tmp'), 'From: x');
    await writeFile(path.join(dir, 'notes.txt'), 'not a message');

    const subjects = async (page: number, pageSize: number) => {
      const result = await listSinkMessages(dir, { page, pageSize });
      return { total: result.total, subjects: result.items.map((item) => item.subject) };
    };
    expect(await subjects(1, 2)).toEqual({ total: 5, subjects: ['Zpráva 5', 'Zpráva 4'] });
    expect(await subjects(2, 2)).toEqual({ total: 5, subjects: ['Zpráva 3', 'Zpráva 2'] });
    expect(await subjects(3, 2)).toEqual({ total: 5, subjects: ['Zpráva 1'] });
    expect(await subjects(4, 2)).toEqual({ total: 5, subjects: [] });

    const all = (await listSinkMessages(dir, { page: 1, pageSize: 10 })).items;
    const times = all.map((item) => Date.parse(item.receivedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('keeps every one of many messages arriving at once, each under its own id', async () => {
    await Promise.all(Array.from({ length: 12 }, (_, n) => send(sink, { subject: `Souběžná ${n}` })));

    const { items, total } = await listSinkMessages(dir, { page: 1, pageSize: 50 });
    expect(total).toBe(12);
    expect(new Set(items.map((item) => item.subject)).size).toBe(12);
    expect(new Set(items.map((item) => item.id)).size).toBe(12);
    expect((await readdir(dir)).every((name) => name.endsWith('.eml'))).toBe(true);
  });

  it('lists a missing folder as empty', async () => {
    expect(await listSinkMessages(path.join(base, 'nowhere'), { page: 1, pageSize: 10 })).toEqual({ items: [], total: 0 });
  });

  it('answers null for unknown ids and for anything that could leave the folder', async () => {
    await writeFile(path.join(base, 'nested', 'secret.eml'), 'From: a@b.cz\r\nSubject: secret\r\n\r\nsecret\r\n');
    await mkdir(path.join(base, 'etc'), { recursive: true });
    await writeFile(path.join(base, 'etc', 'passwd.eml'), 'Subject: passwd\r\n\r\nroot\r\n');

    expect(await readSinkMessage(dir, '../etc/passwd')).toBeNull();
    expect(await readSinkMessage(dir, '../secret')).toBeNull();
    expect(await readSinkMessageRaw(dir, '../secret')).toBeNull();
    expect(await readSinkMessageRaw(dir, '../../etc/passwd')).toBeNull();
    expect(await readSinkMessage(dir, '2020-01-01T00-00-00-000Z-abcdef')).toBeNull();
    expect(await readSinkMessageRaw(dir, '2020-01-01T00-00-00-000Z-abcdef')).toBeNull();
    expect(await readSinkMessage(dir, '')).toBeNull();
  });

  it('frees its port on close, and can be closed twice', async () => {
    const { port } = sink;
    await send(sink, { subject: 'před zavřením' });
    await expect(listenOn(port)).rejects.toMatchObject({ code: 'EADDRINUSE' });

    await sink.close();
    await sink.close();
    await expect(listenOn(port)).resolves.toBeUndefined();
    await expect(send(sink, { subject: 'po zavření' })).rejects.toMatchObject({ code: expect.stringMatching(/ECONNREFUSED|ESOCKET|ECONNECTION/) });
  });
});
