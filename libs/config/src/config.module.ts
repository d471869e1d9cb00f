import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from './app-config.js';
import { LegalRules } from './legal-rules.js';

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: (): AppConfig => loadConfig() },
    { provide: LegalRules, useFactory: () => new LegalRules() },
  ],
  exports: [APP_CONFIG, LegalRules],
})
export class ConfigModule {}
