/**
 * Writes the response DTO classes of the API (apps/api/src/http/responses.ts) from what the controllers
 * return, read by the TypeScript checker: `node dist/scripts/generate-response-dtos.js [--print]`.
 *
 * The classes are committed and reviewed like any code. Each controller method declares the class as its
 * return type, so `tsc` refuses a service whose result no longer fits the documented response; rerun this
 * script after changing a response shape and review the diff. Types it cannot describe (unknown, any) stop it.
 */
import ts from 'typescript';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = process.cwd();
const OUT = path.join(ROOT, 'apps/api/src/http/responses.ts');
/** Names of response classes that the checker sees as anonymous object types, by the first place they appear. */
const RENAME: Record<string, string> = {
  AwardsSaveTemplateResponse: 'AgreementTemplateResponse',
  AgreementsCreateResponse: 'AgreementResponse',
  AgreementsAmendResponse: 'AmendmentResponse',
  SettlementsSubmitResponse: 'SettlementResponse',
  SettlementsCheckResponse: 'SettlementCheckResponse',
  AwardsDecisionResponse: 'DecisionResponse',
  AgreementsListPaymentResponse: 'PaymentResponse',
  SettlementCostDocumentResponse: 'CostDocumentResponse',
  BreachesListResponse: 'BreachResponse',
  RecordFilesResolutionFileResponse: 'RecordFileResponse',
  HealthHealthResponse: 'HealthResponse',
  ApplicationsHistoryResponse: 'ApplicationHistoryEntryResponse',
  ApplicationsVersionDetailResponse: 'SubmittedVersionResponse',
  NotificationsListDetailResponse: 'InboxPageResponse',
  DeliveryAdminQueuesDeadLettersDetailResponse: 'DeadLetterCountsResponse',
  AreaResultRankingDetailResponse: 'RankedApplicationResponse',
  SubmittedContentAnnexeResponse: 'SubmittedAnnexResponse',
  DossierProjectBreacheResponse: 'DossierProjectBreachResponse',
  TraceNodeNodeResponse: 'TraceNodeSummaryResponse',
};

const config = ts.readConfigFile(path.join(ROOT, 'tsconfig.json'), (file) => ts.sys.readFile(file));
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT);
const program = ts.createProgram(
  parsed.fileNames.filter((f) => f.includes('apps/api/src/controllers/')),
  parsed.options,
);
const checker = program.getTypeChecker();

interface Emitted {
  name: string;
  text: string;
}
const classes: Emitted[] = [];
const byKey = new Map<string, string>();
const used = new Set<string>();
const problems: string[] = [];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const singular = (s: string) => (s.endsWith('ies') ? `${s.slice(0, -3)}y` : s.endsWith('ses') ? s.slice(0, -2) : s.endsWith('s') ? s.slice(0, -1) : s);

function unwrapPromise(type: ts.Type): ts.Type {
  const symbol = type.getSymbol();
  if (symbol?.getName() === 'Promise') return checker.getTypeArguments(type as ts.TypeReference)[0];
  return type;
}

interface Described {
  decorator: string;
  tsType: string;
}

function isDate(type: ts.Type) {
  return type.getSymbol()?.getName() === 'Date';
}
/** Values that serialise themselves to a string (Money, Ratio): decimal strings in JSON. */
function isMoney(type: ts.Type) {
  if (isDate(type)) return false;
  const toJSON = type.getProperty('toJSON');
  return (
    !!toJSON && checker.getSignaturesOfType(checker.getTypeOfSymbol(toJSON), ts.SignatureKind.Call).some((s) => checker.getReturnTypeOfSignature(s).flags & ts.TypeFlags.String)
  );
}

