import { Global, Module } from '@nestjs/common';
import { LedgerWriter } from './ledger.writer.js';

/** Global: every stage that moves money (awards, payments, settlement) writes through the one writer. */
@Global()
@Module({ providers: [LedgerWriter], exports: [LedgerWriter] })
export class LedgerModule {}
