import { Global, Module } from '@nestjs/common';
import path from 'node:path';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { FileStorage } from './file-storage.js';
import { LocalDiskStorage } from './local-disk.storage.js';

/** The one place that chooses the storage driver; callers inject FileStorage. */
@Global()
@Module({
  providers: [
    {
      provide: FileStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): FileStorage => new LocalDiskStorage(path.resolve(process.cwd(), config.storage.dir)),
    },
  ],
  exports: [FileStorage],
})
export class StorageModule {}
