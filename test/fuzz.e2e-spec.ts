import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Response, Test } from 'supertest';
import { hasPermission, Permission } from '#access';
import { ROLES } from '#core';
import { applicantWithOrganisation, bearer, createTestActivities, createTestApp, createUser, openCall, PDF_BYTES, TestApp, TestUser } from '#testing';

/**
 * Every write route of the OpenAPI document, as a user allowed to call it, gets a seeded set of hostile bodies;
 * no answer may be a 5xx and every 4xx is problem+json with a code. Driven by the document the app itself
 * generates, so a route added tomorrow is fuzzed without anyone remembering it. `FUZZ_SEED=<n>` replays a run.
 */

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);

/** mulberry32: small, fast and good enough to pick hostile values reproducibly. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)];
const uuid = () => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
};

interface Schema {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  properties?: Record<string, Schema>;
  items?: Schema;
}
interface Operation {
  'x-permission'?: Permission;
  security?: unknown[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
type Json = unknown;
/** A hostile body: a JSON value, or `{ raw }` for text sent as it is (not JSON). */
type HostileBody = Json;

const UNICODE = [
  'Příliš žluťoučký kůň úpěl ďábelské ódy',
  '🐎👩‍👩‍👧‍👦 ǅ ß Ⅻ',
  '\u202eRTL\u200b\u00a0',
  'Ω≈ç√∫˜µ≤≥÷',
  "'; DROP TABLE application; --",
  '<script>alert(1)</script>',
  '%s%n%x',
  ' ',
];
const WRONG = [12345, -1, 0.5, 'text', true, false, [], {}, [1, 'a'], { a: 1 }] as const;
const MONEY = /^-?\d+\.\d{2}$/;

/** JSON text nested far deeper than anything the API accepts (as text: JSON.stringify itself would overflow). */
const deep = (levels: number) => `${'{"a":'.repeat(levels)}"dno"${'}'.repeat(levels)}`;

