import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileNotFoundError, FileStorage } from './file-storage.js';

/**
 * Stores each key as a file under `rootDir`, key segments becoming directories.
 *
 * Writes go to a temp file beside the target, are fsync'ed and then renamed over it, so after a crash the
 * key holds either the old or the new content. Temp names contain "~", which no valid key can, so a
 * leftover from a crash can never be read back as a stored file (and can be swept up by name).
 */
export class LocalDiskStorage extends FileStorage {
  private readonly rootDir: string;

  constructor(rootDir: string) {
    super();
    this.rootDir = path.resolve(rootDir);
  }

  protected override async writeObject(key: string, bytes: AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.pathOf(key);
    const directory = path.dirname(target);
    await mkdir(directory, { recursive: true });

    // Named independently of the target so a key segment of the maximum length still leaves room for it.
    const temp = path.join(directory, `.~${randomUUID()}.tmp`);
    const handle = await open(temp, 'wx');
    let renamed = false;
    try {
      // Awaiting each write gives natural back-pressure on the source stream.
      for await (const chunk of bytes) await writeFully(handle, chunk);
      await handle.sync();
      await handle.close();
      await rename(temp, target);
      renamed = true;
    } finally {
      if (!renamed) {
        await handle.close().catch(() => undefined);
        await unlink(temp).catch(() => undefined);
      }
    }
    await syncDirectory(directory);
  }

  protected override async openObject(key: string): Promise<Readable> {
    let handle: FileHandle;
    try {
      handle = await open(this.pathOf(key), 'r');
    } catch (error) {
      if (isMissing(error)) throw new FileNotFoundError(key);
      throw error;
    }
    // Opening (rather than a lazy createReadStream on the path) reports a missing key here instead of as
    // a stream error later, and keeps reading the same file even if it is replaced or deleted meanwhile.
    // Linux lets a directory be opened read-only, so a key that is only a prefix of other keys is caught here.
    try {
      if (!(await handle.stat()).isFile()) throw new FileNotFoundError(key);
    } catch (error) {
      await handle.close();
      throw error;
    }
    return handle.createReadStream();
  }

  protected override async hasObject(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  protected override async removeObject(key: string): Promise<void> {
    try {
      await unlink(this.pathOf(key));
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }

  private pathOf(key: string): string {
    const resolved = path.join(this.rootDir, ...key.split('/'));
    // Key validation already rules out traversal; this guards against a future change to that validation.
    if (!resolved.startsWith(this.rootDir + path.sep)) throw new Error(`Storage key "${key}" resolves outside the storage root`);
    return resolved;
  }
}

async function writeFully(handle: FileHandle, chunk: Uint8Array): Promise<void> {
  let offset = 0;
  // FileHandle.write may write fewer bytes than asked for (e.g. on a nearly full disk or when interrupted).
  while (offset < chunk.byteLength) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.byteLength - offset);
    offset += bytesWritten;
  }
}

/** Makes the rename itself durable; some platforms (Windows) cannot fsync a directory, which is tolerable there. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch {
    // Best effort: the file content is already durable, only the directory entry may be lost on power failure.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // ENOTDIR: a key whose parent segment is a file (e.g. "a/b" when "a" is stored) cannot exist either.
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
