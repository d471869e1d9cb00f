import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { Response } from 'supertest';
import { ACCESS_METADATA, AccessDeclaration, hasPermission, Permission } from '#access';
import { ROLES } from '#core';
import type { Role } from '#core';
import { bearer, createTestApp, createUser, TestApp, TestUser } from '#testing';

/**
 * Route-level authorisation of the whole API, derived from the running application rather than from
 * a hand-written list: a route added tomorrow is covered (and must declare its access) without
 * touching this file.
 */

interface DiscoveredRoute {
  method: string;
  path: string;
  access: AccessDeclaration | null;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .join('/')}`;
/** Nest's path metadata: one path, several, or none (the root). */
const asList = (value: string | string[] | undefined): string[] => (Array.isArray(value) ? value : [value ?? '/']);

/** Every controller method that Nest maps to a route, with the access it declares (handler first, then class, as AccessGuard reads it). */
function discoverRoutes(t: TestApp): DiscoveredRoute[] {
  const discovery = new DiscoveryService(t.app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const controller = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!controller) continue;
    const prototype = controller.prototype as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      const methodPath = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (methodPath === undefined) continue; // a helper method, not a route
      const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
      const access = (Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, controller) ?? null) as AccessDeclaration | null;
      for (const prefix of asList(Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined)) {
        for (const suffix of asList(methodPath)) {
          routes.push({ method: RequestMethod[requestMethod], path: joinPath(prefix, suffix), access });
        }
      }
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** What Express actually serves, to prove the discovery above misses nothing. */
function expressRoutes(t: TestApp): { method: string; path: string }[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).map((method) => ({ method: method.toUpperCase(), path: layer.route!.path })) : [],
  );
}

// Top-level await (Jest runs native ES modules): the test tables below are generated from the live app.
const t = await createTestApp();
const routes = discoverRoutes(t);
const label = (route: { method: string; path: string }) => `${route.method} ${route.path}`;

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['anonymous', ...ROLES];

/** Calls that end the caller's own session: each gets a freshly created user, so the shared users stay signed in. */
const ENDS_OWN_SESSION = new Set(['POST /auth/logout']);
/** Statuses that prove the request got past route-level access control without breaking anything. */
const ALLOWED_STATUSES = [200, 201, 202, 204, 404, 409, 422];

function call(route: DiscoveredRoute, user: TestUser | null): Promise<Response> {
  const path = route.path.replace(/:[A-Za-z_]\w*/g, () => randomUUID());
  const withHeaders = <R extends { set(field: string, value: string): R }>(request: R): R => {
    // A fresh client address per request: the attempt limiter on credential routes must not interfere.
    let out = request.set('X-Forwarded-For', randomUUID());
    if (user) out = out.set('Authorization', bearer(user).Authorization);
    return out;
  };
  switch (route.method) {
    case 'GET':
      return withHeaders(t.http.get(path));
    case 'DELETE':
      return withHeaders(t.http.delete(path));
    case 'POST':
      return withHeaders(t.http.post(path)).send({});
    case 'PUT':
      return withHeaders(t.http.put(path)).send({});
    case 'PATCH':
      return withHeaders(t.http.patch(path)).send({});
    default:
      throw new Error(`The matrix does not know how to call ${label(route)}`);
  }
}

function expectProblem(response: Response, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
  expect(response.headers['content-type']).toContain('application/problem+json');
}

describe('authorisation matrix: every route × every role', () => {
  const users = new Map<Role, TestUser>();

  beforeAll(async () => {
    for (const role of ROLES) users.set(role, await createUser(t, [role], `matrix-${role}`));
  });
  afterAll(() => t.close());

  describe('declared access', () => {
    it('discovers the routes the running app actually serves (besides the Swagger documentation)', () => {
      const served = expressRoutes(t)
        .filter((route) => !route.path.startsWith('/api/docs'))
        .map((route) => label({ ...route, path: route.path.replace(/^\/api\/v1(?=\/)/, '') }))
        .sort();
      expect(routes.length).toBeGreaterThan(0);
      expect(routes.map(label).sort()).toEqual(served);
    });

    it('has no route without an access declaration (the guard would refuse it for everyone)', () => {
      expect(routes.filter((route) => route.access === null).map(label)).toEqual([]);
      const permissions: string[] = Object.values(Permission);
      for (const route of routes) {
        if (route.access?.kind === 'public') expect(route.access).toEqual({ kind: 'public' });
        else
          expect({ route: label(route), kind: route.access?.kind, known: permissions.includes(route.access?.permission ?? '') }).toEqual({
            route: label(route),
            kind: 'authenticated',
            known: true,
          });
      }
    });

    // A diff in this snapshot is a permission change: a route became public, changed its required
    // permission, or appeared/disappeared. Review it like a change to ROLE_PERMISSIONS, never just
    // update it with `jest -u`.
    it('matches the reviewed snapshot of routes and their access declarations', () => {
      expect(routes).toMatchSnapshot();
    });
  });

  interface MatrixCase {
    name: string;
    route: DiscoveredRoute;
    caller: Caller;
    expected: 'unauthenticated' | 'forbidden' | 'allowed';
  }

  const cases: MatrixCase[] = routes.flatMap((route) =>
    CALLERS.map((caller): MatrixCase => {
      const access = route.access;
      const expected =
        access?.kind === 'public' ? 'allowed' : caller === 'anonymous' ? 'unauthenticated' : access && hasPermission([caller], access.permission) ? 'allowed' : 'forbidden';
      const outcome = { unauthenticated: '401 NOT_AUTHENTICATED', forbidden: '403 PERMISSION_DENIED', allowed: 'passes access control' }[expected];
      return { name: `${label(route)} as ${caller} → ${outcome}`, route, caller, expected };
    }),
  );

  it('covers every route for anonymous callers and every role', () => {
    expect(cases).toHaveLength(routes.length * (ROLES.length + 1));
  });

  it.each(cases)('$name', async ({ route, caller, expected }) => {
    let user: TestUser | null = null;
    if (caller !== 'anonymous') {
      user = expected === 'allowed' && ENDS_OWN_SESSION.has(label(route)) ? await createUser(t, [caller], `matrix-fresh-${caller}`) : users.get(caller)!;
    }
    const response = await call(route, user);
    if (expected === 'unauthenticated') expectProblem(response, 401, 'NOT_AUTHENTICATED');
    else if (expected === 'forbidden') expectProblem(response, 403, 'PERMISSION_DENIED');
    else {
      // A 404 must come from the handler (an unknown id), not from Express failing to match the path we built.
      const reachedHandler = ALLOWED_STATUSES.includes(response.status) && response.body?.code !== 'ROUTE_NOT_FOUND';
      const verdict = reachedHandler ? 'passed access control' : `unexpected ${response.status}: ${JSON.stringify(response.body)}`;
      expect(verdict).toBe('passed access control');
    }
  });

  it('left the shared users signed in (no call above revoked a session it should not have)', async () => {
    for (const user of users.values()) await t.http.get('/auth/me').set(bearer(user)).expect(200);
  });

  describe('auditors read everything and write nothing', () => {
    const writes = routes.filter((route) => route.method !== 'GET' && route.access?.kind === 'authenticated');

    // Own-account routes (account.self, today only POST /auth/logout) act on the caller's own session,
    // not on grant data; an auditor must be able to sign out. Everything else that writes is refused.
    it('grants auditors no write permission other than managing their own session', () => {
      const grantedToAuditor = writes.filter((route) => route.access?.kind === 'authenticated' && hasPermission(['auditor'], route.access.permission));
      expect(grantedToAuditor.map((route) => [label(route), route.access])).toEqual(
        grantedToAuditor.map((route) => [label(route), { kind: 'authenticated', permission: Permission.AccountSelf }]),
      );
    });

    const refused = writes.filter((route) => route.access?.kind === 'authenticated' && route.access.permission !== Permission.AccountSelf);

    it('has write routes to check', () => {
      expect(refused.length).toBeGreaterThan(0);
    });

    it.each(refused.map((route) => ({ name: label(route), route })))('$name is refused to an auditor-only user with 403', async ({ route }) => {
      const auditor = users.get('auditor')!;
      expect(auditor.roles).toEqual(['auditor']);
      expectProblem(await call(route, auditor), 403, 'PERMISSION_DENIED');
    });
  });
});
