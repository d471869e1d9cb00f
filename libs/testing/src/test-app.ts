import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../../apps/api/src/api.module.js';
import { API_PREFIX, configureApiApp } from '../../../apps/api/src/bootstrap.js';
import { loadConfig } from '#config';
import { Clock, ManualClock, Role } from '#core';
import { UserService } from '#identity';

export const TEST_PASSWORD = 'Testovaci-heslo-123';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  clock: ManualClock;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real API (real PostgreSQL with the real migrations, real queues) with a clock the test moves.
 * Each test file builds its own and owns its data, so files can run in parallel.
 */
export async function createTestApp(): Promise<TestApp> {
  const clock = new ManualClock(new Date());
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication({ logger: false });
  configureApiApp(app, loadConfig());
  await app.init();
  return {
    app,
    http: withApiPrefix(request(app.getHttpServer())),
    clock,
    dataSource: app.get(DataSource),
    close: () => app.close(),
  };
}

const VERBS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'head', 'options']);

/** Paths written as before the API moved under `/api/v1` (`/calls`) get the prefix; `/api/…` paths are left alone. */
function withApiPrefix(agent: ReturnType<typeof request>): ReturnType<typeof request> {
  return new Proxy(agent, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof property !== 'string' || !VERBS.has(property) || typeof value !== 'function') return value;
      return (url: string, ...rest: unknown[]) => (value as (...args: unknown[]) => unknown).call(target, url.startsWith('/api/') ? url : `/${API_PREFIX}${url}`, ...rest);
    },
  });
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  roles: Role[];
}

/** Creates a user with the given roles and signs them in. E-mails are unique per call. */
export async function createUser(t: TestApp, roles: Role[], label = roles.join('-') || 'user'): Promise<TestUser> {
  const email = `${label}-${randomUUID().slice(0, 8)}@test.praha.eu`;
  const users = t.app.get(UserService);
  const view = await users.create(
    { userId: null, roles: [], correlationId: `test-${randomUUID()}`, language: 'cs' },
    {
      email,
      displayName: `Test ${label}`,
      password: TEST_PASSWORD,
      roles,
    },
  );
  const login = await t.http.post('/auth/login').set('X-Forwarded-For', randomUUID()).send({ email, password: TEST_PASSWORD }).expect(200);
  return { id: view.id, email, token: login.body.accessToken, roles };
}

export const bearer = (user: { token: string }) => ({ Authorization: `Bearer ${user.token}` });

/** A checksum-valid IČO that no other test uses (random 7 digits plus the check digit). */
export function uniqueIco(): string {
  const base = String(Math.floor(Math.random() * 9_000_000) + 1_000_000).padStart(7, '0');
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(base[i]), 0);
  return `${base}${(11 - (sum % 11)) % 10}`;
}

export function organisationPayload(overrides: Record<string, unknown> = {}) {
  return {
    type: 'ngo',
    legalForm: 'spolek',
    name: `Spolek ${randomUUID().slice(0, 6)}`,
    ico: uniqueIco(),
    seatStreet: 'Koněvova 12',
    seatCity: 'Praha 3',
    seatPostalCode: '130 00',
    ...overrides,
  };
}

/** The answer is application/problem+json with this HTTP status (also as its `status` member, RFC 9457) and this code. */
export function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, bodyStatus: response.body?.status, code: response.body?.code }).toEqual({ status, bodyStatus: status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
}
