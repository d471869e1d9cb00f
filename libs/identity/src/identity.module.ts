import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { Authenticator } from '#access';
import { AppConfig, APP_CONFIG } from '#config';
import { AuthService } from './auth.service.js';
import { UserService } from './user.service.js';

@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      // A KeyObject, not a string: given a string, every verification first tries (and fails) to read it as a public key,
      // which cost 40 times the HMAC itself in the deadline-surge benchmark.
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.auth.secret)), signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AuthService, UserService, { provide: Authenticator, useExisting: AuthService }],
  exports: [AuthService, UserService, Authenticator],
})
export class IdentityModule {}
