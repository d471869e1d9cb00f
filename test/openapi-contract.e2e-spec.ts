import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { createTestApp, TestApp } from '#testing';

type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  enum?: unknown[];
  format?: string;
};
type Operation = { responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** The contract a generated client relies on: every route says what it answers, success and error alike. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http.get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path.replace(/^\/api\/v1(?=\/)/, '')}`, op })),
    );

  /** Where a schema is empty or an object with nothing declared, what a client would type as `unknown`. */
  function untyped(schema: Schema | undefined, at: string, seen = new Set<string>()): string[] {
    if (!schema) return [`${at}: no schema`];
    if (schema.$ref) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      if (seen.has(name)) return [];
      seen.add(name);
      return untyped(document.components.schemas[name], `${at} → ${name}`, seen);
    }
    if (schema.allOf) return schema.allOf.flatMap((s, i) => untyped(s, `${at}[allOf ${i}]`, seen));
    // Free-form JSON is declared as such (an audit entry's before/after), never left empty.
    if (schema.oneOf) return [];
    if (schema.type === 'array') return untyped(schema.items, `${at}[]`, seen);
    if (schema.type === 'object' || schema.properties) {
      if (schema.properties && Object.keys(schema.properties).length > 0) {
        return Object.entries(schema.properties).flatMap(([name, property]) => untyped(property, `${at}.${name}`, seen));
      }
      if (typeof schema.additionalProperties === 'object') return untyped(schema.additionalProperties, `${at}{}`, seen);
      return [`${at}: object without properties`];
    }
    if (schema.type || schema.enum) return [];
    return [`${at}: empty schema`];
  }

  it('declares a success response with a schema or a file type for every operation', () => {
    const missing = operations().flatMap(({ route, op }) => {
      const success = Object.entries(op.responses).filter(([status]) => /^2/.test(status));
      if (success.length === 0) return [`${route}: no success response`];
      return success.flatMap(([status, response]) => {
        if (status === '204') return response.content ? [`${route}: 204 with a body`] : [];
        const content = Object.entries(response.content ?? {});
        if (content.length === 0) return [`${route} ${status}: no content`];
        return content.flatMap(([media, { schema }]) =>
          media.includes('json') ? untyped(schema, `${route} ${status}`) : schema?.format === 'binary' ? [] : [`${route} ${status} ${media}: not binary`],
        );
      });
    });
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThan(140);
  });

  it('declares the problem+json error body on every operation, from one shared schema', () => {
    const withoutProblem = operations().filter(({ op }) => {
      const errors = Object.entries(op.responses).filter(([status]) => status === 'default' || /^[45]/.test(status));
      return errors.length === 0 || errors.some(([, r]) => r.content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemResponse');
    });
    expect(withoutProblem.map((o) => o.route)).toEqual([]);
    expect(document.components.schemas.ProblemResponse.properties).toEqual(
      expect.objectContaining({ type: expect.anything(), status: expect.anything(), code: expect.anything(), detail: expect.anything() }),
    );
  });

  it("documents the multipart body of every upload route and the audit log's filters and paging", () => {
    type Body = { requestBody?: { content?: Record<string, { schema?: Schema & { required?: string[] } }> } };
    const uploads = operations().filter(({ op }) => (op as Body).requestBody?.content?.['multipart/form-data']);
    expect(uploads.map((u) => u.route).sort()).toEqual([
      'POST /agreements/{id}/applicant-signature',
      'POST /agreements/{id}/signature',
      'POST /amendments/{id}/applicant-signature',
      'POST /amendments/{id}/signature',
      'POST /applications/{id}/attachments',
      'POST /bank-statements',
      'POST /cost-documents/{id}/files',
      'POST /organisations/{id}/verification/evidence',
      'POST /resolutions/{id}/files',
    ]);
    // The city's counter-signature may leave the file out: it then confirms the copy the recipient signed in the portal.
    const fileOptional = new Set(['POST /agreements/{id}/signature', 'POST /amendments/{id}/signature']);
    for (const { op, route } of uploads) {
      const schema = (op as Body).requestBody!.content!['multipart/form-data'].schema!;
      expect(schema.properties?.file).toEqual({ type: 'string', format: 'binary' });
      if (fileOptional.has(route)) expect(schema.required).not.toContain('file');
      else expect(schema.required).toContain('file');
    }
    const auditLog = document.paths['/api/v1/audit-log'].get as unknown as { parameters: { name: string; in: string }[] };
    expect(
      auditLog.parameters
        .filter((p) => p.in === 'query')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['action', 'actorUserId', 'from', 'objectId', 'objectType', 'page', 'pageSize', 'to']);
  });

  it('names every field in camelCase', () => {
    // Keys that are data, not field names: counts per dead-letter reason code, the message in the other language.
    const dataKeys = new Set(['DeadLetterCountsResponse.attempts_exhausted', 'DeadLetterCountsResponse.outcome_unknown', 'ProblemResponse.detail_cs', 'ProblemResponse.detail_en']);
    const snake = Object.entries(document.components.schemas).flatMap(([name, schema]) =>
      Object.keys(schema.properties ?? {})
        .map((p) => `${name}.${p}`)
        .filter((p) => /_/.test(p) && !dataKeys.has(p)),
    );
    expect(snake).toEqual([]);
  });

  it('answers the documented shape: a problem body is what the schema says', async () => {
    const response = await t.http.get('/calls/00000000-0000-4000-8000-000000000000').expect(401);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    const required = (document.components.schemas.ProblemResponse as { required?: string[] }).required ?? [];
    for (const field of required) expect(response.body).toHaveProperty(field);
  });

  it('generates a typed client (openapi-typescript) in which no success body is unknown', async () => {
    const source = astToString(await openapiTS(JSON.parse(JSON.stringify(document)) as Parameters<typeof openapiTS>[0]));
    // The generated types, read by the TypeScript checker: each operation's 2xx JSON body must be a real type.
    const fileName = '/generated/api.ts';
    const host = ts.createCompilerHost({ strict: true, noEmit: true, skipLibCheck: true, types: [] });
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version) => (name === fileName ? ts.createSourceFile(name, source, version) : read(name, version));
    const program = ts.createProgram([fileName], { strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ['lib.es2023.d.ts'] }, host);
    const checker = program.getTypeChecker();
    const file = program.getSourceFile(fileName)!;
    const pathsSymbol = checker.getExportsOfModule(checker.getSymbolAtLocation(file)!).find((symbol) => symbol.getName() === 'paths')!;
    const paths = checker.getDeclaredTypeOfSymbol(pathsSymbol);
    const untypedBodies: string[] = [];
    let checked = 0;
    for (const path of paths.getProperties()) {
      for (const method of checker.getTypeOfSymbol(path).getProperties()) {
        const operation = checker.getTypeOfSymbol(method);
        const responses = operation.getProperty('responses');
        if (!responses) continue;
        for (const response of checker.getTypeOfSymbol(responses).getProperties()) {
          if (!/^2\d\d$/.test(response.getName()) || response.getName() === '204') continue;
          const content = checker.getTypeOfSymbol(response).getProperty('content');
          const json = content && checker.getTypeOfSymbol(content).getProperty('application/json');
          if (!json) continue;
          checked++;
          const body = checker.getNonNullableType(checker.getTypeOfSymbol(json));
          const unknownBody =
            body.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any | ts.TypeFlags.Never) ||
            (!checker.isArrayType(body) && body.getProperties().length === 0 && checker.getIndexInfosOfType(body).length === 0);
          if (unknownBody) untypedBodies.push(`${method.getName().toUpperCase()} ${path.getName()} ${response.getName()}: ${checker.typeToString(body)}`);
        }
      }
    }
    expect(program.getSemanticDiagnostics(file).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))).toEqual([]);
    expect(untypedBodies).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});
