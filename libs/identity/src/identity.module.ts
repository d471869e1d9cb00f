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
      useFactory: (config: AppConfig) => ({ secret: config.auth.secret, signOptions: { algorithm: 'HS256' } }),
    }),
  ],
  providers: [AuthService, UserService, { provide: Authenticator, useExisting: AuthService }],
  exports: [AuthService, UserService, Authenticator],
})
export class IdentityModule {}
