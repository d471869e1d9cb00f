import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { text } from 'node:stream/consumers';
import { APP_CONFIG } from '#config';
import { FileStorage } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';
import { StorageModule } from './storage.module.js';

describe('StorageModule', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'storage-module-spec-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function storageFor(dir: string): Promise<FileStorage> {
    // Stands in for the global ConfigModule, which would read the real environment.
    @Global()
    @Module({ providers: [{ provide: APP_CONFIG, useValue: { storage: { dir, maxUploadBytes: 1024 } } }], exports: [APP_CONFIG] })
    class FakeConfigModule {}

    const moduleRef = await Test.createTestingModule({ imports: [FakeConfigModule, StorageModule] }).compile();
    return moduleRef.get(FileStorage);
  }

  it('provides a local-disk FileStorage rooted at config.storage.dir', async () => {
    const storage = await storageFor(root);

    expect(storage).toBeInstanceOf(LocalDiskStorage);
    await storage.put('k.pdf', Buffer.from('via module'));
    const direct = new LocalDiskStorage(root);
    expect(await text(await direct.get('k.pdf'))).toBe('via module');
  });

  it('resolves a relative storage dir against the working directory', async () => {
    const storage = await storageFor(path.relative(process.cwd(), root));

    await storage.put('relative.pdf', Buffer.from('x'));
    expect(await new LocalDiskStorage(root).exists('relative.pdf')).toBe(true);
  });
});
