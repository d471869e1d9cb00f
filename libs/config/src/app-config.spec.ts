import { readFileSync } from 'node:fs';
import { getMetadataStorage } from 'class-validator';
import { ConfigError, EnvironmentVariables, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('works with nothing set (development defaults)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 3000, demoData: true, queue: { backend: 'auto', prefix: 'grants' } });
    expect(config.database.url).toBeUndefined();
  });

  it('lists every bad key at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', QUEUE_BACKEND: 'kafka', AUTH_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const keys = error!.problems.map((p) => p.split(':')[0]).sort();
    expect(keys).toEqual(['AUTH_SECRET', 'DATABASE_URL', 'LOG_LEVEL', 'PORT', 'QUEUE_BACKEND']);
  });

  it('refuses a movable clock in production, and has one elsewhere by default', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), CLOCK_MOVABLE: 'true' })).toThrow(/CLOCK_MOVABLE: a movable clock is refused in production/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) }).clockMovable).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).clockMovable).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', CLOCK_MOVABLE: 'false' }).clockMovable).toBe(false);
  });

  it('refuses to run production without a secret', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET: is required in production/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) }).demoData).toBe(false);
  });

  it('reads the trusted proxies and the reconciliation bound, and refuses what Express would misread', () => {
    expect(loadConfig({}).auth.trustProxy).toEqual(['loopback']);
    expect(loadConfig({}).reconcileAfterMs).toBe(120_000);
    expect(loadConfig({ TRUST_PROXY: 'none', RECONCILE_AFTER_SECONDS: '5' })).toMatchObject({ auth: { trustProxy: false }, reconcileAfterMs: 5000 });
    expect(loadConfig({ TRUST_PROXY: '2' }).auth.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, loopback' }).auth.trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ RECONCILE_AFTER_SECONDS: '0' })).toThrow(/RECONCILE_AFTER_SECONDS/);
  });
});

describe('config/.env.example', () => {
  const example = readFileSync(new URL('../../../config/.env.example', import.meta.url), 'utf8');
  const assignments = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, key, value]) => ({ key, value }));

  it('documents every variable the configuration reads, each with a comment above it', () => {
    const read = [
      ...new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
          .map((m) => m.propertyName),
      ),
    ].sort();
    expect(assignments.map((a) => a.key).sort()).toEqual(read);
    const lines = example.split('\n');
    const undocumented = assignments.filter(({ key }) => !lines[lines.findIndex((line) => line.startsWith(`${key}=`)) - 1]?.startsWith('#'));
    expect(undocumented).toEqual([]);
  });

  it('holds values that pass validation as they stand', () => {
    expect(() => loadConfig(Object.fromEntries(assignments.map(({ key, value }) => [key, value])))).not.toThrow();
  });
});
