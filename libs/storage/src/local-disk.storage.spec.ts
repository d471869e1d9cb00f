import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { FileNotFoundError, FileStorage, InvalidStorageKeyError } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

async function listFilesRecursively(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: FileStorage;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'storage-spec-'));
    storage = new LocalDiskStorage(root);
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('round-trips a buffer and reports its size and SHA-256', async () => {
    const content = Buffer.from('Příloha č. 1 — rozpočet\n', 'utf8');

    const stored = await storage.put('applications/42/annex-1.pdf', content);

    expect(stored).toEqual({ key: 'applications/42/annex-1.pdf', sizeBytes: content.byteLength, sha256: sha256(content) });
    expect(await text(await storage.get('applications/42/annex-1.pdf'))).toBe(content.toString('utf8'));
    expect(await storage.exists('applications/42/annex-1.pdf')).toBe(true);
  });

  it('stores an empty buffer', async () => {
    const stored = await storage.put('empty.bin', Buffer.alloc(0));
    expect(stored).toEqual({ key: 'empty.bin', sizeBytes: 0, sha256: sha256('') });
    expect(await text(await storage.get('empty.bin'))).toBe('');
  });

  it('streams a Readable of many chunks', async () => {
    const chunks = Array.from({ length: 200 }, (_, i) => Buffer.alloc(16 * 1024, i % 256));
    const whole = Buffer.concat(chunks);

    const stored = await storage.put('generated/report.pdf', Readable.from(chunks));

    expect(stored.sizeBytes).toBe(whole.byteLength);
    expect(stored.sha256).toBe(sha256(whole));
    const readBack: Buffer[] = [];
    for await (const chunk of await storage.get('generated/report.pdf')) readBack.push(chunk as Buffer);
    expect(Buffer.concat(readBack).equals(whole)).toBe(true);
  });

  it('replaces the content of an existing key', async () => {
    await storage.put('a.txt', Buffer.from('old'));
    const stored = await storage.put('a.txt', Buffer.from('new content'));
    expect(stored.sha256).toBe(sha256('new content'));
    expect(await text(await storage.get('a.txt'))).toBe('new content');
  });

  it.each([
    '',
    '/absolute.pdf',
    '../escape.pdf',
    'a/../b.pdf',
    'a..b',
    'UPPER.pdf',
    'with space.pdf',
    'a//b.pdf',
    'a/./b.pdf',
    'trailing/',
    'back\\slash',
    'nul\0byte',
    'ünicode.pdf',
    'long/' + 'x'.repeat(508),
    'x'.repeat(256),
  ])('refuses the invalid key %j for every operation', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.exists(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
    expect(await listFilesRecursively(root)).toEqual([]);
  });

  it('accepts keys using the whole allowed alphabet, up to 512 characters and 255 per segment', async () => {
    await storage.put('calls/2026-01/app_7/annex.v2.pdf', Buffer.from('x'));
    expect(await storage.exists('calls/2026-01/app_7/annex.v2.pdf')).toBe(true);
    const longest = 'x'.repeat(255) + '/' + 'y'.repeat(255);
    await expect(storage.put(longest, Buffer.from('x'))).resolves.toMatchObject({ key: longest });
    expect(await storage.exists(longest)).toBe(true);
  });

  it('throws FileNotFoundError for a missing key, also when the key names a directory', async () => {
    await expect(storage.get('missing.pdf')).rejects.toBeInstanceOf(FileNotFoundError);
    await storage.put('dir/file.pdf', Buffer.from('x'));
    await expect(storage.get('dir')).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(storage.get('dir/file.pdf/below')).rejects.toBeInstanceOf(FileNotFoundError);
    await expect(storage.get('missing.pdf')).rejects.toMatchObject({ key: 'missing.pdf' });
  });

  it('reports existence only for stored files', async () => {
    expect(await storage.exists('nope.pdf')).toBe(false);
    await storage.put('dir/file.pdf', Buffer.from('x'));
    expect(await storage.exists('dir')).toBe(false);
    expect(await storage.exists('dir/file.pdf/below')).toBe(false);
  });

  it('deletes idempotently', async () => {
    await storage.put('to-delete.pdf', Buffer.from('x'));
    await storage.delete('to-delete.pdf');
    expect(await storage.exists('to-delete.pdf')).toBe(false);
    await expect(storage.delete('to-delete.pdf')).resolves.toBeUndefined();
    await expect(storage.delete('never/existed.pdf')).resolves.toBeUndefined();
  });

  it('leaves no temp files after a successful put', async () => {
    await storage.put('a/b/c.pdf', Buffer.from('x'));
    await storage.put('a/b/c.pdf', Readable.from([Buffer.from('y')]));
    expect(await listFilesRecursively(root)).toEqual([path.join('a', 'b', 'c.pdf')]);
  });

  it('leaves neither a partial file nor a temp file when the source stream fails', async () => {
    function* failing() {
      yield Buffer.from('first half');
      throw new Error('client disconnected');
    }

    await expect(storage.put('broken.pdf', Readable.from(failing()))).rejects.toThrow('client disconnected');

    expect(await storage.exists('broken.pdf')).toBe(false);
    expect(await listFilesRecursively(root)).toEqual([]);
  });

  it('keeps the previous content when a replacing put fails', async () => {
    await storage.put('kept.pdf', Buffer.from('original'));
    function* failing() {
      yield Buffer.from('partial');
      throw new Error('boom');
    }

    await expect(storage.put('kept.pdf', Readable.from(failing()))).rejects.toThrow('boom');

    expect(await text(await storage.get('kept.pdf'))).toBe('original');
    expect(await listFilesRecursively(root)).toEqual(['kept.pdf']);
  });

  it('refuses a stream of strings rather than guessing their encoding', async () => {
    await expect(storage.put('text.txt', Readable.from(['not', 'bytes']))).rejects.toThrow(TypeError);
    expect(await listFilesRecursively(root)).toEqual([]);
  });

  it('handles concurrent puts to different keys, including in one new directory', async () => {
    const contents = Array.from({ length: 25 }, (_, i) => Buffer.from(`annex number ${i}\n`.repeat(i + 1)));

    const stored = await Promise.all(contents.map((content, i) => storage.put(`batch/annex-${i}.pdf`, Readable.from([content]))));

    stored.forEach((file, i) => expect(file).toEqual({ key: `batch/annex-${i}.pdf`, sizeBytes: contents[i].byteLength, sha256: sha256(contents[i]) }));
    for (const [i, content] of contents.entries()) expect(await text(await storage.get(`batch/annex-${i}.pdf`))).toBe(content.toString());
    expect((await listFilesRecursively(root)).sort()).toEqual(contents.map((_, i) => path.join('batch', `annex-${i}.pdf`)).sort());
  });

  it('resolves a relative root against the working directory', async () => {
    const relative = path.relative(process.cwd(), path.join(root, 'nested-root'));
    const relativeStorage = new LocalDiskStorage(relative);
    await relativeStorage.put('k.pdf', Buffer.from('x'));
    expect(await listFilesRecursively(path.join(root, 'nested-root'))).toEqual(['k.pdf']);
  });
});
