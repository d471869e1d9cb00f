import { Global, Module } from '@nestjs/common';
import { AccessService } from './access.service.js';
import { AttemptLimiter } from './attempt-limiter.js';

@Global()
@Module({ providers: [AccessService, AttemptLimiter], exports: [AccessService, AttemptLimiter] })
export class AccessModule {}
