import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';

/** What a successful `put` wrote: enough to record the file in the database and to verify it later. */
export interface StoredFile {
  key: string;
  sizeBytes: number;
  /** Lower-case hex SHA-256 of the stored bytes. */
  sha256: string;
}

export class FileNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under key "${key}"`);
    this.name = 'FileNotFoundError';
  }
}

export class InvalidStorageKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid storage key "${key}": use lower-case segments of [a-z0-9_.-] (at most 255 characters each, 512 in all) separated by "/", without ".." or a leading "/"`);
    this.name = 'InvalidStorageKeyError';
  }
}

// The character set is the intersection of what every plausible backend (POSIX and Windows file
// names, S3 object keys, URLs) accepts verbatim, so a key never needs escaping when switching drivers.
// Empty and "." segments are refused too: a filesystem would collapse "a//b" or "a/./b" into "a/b",
// letting two different keys name the same file.
const KEY_PATTERN = /^[a-z0-9_.-]+(?:\/[a-z0-9_.-]+)*$/;
const MAX_KEY_LENGTH = 512;
// Common filesystems refuse longer path components (NAME_MAX), so such a key would work on S3 only.
const MAX_SEGMENT_LENGTH = 255;

export function isValidStorageKey(key: string): boolean {
  if (key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key) || key.includes('..')) return false;
  return key.split('/').every((segment) => segment !== '.' && segment.length <= MAX_SEGMENT_LENGTH);
}

export function assertValidStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
}

/**
 * Keeps file contents (uploaded annexes, generated PDFs) outside the database; rows store only the key,
 * size and SHA-256 returned by `put`.
 *
 * Callers depend on this abstract class (it is also the Nest injection token), never on a driver, so an
 * S3-compatible driver can be added later by subclassing and switching the provider in StorageModule.
 * The public methods are deliberately not abstract: key validation, hashing and size counting live here
 * so that every driver behaves identically, and a driver only implements the four protected primitives
 * below. A driver must make `writeObject` atomic (the key shows either nothing, the previous content, or
 * the complete new content; never a partial write) — temp file + rename on disk, a single PUT or a
 * completed multipart upload on S3.
 */
export abstract class FileStorage {
  async put(key: string, content: Buffer | Readable): Promise<StoredFile> {
    assertValidStorageKey(key);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let consumedAll = false;

    // Hashing inside the stream the driver consumes means the whole content is never held in memory and
    // the digest describes exactly the bytes that reached the backend.
    async function* measured(): AsyncGenerator<Uint8Array> {
      const chunks: AsyncIterable<unknown> | Iterable<unknown> = content instanceof Uint8Array ? [content] : content;
      for await (const chunk of chunks) {
        if (!(chunk instanceof Uint8Array)) {
          throw new TypeError('FileStorage.put: the content stream must yield bytes, not strings or objects');
        }
        hash.update(chunk);
        sizeBytes += chunk.byteLength;
        yield chunk;
      }
      consumedAll = true;
    }

    await this.writeObject(key, measured());
    // A driver that stopped reading early would otherwise get a digest of a prefix recorded as the file's.
    if (!consumedAll) throw new Error(`${this.constructor.name}.writeObject returned before consuming the whole content`);
    return { key, sizeBytes, sha256: hash.digest('hex') };
  }

  /** Throws FileNotFoundError when nothing is stored under the key. */
  async get(key: string): Promise<Readable> {
    assertValidStorageKey(key);
    return this.openObject(key);
  }

  async exists(key: string): Promise<boolean> {
    assertValidStorageKey(key);
    return this.hasObject(key);
  }

  /** Succeeds also when nothing is stored under the key, so a retried clean-up never fails. */
  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    await this.removeObject(key);
  }

  /** Must consume `bytes` to the end and make the object visible atomically, replacing any previous one. */
  protected abstract writeObject(key: string, bytes: AsyncIterable<Uint8Array>): Promise<void>;
  /** Must throw FileNotFoundError (not a driver-specific error) for a missing key. */
  protected abstract openObject(key: string): Promise<Readable>;
  protected abstract hasObject(key: string): Promise<boolean>;
  /** Must succeed when the object does not exist. */
  protected abstract removeObject(key: string): Promise<void>;
}
