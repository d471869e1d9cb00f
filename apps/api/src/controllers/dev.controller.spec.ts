import { loadConfig } from '#config';
import { DomainError } from '#core';
import { DevController } from './dev.controller.js';

describe('development-only routes', () => {
  it('lists the demo accounts and their password where the demo data is loaded', () => {
    const listing = new DevController(loadConfig({ NODE_ENV: 'development' })).demoAccounts();
    expect(listing.password).toBe('Demo-heslo-2023!');
    expect(listing.accounts.map((a) => a.email)).toContain('zadatel@demo.praha.eu');
  });

  it('does not exist in production (404), even with demo data', () => {
    const controller = new DevController(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), DEMO_DATA: 'true' }));
    expect(() => controller.demoAccounts()).toThrow(DomainError);
    try {
      controller.demoAccounts();
    } catch (error) {
      expect((error as DomainError).kind).toBe('not_found');
    }
  });
});