describe('fuzzing every write route from the OpenAPI document', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };
  const users = new Map<string, TestUser>();
  const realIds = new Map<string, string>();

  beforeAll(async () => {
    console.info(`Fuzz seed ${SEED}: FUZZ_SEED=${SEED} replays this run.`);
    t = await createTestApp();
    document = SwaggerModule.createDocument(t.app, new DocumentBuilder().build()) as unknown as typeof document;
    // Real objects where they are cheap, so that hostile values reach the services and PostgreSQL, not only a 404.
    const staff = await createUser(t, ['staff'], 'fuzz-staff');
    const ngo = await applicantWithOrganisation(t);
    const call = await openCall(t, staff, await createTestActivities(t), new Date('2022-11-14T00:00:00+01:00'), new Date('2022-12-05T00:00:00+01:00'));
    const draft = await t.http.post('/applications').set(bearer(ngo.user)).send({ callId: call.id, organisationId: ngo.organisationId }).expect(201);
    // The call routes get a bare draft, which cannot be published: a fuzzed call that went public or was amended would
    // e-mail every applicant in the shared test database and slow the other files down.
    const bareCall = await t.http
      .post('/calls')
      .set(bearer(staff))
      .send({ code: `FUZZ-${uuid().slice(0, 8)}`, year: 2023, title: 'Výzva pro fuzzing' })
      .expect(201);
    users.set('staff', staff).set('applicant', ngo.user);
    for (const role of ROLES) if (!users.has(role)) users.set(role, await createUser(t, [role], `fuzz-${role}`));
    realIds.set('applications', draft.body.id).set('calls', bareCall.body.id).set('organisations', ngo.organisationId).set('reviews', draft.body.id);
  });
  afterAll(() => t.close());

  const resolve = (schema: Schema | undefined): Schema => {
    let current = schema ?? {};
    for (let i = 0; i < 10 && (current.$ref || current.allOf); i++) {
      if (current.$ref) current = document.components?.schemas?.[current.$ref.split('/').pop()!] ?? {};
      else current = { ...current, ...resolve(current.allOf![0]), allOf: undefined };
    }
    return current;
  };

  /** A plausible value for the schema: the base the mutations start from. */
  const plausible = (raw: Schema | undefined, depth = 0): Json => {
    const schema = resolve(raw);
    if (schema.enum?.length) return pick(schema.enum);
    if (schema.example !== undefined) return schema.example;
    if (schema.type === 'array') return depth > 6 ? [] : [plausible(schema.items, depth + 1)];
    if (schema.type === 'object' || schema.properties) {
      return depth > 6 ? {} : Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, plausible(value, depth + 1)]));
    }
    if (schema.type === 'integer' || schema.type === 'number') return 1;
    if (schema.type === 'boolean') return true;
    if (schema.format === 'uuid') return uuid();
    if (schema.format === 'date-time') return '2023-01-10T10:00:00+01:00';
    if (schema.format === 'date') return '2023-01-10';
    return pick(['Test', 'Žádost o dotaci', '1', 'a@b.cz']);
  };

  /** Applies `change` to every leaf of a value (strings, numbers, booleans), keeping its shape. */
  const mapLeaves = (value: Json, change: (leaf: Json) => Json): Json => {
    if (Array.isArray(value)) return value.map((item) => mapLeaves(item, change));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapLeaves(v, change)]));
    return change(value);
  };
  const mapTop = (value: Json, change: (field: Json) => Json): Json =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, change(v)])) : change(value);
  const mapArrays = (value: Json, change: (list: Json[]) => Json[]): Json => {
    if (Array.isArray(value)) return change(value.map((item) => mapArrays(item, change)));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapArrays(v, change)]));
    return value;
  };
  const strings = (change: (text: string) => Json) => (leaf: Json) => (typeof leaf === 'string' ? change(leaf) : leaf);
  const withKey = (body: Json, key: string): string => {
    const json = JSON.stringify(body ?? {});
    const inner = `{"${key}":{"polluted":true,"constructor":{"prototype":{"polluted":true}}}`;
    return json === '{}' ? `${inner}}` : `${inner},${json.slice(1)}`;
  };

  /** The body as JSON text with every top-level field's value replaced by `text`. */
  const deepFields = (body: Json, text: string): string =>
    body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length > 0
      ? `{${Object.keys(body)
          .map((key) => `${JSON.stringify(key)}:${text}`)
          .join(',')}}`
      : `[${text}]`;

  /** The hostile bodies for one route: [label, JSON value or raw text]. */
  const bodies = (schema: Schema | undefined): [string, HostileBody][] => {
    const base = plausible(schema);
    return [
      ['plausible', base],
      ['empty object', {}],
      ['nulls', mapTop(base, () => null)],
      ['wrong types', mapTop(base, () => pick(WRONG))],
      ['not an object', pick(['text', 42, [base], null, true])],
      [
        'NUL in every text',
        mapLeaves(
          base,
          strings((text) => `${text}\u0000`),
        ),
      ],
      [
        'lone surrogates',
        mapLeaves(
          base,
          strings((text) => `${text}${pick(['\ud800', '\udfff', '\ud83d'])}`),
        ),
      ],
      [
        'unicode',
        mapLeaves(
          base,
          strings(() => pick(UNICODE)),
        ),
      ],
      [
        'huge texts',
        mapLeaves(
          base,
          strings(() => 'ř'.repeat(pick([5_000, 100_000]))),
        ),
      ],
      ['huge lists', mapArrays(base, (list) => Array.from({ length: 600 }, () => list[0] ?? 'x'))],
      ['deep values', { raw: deepFields(base, deep(pick([40, 300, 5_000]))) }],
      ['negative money', mapLeaves(base, (leaf) => (typeof leaf === 'string' && MONEY.test(leaf) ? `-${leaf}` : typeof leaf === 'number' ? -leaf - 1 : leaf))],
      ['money to a tenth of a haléř', mapLeaves(base, (leaf) => (typeof leaf === 'string' && MONEY.test(leaf) ? `${leaf}5` : typeof leaf === 'number' ? leaf + 0.005 : leaf))],
      ['huge numbers', mapLeaves(base, (leaf) => (typeof leaf === 'number' ? pick([1e308, -(2 ** 53) - 2, 2 ** 31]) : leaf))],
      ['duplicate ids', mapArrays(base, (list) => (list.length > 0 ? [list[0], ...list] : list))],
      ['__proto__ key', { raw: withKey(base, '__proto__') }],
      ['constructor key', { raw: withKey(base, 'constructor') }],
      ['deep document', { raw: deep(5_000) }],
      ['invalid JSON', { raw: pick(['{"a":', '{a:1}', "{'a':1}", '[1,]', '\u0000']) }],
    ];
  };

  const fillPath = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
      const segment = path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
      return (name === 'id' || name === 'applicationId' || name === 'callId' ? realIds.get(segment) : undefined) ?? uuid();
    });

  /** One request, every random choice made beforehand (so that the seed replays whatever the order of sending). */
  interface Case {
    label: string;
    path: string;
    body: HostileBody;
    forwardedFor: string;
    fileName: string | null;
  }
  const isRaw = (body: HostileBody): body is { raw: string } => body !== null && typeof body === 'object' && 'raw' in body;

  const send = (method: string, user: TestUser | null, c: Case): Test => {
    let request = (t.http as unknown as Record<string, (url: string) => Test>)[method](c.path).set('X-Forwarded-For', c.forwardedFor);
    if (user) request = request.set(bearer(user));
    if (isRaw(c.body)) return request.set('Content-Type', 'application/json').send(c.body.raw);
    if (c.fileName !== null && c.body !== null && typeof c.body === 'object' && !Array.isArray(c.body)) {
      for (const [key, value] of Object.entries(c.body)) {
        if (key !== 'file') request = request.field(key, typeof value === 'string' ? value : JSON.stringify(value ?? null));
      }
      return request.attach('file', PDF_BYTES, { filename: c.fileName, contentType: 'application/pdf' });
    }
    return request.set('Content-Type', 'application/json').send(JSON.stringify(c.body));
  };

  const verdict = (response: Response): string | null => {
    if (response.status >= 500) return `${response.status}`;
    if (response.status >= 400) {
      const problem = String(response.headers['content-type'] ?? '').includes('application/problem+json');
      if (!problem || typeof response.body?.code !== 'string' || response.body.status !== response.status) return `${response.status} not problem+json with a code`;
    }
    return null;
  };

  it('answers no hostile body with a 5xx, and every 4xx as problem+json with a code and its status', async () => {
    const routes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({ path, method, operation })),
    );
    expect(routes.length).toBeGreaterThan(50);

    const plan = routes.map((route) => {
      const content = route.operation.requestBody?.content ?? {};
      const multipart = 'multipart/form-data' in content;
      const schema = (content['application/json'] ?? content['multipart/form-data'])?.schema;
      const cases = bodies(schema).map(([label, body]): Case => ({
        label,
        body,
        path: fillPath(route.path),
        forwardedFor: uuid(),
        fileName: multipart && !isRaw(body) ? pick(['smlouva-podepsaná.pdf', 'a\u0000b.pdf', '../../etc/passwd', 'ř'.repeat(300)]) : null,
      }));
      return { ...route, cases };
    });

    const failures: string[] = [];
    let requests = 0;
    const fuzzRoute = async ({ path, method, operation, cases }: (typeof plan)[number]) => {
      const permission = operation['x-permission'];
      // Own-account routes (sign-out!) get a user of their own, so they cannot sign out the users the other routes share.
      const role = permission && ROLES.find((r) => hasPermission([r], permission));
      if (permission && !role) throw new Error(`No role may call ${method.toUpperCase()} ${path} (${permission})`);
      if (!permission && operation.security?.length) throw new Error(`${method.toUpperCase()} ${path} needs sign-in but the document names no x-permission`);
      const user = !permission ? null : permission === Permission.AccountSelf ? await createUser(t, [role!], 'fuzz-self') : users.get(role!)!;
      for (const c of cases) {
        const response = await send(method, user, c);
        requests++;
        const problem = verdict(response);
        if (problem) failures.push(`${method.toUpperCase()} ${path} [${c.label}] → ${problem}: ${JSON.stringify(response.body).slice(0, 300)}`);
      }
    };
    // A few routes at a time: the machine is shared, and the order of routes stays irrelevant to the outcome.
    const queue = [...plan];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let route = queue.shift(); route; route = queue.shift()) await fuzzRoute(route);
      }),
    );

    console.info(`Fuzz seed ${SEED}: ${routes.length} write routes, ${requests} requests, ${failures.length} failures.`);
    expect({ seed: SEED, failures }).toEqual({ seed: SEED, failures: [] });
  }, 180_000);
});