/** The @ApiProperty options and the TypeScript type of one value. */
function describe(type: ts.Type, suggested: string, where: string): Described {
  const parts = type.isUnion() ? type.types : [type];
  const nullable = parts.some((p) => p.flags & ts.TypeFlags.Null);
  let rest = parts.filter((p) => !(p.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
  // `boolean` is the union true | false.
  if (rest.length === 2 && rest.every((p) => p.flags & ts.TypeFlags.BooleanLiteral)) rest = [checker.getBooleanType()];
  const n = nullable ? ', nullable: true' : '';
  const tn = nullable ? ' | null' : '';
  if (rest.length === 0) return { decorator: `{ type: String${n} }`, tsType: `null` };
  if (rest.every((p) => p.isStringLiteral())) {
    const values = rest.map((p) => JSON.stringify(p.value));
    return { decorator: `{ enum: [${values.join(', ')}]${n} }`, tsType: values.join(' | ') + tn };
  }
  if (rest.length > 1) {
    // Unions of object shapes (e.g. a health answer up or down) are described by their common form.
    if (rest.every((p) => p.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) return describeObject(rest, suggested, where, n, tn);
    problems.push(`${where}: union ${checker.typeToString(type)}`);
    return { decorator: '{}', tsType: 'never' };
  }
  const t = rest[0];
  if (t.flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral) || isMoney(t))
    return { decorator: `{ type: String${n} }`, tsType: (isMoney(t) ? '{ toJSON(): string }' : 'string') + tn };
  if (t.flags & ts.TypeFlags.Number) return { decorator: `{ type: Number${n} }`, tsType: 'number' + tn };
  if (t.flags & ts.TypeFlags.NumberLiteral) return { decorator: `{ type: Number${n} }`, tsType: 'number' + tn };
  if (t.flags & (ts.TypeFlags.Boolean | ts.TypeFlags.BooleanLiteral)) return { decorator: `{ type: Boolean${n} }`, tsType: 'boolean' + tn };
  if (isDate(t)) return { decorator: `{ type: String, format: 'date-time'${n} }`, tsType: 'Date' + tn };
  if (checker.isArrayType(t) || checker.isTupleType(t)) {
    const items = checker.getTypeArguments(t as ts.TypeReference);
    if (checker.isTupleType(t) && items.every((i) => i.isStringLiteral())) {
      const values = [...new Set(items.map((i) => JSON.stringify(i.value)))];
      return { decorator: `{ enum: [${values.join(', ')}], isArray: true${n} }`, tsType: `readonly (${values.join(' | ')})[]` + tn };
    }
    const item = describe(items[0], singular(suggested), where);
    const inner = item.decorator.replace(/^\{ /, '').replace(/ \}$/, '');
    return { decorator: `{ ${inner}, isArray: true${n} }`, tsType: `readonly (${item.tsType})[]` + tn };
  }
  if (t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) return describeObject([t], suggested, where, n, tn);
  // Free-form JSON by design (an audit entry's before/after, an amended field's old and new value).
  if (t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any))
    return {
      decorator: `{ description: 'JSON', nullable: true, oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }] }`,
      tsType: 'unknown',
    };
  problems.push(`${where}: ${checker.typeToString(type)}`);
  return { decorator: '{}', tsType: 'never' };
}

function describeObject(types: ts.Type[], suggested: string, where: string, n: string, tn: string): Described {
  const first = types[0];
  const properties = checker.getPropertiesOfType(first);
  const index = checker.getIndexInfosOfType(first)[0];
  if (properties.length === 0 && index) {
    const value = describe(index.type, `${suggested}Value`, where);
    if (value.decorator.includes('type: () =>')) problems.push(`${where}: map of objects`);
    const inner = value.decorator.replace(/^\{ /, '').replace(/ \}$/, '');
    return {
      decorator: `{ type: 'object', additionalProperties: { ${inner.replace(/type: (String|Number|Boolean)/, (_, x: string) => `type: '${x.toLowerCase()}'`).replace(/enum: /, 'enum: ')} }${n} }`,
      tsType: `Record<string, ${value.tsType}>` + tn,
    };
  }
  // An intersection (a view plus a few fields) is named after its alias, else as the detail of where it appears.
  const named = first.aliasSymbol ?? (first.isIntersection() ? undefined : first.getSymbol());
  if (!named && first.isIntersection()) suggested = `${suggested}Detail`;
  const baseName = named && !['__type', '__object', 'Record'].includes(named.getName()) ? named.getName() : undefined;
  const args =
    first.aliasTypeArguments ??
    (first.flags & ts.TypeFlags.Object && (first as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference ? checker.getTypeArguments(first as ts.TypeReference) : []);
  // A response class already declared (a controller's return type) keeps its name.
  const name = baseName?.endsWith('Response')
    ? emitClass(types, baseName, where)
    : emitClass(
        types,
        baseName ? `${baseName.replace(/View$/, '')}${args.map((a) => checker.typeToString(a).replace(/View$/, '').replace(/\W/g, '')).join('')}Response` : `${suggested}Response`,
        where,
      );
  return { decorator: `{ type: () => ${name}${n} }`, tsType: name + tn };
}

function emitClass(types: ts.Type[], wanted: string, where: string): string {
  const key = types.map((t) => checker.typeToString(t, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.InTypeAlias)).join('|');
  const known = byKey.get(key);
  if (known) return known;
  let name = RENAME[wanted] ?? wanted;
  for (let i = 2; used.has(name); i++) name = `${wanted.replace(/Response$/, '')}${i}Response`;
  used.add(name);
  byKey.set(key, name);
  const base = name.replace(/Response$/, '');
  const names = new Map<string, ts.Symbol[]>();
  for (const t of types) for (const p of checker.getPropertiesOfType(t)) names.set(p.getName(), [...(names.get(p.getName()) ?? []), p]);
  const lines: string[] = [];
  for (const [prop, symbols] of names) {
    if (prop.startsWith('__')) continue;
    const propTypes = symbols.map((s) => checker.getTypeOfSymbol(s));
    const optional = symbols.length < types.length || symbols.some((s) => s.flags & ts.SymbolFlags.Optional);
    // Of the alternatives of a union, the most informative one (properties or an index) describes the field.
    const weight = (t: ts.Type) => (t.flags & ts.TypeFlags.Unknown ? -1 : checker.getPropertiesOfType(t).length + checker.getIndexInfosOfType(t).length);
    const type = [...propTypes].sort((a, b) => weight(b) - weight(a))[0];
    // A discriminant (`kind: 'fixed'` in one alternative, `'percentage'` in another) takes every value.
    const literals = propTypes.flatMap((t) => (t.isUnion() ? t.types : [t]));
    const d =
      propTypes.length > 1 && literals.every((t) => t.isStringLiteral())
        ? (() => {
            const values = [...new Set(literals.map((t) => JSON.stringify(t.value)))];
            return { decorator: `{ enum: [${values.join(', ')}] }`, tsType: values.join(' | ') };
          })()
        : describe(type, `${base}${cap(prop)}`, `${where}.${prop}`);
    const decorator = optional ? `@ApiPropertyOptional(${d.decorator})` : `@ApiProperty(${d.decorator})`;
    lines.push(`  ${decorator} ${/^[A-Za-z_$][\w$]*$/.test(prop) ? prop : JSON.stringify(prop)}${optional ? '?' : ''}: ${d.tsType.replace(/ \| undefined/g, '')};`);
  }
  if (lines.length === 0) problems.push(`${where}: empty object ${key}`);
  classes.push({ name, text: `export class ${name} {\n${lines.join('\n')}\n}\n` });
  return name;
}

function firstReturn(node: ts.Node): ts.Expression | undefined {
  let found: ts.Expression | undefined;
  const visit = (n: ts.Node): void => {
    if (found || ts.isFunctionLike(n)) return;
    if (ts.isReturnStatement(n) && n.expression) found = n.expression;
    else ts.forEachChild(n, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

interface Route {
  file: string;
  controller: string;
  method: string;
  methodText: string;
  decorator: string;
  returnType: string | null;
  position: number;
  decoratorAt: number;
  hasType: boolean;
  async: boolean;
}
const routes: Route[] = [];

for (const source of program.getSourceFiles()) {
  if (!source.fileName.includes('apps/api/src/controllers/')) continue;
  ts.forEachChild(source, (node) => {
    if (!ts.isClassDeclaration(node) || !node.name) return;
    const controller = node.name.text.replace(/Controller$/, '');
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member) || !member.body) continue;
      const text = member.getText(source);
      const httpMethod = /@(Get|Post|Put|Patch|Delete)\(/.exec(text)?.[1];
      if (!httpMethod) continue;
      const method = member.name.getText(source);
      // What the method really returns (its return statement), not the response class it declares.
      const signature = checker.getSignatureFromDeclaration(member)!;
      const returned = firstReturn(member.body);
      const raw = returned ? checker.getTypeAtLocation(returned) : checker.getReturnTypeOfSignature(signature);
      const type = unwrapPromise(raw);
      const code = /@HttpCode\((\d+)\)/.exec(text)?.[1] ?? (httpMethod === 'Post' ? '201' : '200');
      const where = `${controller}.${method}`;
      const isAsync = raw !== type || !!member.modifiers?.some((m) => m.kind === ts.SyntaxKind.AsyncKeyword);
      const keyword = member.modifiers?.find((m) => !ts.isDecorator(m));
      const decoratorAt = (keyword ?? member.name).getStart(source);
      const decorated = /@Api(Ok|Created|Accepted|NoContent)Response\(|@ApiFile\(/.test(text);
      const base = {
        file: source.fileName,
        controller,
        method,
        methodText: text,
        position: member.body.getStart(source) - 1,
        decoratorAt: decorated ? -1 : decoratorAt,
        hasType: !!member.type,
        async: isAsync,
      };
      if (type.flags & ts.TypeFlags.Void) {
        routes.push({ ...base, decorator: `@ApiNoContentResponse()`, returnType: null });
        continue;
      }
      if (type.getSymbol()?.getName() === 'StreamableFile') {
        const media = /type: '([^';]+)/.exec(text)?.[1] ?? (/type: attachment\.mediaType|mediaType/.test(text) ? 'application/octet-stream' : 'application/octet-stream');
        routes.push({ ...base, decorator: `@ApiFile(${JSON.stringify(media)}${code === '200' ? '' : `, ${code}`})`, returnType: null });
        continue;
      }
      const d = describe(type, `${controller}${cap(method)}`, where);
      const m = /type: \(\) => (\w+)(, isArray: true)?/.exec(d.decorator);
      if (!m) {
        problems.push(`${where}: not an object response (${d.decorator})`);
        continue;
      }
      const kind = code === '201' ? 'ApiCreatedResponse' : code === '202' ? 'ApiAcceptedResponse' : 'ApiOkResponse';
      routes.push({ ...base, decorator: `@${kind}({ type: ${m[1]}${m[2] ?? ''} })`, returnType: d.tsType });
    }
  });
}

if (problems.length > 0) {
  process.stderr.write(`Cannot describe:\n${problems.join('\n')}\n`);
  process.exitCode = 1;
}
const header = `// Response DTOs of every route: what a client generated from /api/docs-json is typed by.
// Written by scripts/generate-response-dtos.ts from the controllers' return types, then reviewed; the controllers
// declare these classes as their return types, so tsc refuses a service result that no longer fits.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
`;
// A class that holds every field of an earlier one (a view plus a few fields) extends it instead of repeating it.
const linesOf = (c: Emitted) => c.text.split('\n').filter((l) => l.startsWith('  @'));
const emitted = classes.map((c) => {
  const own = linesOf(c);
  const base = classes
    .slice(0, classes.indexOf(c))
    .map((b) => ({ b, lines: linesOf(b) }))
    .filter(({ lines }) => lines.length >= 4 && lines.length < own.length && lines.every((l) => own.includes(l)))
    .sort((x, y) => y.lines.length - x.lines.length)[0];
  if (!base) return c.text;
  const rest = own.filter((l) => !base.lines.includes(l));
  return `export class ${c.name} extends ${base.b.name} {\n${rest.join('\n')}\n}\n`;
});
writeFileSync(OUT, `${header}\n${emitted.join('\n')}`);
if (process.argv.includes('--print')) for (const r of routes) process.stdout.write(`${r.controller}.${r.method}\t${r.decorator}\t${r.returnType ?? ''}\n`);

// Decorate the controllers and declare their return types (a method already decorated keeps its decorator).
if (process.argv.includes('--decorate')) {
  const byFile = new Map<string, Route[]>();
  for (const r of routes) byFile.set(r.file, [...(byFile.get(r.file) ?? []), r]);
  const { readFileSync } = await import('node:fs');
  for (const [file, list] of byFile) {
    let text = readFileSync(file, 'utf8');
    const edits: { at: number; insert: string }[] = [];
    const names = new Set<string>();
    const swagger = new Set<string>();
    for (const r of list) {
      if (r.returnType && !r.hasType) edits.push({ at: r.position, insert: `: ${r.async ? `Promise<${r.returnType}>` : r.returnType}` });
      if (r.decoratorAt >= 0) edits.push({ at: r.decoratorAt, insert: `${r.decorator}\n  ` });
      else if (!r.methodText.includes(r.decorator)) process.stderr.write(`${r.controller}.${r.method}: declares another response than ${r.decorator}; update it by hand\n`);
      for (const m of `${r.decorator} ${r.returnType ?? ''}`.matchAll(/\b(\w+Response)\b/g)) if (!m[1].startsWith('Api')) names.add(m[1]);
      const api = /@(Api\w+)\(/.exec(r.decorator)?.[1];
      if (api && api !== 'ApiFile') swagger.add(api);
    }
    for (const e of edits.sort((a, b) => b.at - a.at)) text = text.slice(0, e.at) + e.insert + text.slice(e.at);
    text = text.replace(/import \{ ([^}]*) \} from '@nestjs\/swagger';/, (_all, inner: string) => {
      const all = new Set([
        ...inner
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
        ...swagger,
      ]);
      return `import { ${[...all].sort().join(', ')} } from '@nestjs/swagger';`;
    });
    // Merge the response classes into the controller's import of them (or add one).
    const existing = /\nimport \{ ([^}]*) \} from '\.\.\/http\/responses\.js';/.exec(text);
    if (existing) {
      for (const name of existing[1]
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean))
        names.add(name);
      text = text.replace(existing[0], '');
    }
    const imports = [...text.matchAll(/^import [^;]*;$/gms)];
    const last = imports[imports.length - 1];
    const at = last.index + last[0].length;
    const files = list.some((r) => r.decorator.startsWith('@ApiFile')) && !text.includes("from '../http/openapi.js'") ? `\nimport { ApiFile } from '../http/openapi.js';` : '';
    const dtos = names.size > 0 ? `\nimport { ${[...names].sort().join(', ')} } from '../http/responses.js';` : '';
    text = `${text.slice(0, at)}${files}${dtos}${text.slice(at)}`;
    writeFileSync(file, text);
  }
}
