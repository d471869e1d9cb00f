import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '#access';
import { APP_CONFIG } from '#config';
import type { AppConfig } from '#config';
import { DomainError } from '#core';
import { DEMO_PASSWORD, DEMO_USERS } from '#identity';
import { DemoAccountsResponse } from '../http/responses.js';

/** Development helpers for the portal. In production every route here answers 404, as if it did not exist. */
@ApiTags('dev')
@Controller('dev')
export class DevController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The demo accounts for the sign-in page's "sign in as" list (only where the demo data is loaded). */
  @Public()
  @Get('demo-accounts')
  @ApiOkResponse({ type: DemoAccountsResponse })
  demoAccounts(): DemoAccountsResponse {
    if (this.config.env === 'production') throw new DomainError('ROUTE_NOT_FOUND', 'not_found', { cs: 'Tato adresa neexistuje.', en: 'No such route.' });
    return { password: this.config.demoData ? DEMO_PASSWORD : null, accounts: this.config.demoData ? DEMO_USERS : [] };
  }
}
