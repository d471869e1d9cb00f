/*
 * `npm run bench:surge` — the deadline surge.
 *
 * Prepares N complete drafts of N different organisations (not measured), then submits them all
 * at once over HTTP with a bounded number of requests in flight, as applicants do in the last
 * minutes before a call closes. Reports throughput, latency percentiles, errors and lost
 * submissions (a 2xx answer whose version, receipt number or outbox event is not in the database),
 * and, in the same run, the raw capacity of the database for the same writes done with plain `pg`
 * (no HTTP, no Nest, no ORM) on a second set of N drafts.
 *
 * Flags: --n <drafts, 2000>  --concurrency <in flight, 64>  --pool <API DATABASE_POOL_SIZE, 10>
 *        --warmup <drafts submitted first and not counted, 100>  --worker (run the worker too,
 *        so PDF receipts are rendered during the surge)  --in-process (API in this process).
 *
 * Uses its own database "grants_bench" (dropped and recreated on every run, then left for
 * inspection) and its own queue prefix, so it never touches the development data.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { hash as argon2Hash } from '@node-rs/argon2';
import { JwtService } from '@nestjs/jwt';
import pg from 'pg';
import { budgetSummary, percentToBasisPoints } from '#applications';
import type { ApplicationDraft, SubmittedContent } from '#applications';
import { canonicalJson, entryHash, GENESIS_HASH, toStoredJson } from '#audit';
import { loadConfig } from '#config';
import { describeQueueBackend, prepareQueueBackend, resolveQueueBackend } from '#queue';
import { LocalDiskStorage } from '#storage';
import { freshSchema, provisionBenchDatabase } from './bench-database.js';

// ---------------------------------------------------------------------------------------------
// Options and small helpers
// ---------------------------------------------------------------------------------------------

interface Options {
  n: number;
  concurrency: number;
  pool: number;
  warmup: number;
  worker: boolean;
  inProcess: boolean;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { n: 2000, concurrency: 64, pool: 10, warmup: 100, worker: false, inProcess: false };
  const numeric = (name: string, value: string | undefined, min: number): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new Error(`--${name} needs an integer ≥ ${min} (got ${value})`);
    return parsed;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--n':
        options.n = numeric('n', value(), 1);
        break;
      case '--concurrency':
        options.concurrency = numeric('concurrency', value(), 1);
        break;
      case '--pool':
        options.pool = numeric('pool', value(), 1);
        break;
      case '--warmup':
        options.warmup = numeric('warmup', value(), 0);
        break;
      case '--worker':
        options.worker = true;
        break;
      case '--in-process':
        options.inProcess = true;
        break;
      default:
        throw new Error(`unknown option ${argv[i]}; use --n, --concurrency, --pool, --warmup, --worker, --in-process`);
    }
  }
  return options;
}

const say = (line = '') => process.stdout.write(`${line}\n`);
const DAY = 86_400_000;
const BENCH_DATABASE = 'grants_bench';
const distRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Decimal with a fixed number of places (no floating-point formatting surprises in the report). */
function fixed(value: number, digits: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const factor = 10 ** digits;
  const scaled = Math.round(Math.abs(value) * factor);
  const whole = Math.floor(scaled / factor);
  const sign = value < 0 && scaled > 0 ? '-' : '';
  return digits === 0 ? `${sign}${whole}` : `${sign}${whole}.${String(scaled % factor).padStart(digits, '0')}`;
}

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Deterministic pseudo-random numbers, so every run prepares the same data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Runs `task` over `items` with at most `limit` in flight. */
async function inParallel<T>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  });
  await Promise.all(lanes);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A checksum-valid IČO from a 7-digit body: weights 8..2, check digit (11 − sum mod 11) mod 10. */
function icoFromBody(body: number): string {
  const digits = String(body).padStart(7, '0');
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  return `${digits}${(11 - (sum % 11)) % 10}`;
}

// CPU accounting from /proc (Linux); the report degrades to "n/a" elsewhere.
const CLOCK_TICKS = 100;
function machineCpu(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3] + (fields[4] ?? 0);
    const total = fields.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}
function processCpuSeconds(pid: number | undefined): number | null {
  if (!pid) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

interface CpuWindow {
  stop(): { machineBusyPercent: number | null; apiCores: number | null; generatorCores: number; seconds: number };
}
function cpuWindow(apiPid: number | undefined): CpuWindow {
  const started = performance.now();
  const machine = machineCpu();
  const api = processCpuSeconds(apiPid);
  const own = process.cpuUsage();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const machineNow = machineCpu();
      const apiNow = processCpuSeconds(apiPid);
      const ownNow = process.cpuUsage(own);
      return {
        machineBusyPercent: machine && machineNow ? (100 * (machineNow.busy - machine.busy)) / Math.max(1, machineNow.total - machine.total) : null,
        apiCores: api !== null && apiNow !== null ? (apiNow - api) / seconds : null,
        generatorCores: (ownNow.user + ownNow.system) / 1e6 / seconds,
        seconds,
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Realistic content (written for this benchmark)
// ---------------------------------------------------------------------------------------------

const DISTRICTS = [
  'Praha 1',
  'Praha 2',
  'Praha 3',
  'Praha 4',
  'Praha 5',
  'Praha 6',
  'Praha 7',
  'Praha 8',
  'Praha 9',
  'Praha 10',
  'Praha 11',
  'Praha 12',
  'Praha 13',
  'Praha 14',
  'Praha 15',
  'Praha 17',
  'Praha 20',
  'Praha 22',
  'Praha-Řeporyje',
  'Praha-Libuš',
  'Praha-Zbraslav',
  'Praha-Satalice',
];
const TARGET_GROUPS = [
  'děti a žáci s odlišným mateřským jazykem',
  'rodiče žáků-cizinců',
  'pedagogičtí pracovníci mateřských a základních škol',
  'cizinci ze třetích zemí',
  'držitelé dočasné ochrany',
  'senioři-cizinci',
  'ženy-cizinky pečující o malé děti',
  'pracovníci úřadů městských částí',
  'dospívající cizinci 15–19 let',
];
const LANGUAGES = ['ukrajinštiny', 'vietnamštiny', 'ruštiny', 'arabštiny', 'mongolštiny', 'angličtiny', 'rumunštiny'];
const PROJECTS = [
  { title: 'Komunitní tlumočníci ve školách', summary: 'Tlumočení při třídních schůzkách a konzultacích, překlady školních sdělení a průvodce školním rokem pro rodiče.' },
  {
    title: 'Čeština pro rodiče s hlídáním dětí',
    summary: 'Večerní a dopolední kurzy češtiny pro dospělé na úrovni A1–A2 s dětským koutkem, aby se mohli účastnit i rodiče malých dětí.',
  },
  {
    title: 'Adaptační skupiny pro nově příchozí žáky',
    summary: 'Malé skupiny, v nichž se nově příchozí žáci seznámí se školou, českým jazykem a spolužáky, než plně nastoupí do třídy.',
  },
  {
    title: 'Sousedské kluby a společné večery',
    summary: 'Pravidelná setkání starousedlíků a nových sousedů: společné vaření, promítání, výlety po Praze a dobrovolnické akce v ulici.',
  },
  {
    title: 'Sociálně-právní poradna pro cizince',
    summary: 'Bezplatné poradenství k pobytu, zaměstnání, bydlení a zdravotnímu pojištění, s doprovodem na úřady a do zdravotnických zařízení.',
  },
  {
    title: 'Doučování a příprava na přijímací zkoušky',
    summary: 'Individuální a skupinové doučování češtiny a matematiky pro žáky 7.–9. tříd s odlišným mateřským jazykem, zaměřené na přijímací zkoušky.',
  },
  {
    title: 'Vícejazyčné informace o službách městské části',
    summary: 'Překlad a distribuce informací o službách městské části, školách, lékařích a úřadech; informační schůzky v komunitách.',
  },
];
const SENTENCES = [
  'Projekt navazuje na zkušenosti z předchozích let, kdy se do aktivit zapojilo přes {count} osob z {district} a okolních městských částí.',
  'Hlavním cílem je usnadnit skupině „{group}“ orientaci v běžném životě ve městě a posílit jejich samostatnost při jednání se školou, úřady a zaměstnavateli.',
  'Aktivity probíhají v prostorách, které jsou dobře dostupné městskou hromadnou dopravou, a jsou přizpůsobeny pracovní době účastníků.',
  'Lektoři a tlumočníci mají zkušenost s prací s cizinci a ovládají kromě češtiny také {language}, což výrazně snižuje počáteční jazykovou bariéru.',
  'Spolupracujeme s odborem školství městské části, s ředitelstvím základních škol v {district} a s místními komunitními organizacemi.',
  'Účastníci získají praktické informace o systému vzdělávání, zdravotní péče a sociálního zabezpečení v České republice.',
  'Součástí projektu je i průběžné vyhodnocování: po každém cyklu sbíráme zpětnou vazbu účastníků a podle ní upravujeme obsah a formu setkání.',
  'Výstupy projektu budou zveřejněny na webových stránkách organizace a sdíleny s dalšími organizacemi, které se integraci cizinců věnují.',
  'Zvláštní pozornost věnujeme rodinám s malými dětmi, pro které zajišťujeme hlídání dětí po dobu kurzů a konzultací.',
  'Plánujeme oslovit nejméně {count} nových účastníků prostřednictvím škol, lékařů, pracovních agentur a sociálních sítí v jejich mateřském jazyce.',
  'Projekt je v souladu s Koncepcí hl. m. Prahy pro oblast integrace cizinců a naplňuje opatření jejího akčního plánu.',
  'Rozpočet je sestaven střídmě; osobní náklady tvoří většinu, protože jádrem projektu je přímá práce s lidmi.',
  'Organizace má pro realizaci projektu zajištěné prostory, vybavení i spolupráci dobrovolníků, kteří pomáhají s doprovodem a překlady.',
];
const FIRST_NAMES = [
  ['Jana', 'f'],
  ['Petr', 'm'],
  ['Lucie', 'f'],
  ['Tomáš', 'm'],
  ['Olena', 'f'],
  ['Nguyen Van', 'm'],
  ['Kateřina', 'f'],
  ['Martin', 'm'],
  ['Oksana', 'f'],
  ['Jiří', 'm'],
] as const;
const LAST_NAMES: Record<'f' | 'm', string[]> = {
  f: ['Nováková', 'Svobodová', 'Dvořáková', 'Kovalenková', 'Procházková', 'Černá', 'Horáková'],
  m: ['Novák', 'Svoboda', 'Dvořák', 'Kovalenko', 'Procházka', 'Černý', 'Horák'],
};
const STREETS = ['Koněvova', 'Seifertova', 'Vinohradská', 'Sokolovská', 'Bělehradská', 'Plzeňská', 'Milady Horákové', 'Kubelíkova', 'Na Pankráci', 'Jankovcova'];
const LEGAL_FORMS = ['spolek', 'spolek', 'spolek', 'ops', 'ustav'] as const;
const ORG_NAMES = [
  'Sousedé bez hranic',
  'Most mezi kulturami',
  'Nový domov',
  'Otevřená Praha',
  'Poradna Kompas',
  'Jazykový most',
  'Klub Babylon',
  'Společně',
  'Integrační dílna',
  'Dveře dokořán',
];
const BUDGET_ITEMS: [string, string][] = [
  ['PERSONAL', 'Odměny lektorů češtiny (DPP)'],
  ['PERSONAL', 'Odměny komunitních tlumočníků (DPP)'],
  ['PERSONAL', 'Koordinátor projektu (0,3 úvazku)'],
  ['PERSONAL', 'Sociální pracovník poradny (0,5 úvazku)'],
  ['SERVICES', 'Pronájem prostor pro kurzy a setkání'],
  ['SERVICES', 'Překlady informačních materiálů'],
  ['SERVICES', 'Hlídání dětí během kurzů'],
  ['SERVICES', 'Tisk letáků a plakátů v pěti jazycích'],
  ['MATERIAL', 'Učebnice a pracovní sešity'],
  ['MATERIAL', 'Výtvarný a kancelářský materiál'],
];
const OUTPUTS: [string, string][] = [
  ['počet podpořených osob', 'osoba'],
  ['počet odučených lekcí', 'lekce'],
  ['počet tlumočených konzultací', 'konzultace'],
  ['počet uspořádaných setkání', 'setkání'],
  ['počet vydaných informačních materiálů', 'kus'],
  ['počet podpořených žáků', 'žák'],
];

interface OrganisationData {
  id: string;
  name: string;
  ico: string;
  legalForm: string;
  seatStreet: string;
  seatCity: string;
  seatPostalCode: string;
}

function personName(random: () => number): { name: string; female: boolean } {
  const [first, sex] = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
  const last = LAST_NAMES[sex][Math.floor(random() * LAST_NAMES[sex].length)];
  return { name: `${first} ${last}`, female: sex === 'f' };
}

function paragraph(random: () => number, minLength: number, vars: Record<string, string>): string {
  const parts: string[] = [];
  let length = 0;
  let index = Math.floor(random() * SENTENCES.length);
  while (length < minLength) {
    const sentence = SENTENCES[index % SENTENCES.length].replace(/\{(\w+)\}/g, (_, key: string) => vars[key] ?? '');
    parts.push(sentence);
    length += sentence.length + 1;
    index += 1 + Math.floor(random() * 3);
  }
  return parts.join(' ');
}

/** A complete draft: every section filled in as checkCompleteness demands, with plausible Czech text and a 3–6 line budget. */
function completeDraft(random: () => number, seq: number, year: number, activityIds: string[]): ApplicationDraft {
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const project = PROJECTS[seq % PROJECTS.length];
  const district = pick(DISTRICTS);
  const vars = { district, group: pick(TARGET_GROUPS), language: pick(LANGUAGES), count: String(40 + Math.floor(random() * 400)) };
  const chair = personName(random);
  const second = personName(random);

  const lines = Array.from({ length: 3 + Math.floor(random() * 4) }, (_, i) => {
    const [category, description] = BUDGET_ITEMS[(seq + i * 3) % BUDGET_ITEMS.length];
    const total = (20 + Math.floor(random() * 230)) * 1000;
    const other = Math.round((total * (12 + Math.floor(random() * 19))) / 100 / 100) * 100; // 12–30 % from other sources
    return { category, description, totalCost: `${total}.00`, requested: `${total - other}.00`, otherSources: `${other}.00` };
  });

  const activityCount = 1 + Math.floor(random() * Math.min(3, activityIds.length));
  const first = Math.floor(random() * activityIds.length);
  const chosen = Array.from({ length: activityCount }, (_, i) => activityIds[(first + i) % activityIds.length]);
  const shares =
    activityCount === 1 ? ['100'] : activityCount === 2 ? (random() < 0.5 ? ['60', '40'] : ['66.67', '33.33']) : random() < 0.5 ? ['50', '30', '20'] : ['33.34', '33.33', '33.33'];

  const districts = [district, ...DISTRICTS.filter((d) => d !== district && random() < 0.12)].slice(0, 6);
  return {
    project: { title: `${project.title} – ${district} ${year}`, summary: `${project.summary} ${paragraph(random, 250, vars)}` },
    budgetAreaCode: random() < 0.9 ? 'I' : 'II',
    purpose: paragraph(random, 1200 + Math.floor(random() * 700), vars),
    justification: paragraph(random, 600 + Math.floor(random() * 400), vars),
    period: { from: `${year}-01-01`, to: `${year}-12-31` },
    place: { districts, description: `Aktivity probíhají v klubovně organizace a v základních školách v ${district}.` },
    targetGroups: [vars.group, ...TARGET_GROUPS.filter((g) => g !== vars.group && random() < 0.2)].slice(0, 4),
    outputs: Array.from({ length: 2 + Math.floor(random() * 3) }, (_, i) => {
      const [indicator, unit] = OUTPUTS[(seq + i) % OUTPUTS.length];
      return { indicator, unit, target: 10 + Math.floor(random() * 300) };
    }),
    representatives: [
      { name: chair.name, function: chair.female ? 'předsedkyně spolku' : 'předseda spolku', basis: 'statutory' },
      ...(random() < 0.4 ? [{ name: second.name, function: 'koordinátor projektu', basis: 'power_of_attorney' as const }] : []),
    ],
    beneficialOwners: [{ name: chair.name, dateOfBirth: `19${60 + Math.floor(random() * 35)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`, sharePercent: '100' }],
    holdings: random() < 0.1 ? [{ name: 'Sociální podnik Kavárna u Sousedů, s.r.o.', ico: icoFromBody(7_000_000 + seq), sharePercent: '25' }] : [],
    declarations: { noOverdueDebts: true, oneApplicationPerPurpose: true, nonProfit: true, notYetCarriedOut: true, truthful: true },
    budgetLines: lines,
    activities: chosen.map((activityId, i) => ({ activityId, sharePercent: shares[i] })),
    contact: {
      name: chair.name,
      email: `projekty${seq}@spolek-priklad.cz`,
      phone: `+420 6${String(10_000_000 + Math.floor(random() * 89_999_999)).replace(/(\d{2})(\d{3})(\d{3})/, '$1 $2 $3')}`,
    },
  };
}

/** A small but well-formed PDF (a scanned annex would be larger; the submission only reads its metadata). */
function annexPdf(title: string): Buffer {
  const text = `BT /F1 14 Tf 72 760 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

// ---------------------------------------------------------------------------------------------
// Preparation (not measured): bulk SQL
// ---------------------------------------------------------------------------------------------

type Queryable = pg.Pool | pg.PoolClient;

/** INSERT … SELECT FROM unnest(arrays): one statement per chunk instead of one per row. */
async function bulkInsert(db: Queryable, table: string, columns: [name: string, type: string][], rows: unknown[][], chunk = 1000): Promise<void> {
  const arrayType = (type: string) => (type === 'jsonb' || type.endsWith('[]') ? 'text' : type);
  const select = columns.map(([, type], i) => (arrayType(type) === type ? `c${i}` : `c${i}::${type}`)).join(', ');
  const sql = `INSERT INTO ${table} (${columns.map(([name]) => name).join(', ')})
    SELECT ${select} FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${arrayType(type)}[]`).join(', ')}) AS t(${columns.map((_, i) => `c${i}`).join(', ')})`;
  for (let start = 0; start < rows.length; start += chunk) {
    const part = rows.slice(start, start + chunk);
    await db.query(
      sql,
      columns.map((_, i) => part.map((row) => row[i])),
    );
  }
}

interface PreparedApplication {
  applicationId: string;
  number: string;
  organisation: OrganisationData;
  userId: string;
  token: string;
  draft: ApplicationDraft;
  annexes: SubmittedContent['annexes'];
}

interface PreparedCall {
  id: string;
  code: string;
  title: string;
  closesAt: Date;
  areaIds: Record<string, string>;
}

async function prepare(
  db: pg.Pool,
  storage: LocalDiskStorage,
  total: number,
  authSecret: string,
  accessTtl: number,
): Promise<{ call: PreparedCall; applications: PreparedApplication[] }> {
  const now = new Date();
  const year = now.getFullYear() + 1;
  const random = prng(20_231_124);

  // A small action plan of the bench's own: priority → area → sub-goal → measure → five activities.
  const versionId = randomUUID();
  await db.query(
    `INSERT INTO strategy_version (id, kind, title, year, period_from, period_to, source_sha256, source_name, imported_at, counts, unplaced)
     VALUES ($1, 'action-plan', 'Akční plán Koncepce integrace cizinců (benchmark)', $2, $2, $3, $4, 'bench-surge', now(), '{}', '[]')`,
    [versionId, year, year + 1, createHash('sha256').update(versionId).digest('hex')],
  );
  const node = async (parentId: string | null, level: string, code: string, name: string, position: number) => {
    const id = randomUUID();
    await db.query(
      `INSERT INTO strategy_node (id, version_id, parent_id, level, code, name, position, source_line, search_text, funded_by_grant_programme)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, lower($6), $8)`,
      [id, versionId, parentId, level, code, name, position, level === 'activity'],
    );
    return id;
  };
  const priority = await node(null, 'priority', '4', 'Vzdělávání a jazyk', 1);
  const area = await node(priority, 'area', '4.A', 'Podpora vzdělávání dětí, žáků a dospělých', 1);
  const subgoal = await node(area, 'subgoal', '10', 'Rovný přístup ke vzdělání a češtině', 1);
  const measure = await node(subgoal, 'measure', '10.I', 'Podpora škol, rodin a komunit', 1);
  const activityIds: string[] = [];
  for (const [i, name] of [
    'Komunitní tlumočení ve školách',
    'Kurzy češtiny pro děti a dospělé',
    'Adaptační skupiny',
    'Sousedská a komunitní setkávání',
    'Poradenství a doprovod na úřady',
  ].entries()) {
    activityIds.push(await node(measure, 'activity', `10.I.${i + 1}`, name, i + 1));
  }

  // The call, open now: published 40 days ago (the § 10c rule wants 30), opened yesterday, closing tomorrow.
  const call: PreparedCall = {
    id: randomUUID(),
    code: `HMP-INT-${year}`,
    title: `Dotační program hl. m. Prahy pro oblast integrace cizinců pro rok ${year}`,
    closesAt: new Date(now.getTime() + DAY),
    areaIds: { I: randomUUID(), II: randomUUID() },
  };
  const opensAt = new Date(now.getTime() - DAY);
  const publishedAt = new Date(now.getTime() - 40 * DAY);
  await db.query(
    `INSERT INTO grant_call (id, code, year, title, status, purpose, reasons, total_allocation, min_grant, max_grant, eligible_applicant_types, opens_at, closes_at,
       decision_deadline, conditions, co_financing_min_percent, cost_categories, settlement_deadline, state_aid_regime, published_at, last_application_seq, version, created_at, updated_at)
     VALUES ($1, $2, $3, $4, 'open', $5, $6, '16000000.00', '20000.00', '1500000.00', '{city_district,ngo}', $7, $8, $9, $10, '10', $11, $12, 'none', $13, $14, 3, $15, $7)`,
    [
      call.id,
      call.code,
      year,
      call.title,
      'Podpora integrace cizinců na území hl. m. Prahy v souladu s Koncepcí hl. m. Prahy pro oblast integrace cizinců.',
      'Naplňování akčního plánu Koncepce; podpora projektů nestátních neziskových organizací a městských částí.',
      opensAt,
      call.closesAt,
      new Date(call.closesAt.getTime() + 120 * DAY).toISOString().slice(0, 10),
      'Dotaci lze použít jen na uznatelné náklady projektu v období realizace; vyúčtování do 31. 1. následujícího roku.',
      JSON.stringify([
        { code: 'PERSONAL', name: 'Osobní náklady' },
        { code: 'SERVICES', name: 'Služby' },
        { code: 'MATERIAL', name: 'Materiál' },
      ]),
      `${year + 1}-01-31`,
      publishedAt,
      total,
      new Date(publishedAt.getTime() - 5 * DAY),
    ],
  );
  await db.query(
    `INSERT INTO call_budget_area (id, call_id, code, name, allocation, position) VALUES
       ($1, $3, 'I', 'Okruh I – integrační aktivity', '15000000.00', 1), ($2, $3, 'II', 'Okruh II – publikace a audiovizuální díla', '1000000.00', 2)`,
    [call.areaIds.I, call.areaIds.II, call.id],
  );
  await db.query(
    `INSERT INTO call_criterion (id, call_id, code, name, max_score, weight, min_score, position) VALUES
       ($1, $4, 'K1', 'Soulad s akčním plánem', 20, '2', NULL, 1), ($2, $4, 'K2', 'Kvalita a proveditelnost', 20, '1', 8, 2), ($3, $4, 'K3', 'Přiměřenost rozpočtu', 10, '1', NULL, 3)`,
    [randomUUID(), randomUUID(), randomUUID(), call.id],
  );
  await db.query(
    `INSERT INTO call_annex_type (id, call_id, code, name, required, required_from, allowed_formats, max_size_mb, position) VALUES
       ($1, $4, 'STATUTORY', 'Doklad o oprávnění jednat za žadatele', true, '{}', '{pdf}', 5, 1),
       ($2, $4, 'BANK', 'Doklad o bankovním účtu', true, '{ngo}', '{pdf,jpeg,png}', 5, 2),
       ($3, $4, 'OTHER', 'Další přílohy', false, '{}', '{pdf,docx}', 10, 3)`,
    [randomUUID(), randomUUID(), randomUUID(), call.id],
  );
  await bulkInsert(
    db,
    'call_activity',
    [
      ['call_id', 'uuid'],
      ['strategy_node_id', 'uuid'],
    ],
    activityIds.map((id) => [call.id, id]),
  );
  await db.query(
    `INSERT INTO call_status_change (call_id, from_status, to_status, changed_at, changed_by, reason) VALUES
       ($1, NULL, 'draft', $2, NULL, NULL), ($1, 'draft', 'published', $3, NULL, NULL), ($1, 'published', 'open', $4, NULL, NULL)`,
    [call.id, new Date(publishedAt.getTime() - 5 * DAY), publishedAt, opensAt],
  );

  // The annex files: stored once through FileStorage; every application's rows point at them (hash and size are real).
  const files = {
    STATUTORY: {
      fileName: 'stanovy-a-vypis-ze-spolkoveho-rejstriku.pdf',
      stored: await storage.put('bench/annexes/statutory.pdf', annexPdf('Stanovy spolku a vypis ze spolkoveho rejstriku')),
    },
    BANK: { fileName: 'potvrzeni-banky-o-vedeni-uctu.pdf', stored: await storage.put('bench/annexes/bank.pdf', annexPdf('Potvrzeni banky o vedeni uctu')) },
    OTHER: { fileName: 'vyrocni-zprava.pdf', stored: await storage.put('bench/annexes/other.pdf', annexPdf('Vyrocni zprava za minuly rok')) },
  };

  // Organisations, their applicant users (one precomputed argon2id hash: hashing thousands would only measure argon2), sessions and drafts.
  const passwordHash = await argon2Hash('Heslo-pro-benchmark-2023', { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  const jwt = new JwtService({ secret: authSecret, signOptions: { algorithm: 'HS256' } });
  const draftCreatedAt = new Date(now.getTime() - 10 * DAY);
  const applications: PreparedApplication[] = [];
  const orgRows: unknown[][] = [];
  const userRows: unknown[][] = [];
  const memberRows: unknown[][] = [];
  const sessionRows: unknown[][] = [];
  const applicationRows: unknown[][] = [];
  const attachmentRows: unknown[][] = [];
  for (let seq = 1; seq <= total; seq++) {
    const legalForm = LEGAL_FORMS[seq % LEGAL_FORMS.length];
    const organisation: OrganisationData = {
      id: randomUUID(),
      name: `${legalForm === 'ops' ? 'o.p.s.' : legalForm === 'ustav' ? 'Ústav' : 'Spolek'} ${ORG_NAMES[seq % ORG_NAMES.length]} ${DISTRICTS[seq % DISTRICTS.length]} (${seq})`,
      ico: icoFromBody(2_000_000 + seq * 7),
      legalForm,
      seatStreet: `${STREETS[seq % STREETS.length]} ${1 + (seq % 180)}`,
      seatCity: DISTRICTS[(seq * 3) % DISTRICTS.length].startsWith('Praha-') ? 'Praha' : DISTRICTS[(seq * 3) % DISTRICTS.length],
      seatPostalCode: `1${String(10 + (seq % 90))} 00`,
    };
    orgRows.push([
      organisation.id,
      'ngo',
      legalForm,
      organisation.name,
      organisation.ico,
      organisation.seatStreet,
      organisation.seatCity,
      organisation.seatPostalCode,
      draftCreatedAt,
      draftCreatedAt,
      1,
    ]);
    const person = personName(random);
    const userId = randomUUID();
    userRows.push([userId, `zadatel${seq}@spolek-priklad.cz`, person.name, passwordHash, '{applicant}', draftCreatedAt, draftCreatedAt]);
    memberRows.push([organisation.id, userId, 'owner', draftCreatedAt]);
    const sessionId = randomUUID();
    sessionRows.push([sessionId, userId, createHash('sha256').update(randomBytes(32)).digest('hex'), now, new Date(now.getTime() + 14 * DAY), 'Mozilla/5.0 (bench-surge)']);
    const token = await jwt.signAsync({ sub: userId, sid: sessionId }, { expiresIn: accessTtl, algorithm: 'HS256' });

    const applicationId = randomUUID();
    const number = `${call.code}-${String(seq).padStart(4, '0')}`;
    const draft = completeDraft(random, seq, year, activityIds);
    applicationRows.push([
      applicationId,
      number,
      call.id,
      organisation.id,
      'draft',
      JSON.stringify(draft),
      3 + (seq % 9),
      userId,
      draftCreatedAt,
      new Date(now.getTime() - Math.floor(random() * DAY)),
    ]);
    const annexes: SubmittedContent['annexes'] = [];
    const codes: (keyof typeof files)[] = seq % 3 === 0 ? ['STATUTORY', 'BANK', 'OTHER'] : ['STATUTORY', 'BANK'];
    for (const code of codes) {
      const file = files[code];
      const attachmentId = randomUUID();
      const uploadedAt = new Date(draftCreatedAt.getTime() + annexes.length * 60_000);
      attachmentRows.push([attachmentId, applicationId, code, file.fileName, 'application/pdf', file.stored.sizeBytes, file.stored.sha256, file.stored.key, userId, uploadedAt]);
      annexes.push({ attachmentId, annexTypeCode: code, fileName: file.fileName, mediaType: 'application/pdf', sizeBytes: file.stored.sizeBytes, sha256: file.stored.sha256 });
    }
    applications.push({ applicationId, number, organisation, userId, token, draft, annexes });
  }
  await bulkInsert(
    db,
    'organisation',
    [
      ['id', 'uuid'],
      ['type', 'text'],
      ['legal_form', 'text'],
      ['name', 'text'],
      ['ico', 'text'],
      ['seat_street', 'text'],
      ['seat_city', 'text'],
      ['seat_postal_code', 'text'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
      ['version', 'int'],
    ],
    orgRows,
  );
  await bulkInsert(
    db,
    'app_user',
    [
      ['id', 'uuid'],
      ['email', 'text'],
      ['display_name', 'text'],
      ['password_hash', 'text'],
      ['roles', 'text[]'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    userRows,
  );
  await bulkInsert(
    db,
    'organisation_member',
    [
      ['organisation_id', 'uuid'],
      ['user_id', 'uuid'],
      ['role', 'text'],
      ['created_at', 'timestamptz'],
    ],
    memberRows,
  );
  // Verified organisations: who may act for them was checked before the rush (their drafts are submitted).
  await db.query(
    `INSERT INTO organisation_verification (organisation_id, status, reason, decided_at, version) SELECT unnest($1::uuid[]), 'verified', 'bench', $2::timestamptz, 1`,
    [orgRows.map((r) => r[0]), draftCreatedAt],
  );
  await bulkInsert(
    db,
    'user_session',
    [
      ['id', 'uuid'],
      ['user_id', 'uuid'],
      ['refresh_hash', 'text'],
      ['created_at', 'timestamptz'],
      ['expires_at', 'timestamptz'],
      ['user_agent', 'text'],
    ],
    sessionRows,
  );
  await bulkInsert(
    db,
    'application',
    [
      ['id', 'uuid'],
      ['number', 'text'],
      ['call_id', 'uuid'],
      ['organisation_id', 'uuid'],
      ['status', 'text'],
      ['draft', 'jsonb'],
      ['draft_version', 'int'],
      ['created_by', 'uuid'],
      ['created_at', 'timestamptz'],
      ['updated_at', 'timestamptz'],
    ],
    applicationRows,
    500,
  );
  await bulkInsert(
    db,
    'application_attachment',
    [
      ['id', 'uuid'],
      ['application_id', 'uuid'],
      ['annex_type_code', 'text'],
      ['file_name', 'text'],
      ['media_type', 'text'],
      ['size_bytes', 'bigint'],
      ['sha256', 'text'],
      ['storage_key', 'text'],
      ['uploaded_by', 'uuid'],
      ['uploaded_at', 'timestamptz'],
    ],
    attachmentRows,
  );
  // Statistics and a clean checkpoint, so the measurement starts from a steady state rather than from a bulk load.
  await db.query('ANALYZE');
  await db.query('CHECKPOINT').catch(() => undefined);
  return { call, applications };
}

// ---------------------------------------------------------------------------------------------
// The API under test
// ---------------------------------------------------------------------------------------------

interface RunningApi {
  baseUrl: string;
  pid: number | undefined;
  description: string;
  stop(): Promise<void>;
}

function startChild(script: string, env: Record<string, string>, name: string): ChildProcess {
  // BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(distRoot, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping.has(child)) say(`[${name}] skončil / exited unexpectedly (${signal ?? code})`);
  });
  return child;
}
const stopping = new Set<ChildProcess>();

function stopChild(child: ChildProcess): Promise<void> {
  stopping.add(child);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url: string, timeoutMs: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline && alive()) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `${response.status} ${await response.text()}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the API did not become healthy at ${url}: ${last}`);
}

async function startApi(options: Options, env: Record<string, string>): Promise<RunningApi> {
  const port = await freePort();
  if (options.inProcess) {
    Object.assign(process.env, env, { PORT: String(port) });
    const { createApiApp } = await import('../apps/api/src/bootstrap.js');
    const app = await createApiApp(loadConfig());
    await app.listen(port, '127.0.0.1');
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(`${baseUrl}/api/v1/health`, 60_000, () => true);
    return { baseUrl, pid: undefined, description: "ve stejném procesu jako generátor zátěže / in the load generator's process (--in-process)", stop: () => app.close() };
  }
  const child = startChild('apps/api/src/main.js', { ...env, PORT: String(port) }, 'api');
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(`${baseUrl}/api/v1/health`, 60_000, () => child.exitCode === null);
  return {
    baseUrl,
    pid: child.pid,
    description: `samostatný proces (node dist/apps/api/src/main.js, pid ${child.pid}) / separate child process; generator in this process`,
    stop: () => stopChild(child),
  };
}

// ---------------------------------------------------------------------------------------------
// Measurement over HTTP
// ---------------------------------------------------------------------------------------------

interface Receipt {
  applicationId: string;
  receiptNumber: string;
  versionNo: number;
}

interface HttpRun {
  latencies: number[];
  seconds: number;
  ok: number;
  receipts: Receipt[];
  errors: number;
  statuses: Map<string, number>;
  errorSamples: string[];
  replayed: number;
}

async function submitOverHttp(baseUrl: string, items: PreparedApplication[], concurrency: number): Promise<HttpRun> {
  const run: HttpRun = { latencies: [], seconds: 0, ok: 0, receipts: [], errors: 0, statuses: new Map(), errorSamples: [], replayed: 0 };
  const count = (key: string) => run.statuses.set(key, (run.statuses.get(key) ?? 0) + 1);
  const started = performance.now();
  await inParallel(items, concurrency, async (item) => {
    const t0 = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/v1/applications/${item.applicationId}/submit`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${item.token}`,
          'idempotency-key': `surge-${randomUUID()}`,
          'accept-language': 'cs',
          'content-type': 'application/json',
          'user-agent': 'Mozilla/5.0 (bench-surge)',
        },
        body: '{}',
      });
      const text = await response.text();
      run.latencies.push(performance.now() - t0);
      count(String(response.status));
      if (response.status >= 200 && response.status < 300) {
        run.ok++;
        if (response.headers.get('idempotent-replayed')) run.replayed++;
        const receipt = JSON.parse(text) as { applicationId: string; receiptNumber: string; versionNo: number };
        run.receipts.push({ applicationId: receipt.applicationId, receiptNumber: receipt.receiptNumber, versionNo: receipt.versionNo });
      } else {
        run.errors++;
        if (run.errorSamples.length < 5) run.errorSamples.push(`${response.status} ${text.slice(0, 400)}`);
      }
    } catch (error) {
      run.latencies.push(performance.now() - t0);
      run.errors++;
      count('network');
      if (run.errorSamples.length < 5)
        run.errorSamples.push(`network: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)}`);
    }
  });
  run.seconds = (performance.now() - started) / 1000;
  run.latencies.sort((a, b) => a - b);
  return run;
}

/** Every 2xx must have left a version with that receipt number that is now the current one, and its outbox event (which renders the PDF receipt). */
async function countLost(db: pg.Pool, receipts: Receipt[], versionKind: 'submission'): Promise<{ lost: number; samples: string[] }> {
  if (receipts.length === 0) return { lost: 0, samples: [] };
  const rows = (
    await db.query(
      `SELECT r.application_id, r.receipt_number,
            v.id IS NULL AS no_version, a.current_version_no IS DISTINCT FROM r.version_no AS not_current, a.status IS DISTINCT FROM 'submitted' AS wrong_status,
            NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.type = 'application.submitted' AND o.aggregate_id = r.application_id::text AND o.payload->>'versionNo' = r.version_no::text) AS no_outbox
       FROM unnest($1::uuid[], $2::text[], $3::int[]) AS r(application_id, receipt_number, version_no)
       LEFT JOIN application_version v ON v.application_id = r.application_id AND v.receipt_number = r.receipt_number AND v.version_no = r.version_no AND v.kind = $4
       LEFT JOIN application a ON a.id = r.application_id
      WHERE v.id IS NULL OR a.current_version_no IS DISTINCT FROM r.version_no OR a.status IS DISTINCT FROM 'submitted'
         OR NOT EXISTS (SELECT 1 FROM outbox_event o WHERE o.type = 'application.submitted' AND o.aggregate_id = r.application_id::text AND o.payload->>'versionNo' = r.version_no::text)`,
      [receipts.map((r) => r.applicationId), receipts.map((r) => r.receiptNumber), receipts.map((r) => r.versionNo), versionKind],
    )
  ).rows as { application_id: string; receipt_number: string; no_version: boolean; not_current: boolean; wrong_status: boolean; no_outbox: boolean }[];
  const duplicates = receipts.length - new Set(receipts.map((r) => r.receiptNumber)).size;
  const samples = rows
    .slice(0, 5)
    .map(
      (r) =>
        `${r.receipt_number}: ${[r.no_version && 'no version', r.not_current && 'not current', r.wrong_status && 'status', r.no_outbox && 'no outbox event'].filter(Boolean).join(', ')}`,
    );
  if (duplicates > 0) samples.push(`${duplicates} duplicate receipt number(s) among 2xx answers`);
  return { lost: rows.length + duplicates, samples };
}

// ---------------------------------------------------------------------------------------------
// Raw capacity: the same writes with plain pg
// ---------------------------------------------------------------------------------------------

const AUDIT_CHAIN_LOCK = 4_2023_0001; // the audit writer's lock key (libs/audit/src/audit-log.writer.ts)
const AUDIT_COLUMNS = ['seq', 'occurred_at', 'actor_user_id', 'actor_roles', 'action', 'object_type', 'object_id', 'before', 'after', 'correlation_id', 'prev_hash', 'hash'];

interface RawRun {
  latencies: number[];
  seconds: number;
  ok: number;
  errors: number;
  errorSamples: string[];
  receipts: Receipt[];
}

/**
 * One transaction per submission with what SubmissionService writes: the application row lock, the
 * version with its frozen content and hash, budget lines and activities replaced, the application
 * updated, the status history row, the outbox event with its NOTIFY, and two audit entries appended
 * under the audit writer's chain lock (lock, read the head, insert) — committed synchronously.
 * Not included: the reads the service makes to check the draft (call rules, organisation, annexes);
 * their results are taken from memory here.
 */
async function submitRaw(pool: pg.Pool, call: PreparedCall, items: PreparedApplication[], concurrency: number): Promise<RawRun> {
  const run: RawRun = { latencies: [], seconds: 0, ok: 0, errors: 0, errorSamples: [], receipts: [] };
  const started = performance.now();
  await inParallel(items, concurrency, async (item) => {
    const t0 = performance.now();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const locked = (await client.query('SELECT number, status, draft, current_version_no, first_submitted_at FROM application WHERE id = $1 FOR UPDATE', [item.applicationId]))
        .rows[0] as { number: string; status: string; draft: ApplicationDraft; current_version_no: number; first_submitted_at: Date | null };
      const now = new Date();
      const draft = locked.draft;
      const budget = budgetSummary(draft.budgetLines);
      const org = item.organisation;
      const content: SubmittedContent = {
        draft,
        organisation: { id: org.id, name: org.name, ico: org.ico, type: 'ngo', seat: `${org.seatStreet}, ${org.seatPostalCode} ${org.seatCity}` },
        call: { id: call.id, code: call.code, title: call.title },
        budget,
        annexes: item.annexes,
      };
      const versionNo = locked.current_version_no + 1;
      const receiptNumber = `${locked.number}/${versionNo}`;
      const contentSha256 = createHash('sha256').update(canonicalJson(content)).digest('hex');
      // The same statements the service sends: version, budget lines and activity shares in one (a draft has no old rows to delete).
      const lines = draft.budgetLines ?? [];
      const activities = draft.activities ?? [];
      await client.query(
        `WITH version AS (
           INSERT INTO application_version (id, application_id, version_no, kind, receipt_number, content, content_sha256, submitted_at, submitted_by, idempotency_key, receipt_storage_key)
           VALUES ($1, $2, $3, 'submission', $4, $5, $6, $7, $8, $9, NULL)
         ), budget_lines AS (
           INSERT INTO application_budget_line (id, application_id, version_no, position, category_code, description, total_cost, requested, other_sources)
           SELECT line.id, $2, $3, line.position, line.category_code, line.description, line.total_cost, line.requested, line.other_sources
             FROM unnest($10::uuid[], $11::int[], $12::text[], $13::text[], $14::numeric[], $15::numeric[], $16::numeric[])
               AS line (id, position, category_code, description, total_cost, requested, other_sources)
         )
         INSERT INTO application_activity (application_id, strategy_node_id, share_basis_points)
         SELECT $2, share.strategy_node_id, share.basis_points FROM unnest($17::uuid[], $18::int[]) AS share (strategy_node_id, basis_points)`,
        [
          randomUUID(),
          item.applicationId,
          versionNo,
          receiptNumber,
          JSON.stringify(content),
          contentSha256,
          now,
          item.userId,
          `surge-${randomUUID()}`,
          lines.map(() => randomUUID()),
          lines.map((_, i) => i),
          lines.map((l) => l.category),
          lines.map((l) => l.description),
          lines.map((l) => l.totalCost),
          lines.map((l) => l.requested),
          lines.map((l) => l.otherSources),
          activities.map((a) => a.activityId),
          activities.map((a) => percentToBasisPoints(a.sharePercent!)),
        ],
      );
      const extra = {
        currentVersionNo: versionNo,
        title: draft.project!.title!.trim(),
        budgetAreaId: call.areaIds[draft.budgetAreaCode!],
        requestedAmount: budget.requested,
        totalCost: budget.totalCost,
        firstSubmittedAt: (locked.first_submitted_at ?? now).toISOString(),
        lastSubmittedAt: now.toISOString(),
      };
      await client.query(
        `WITH changed AS (
           UPDATE application SET current_version_no = $5, title = $6, budget_area_id = $7, requested_amount = $8, total_cost = $9, first_submitted_at = $10, last_submitted_at = $3,
                  status = 'submitted', updated_at = $3 WHERE id = $1
         )
         INSERT INTO application_status_change (application_id, from_status, to_status, changed_at, changed_by, reason) VALUES ($1, $2, 'submitted', $3, $4, NULL)`,
        [item.applicationId, locked.status, now, item.userId, versionNo, extra.title, extra.budgetAreaId, extra.requestedAmount, extra.totalCost, locked.first_submitted_at ?? now],
      );
      const correlationId = randomUUID();
      await client.query(
        `WITH added AS (
           INSERT INTO outbox_event (id, type, aggregate_type, aggregate_id, payload, created_at, available_at, relayed_at, actor_user_id, correlation_id)
           VALUES ($1, 'application.submitted', 'application', $2, $3, $4, $4, NULL, $5, $6)
         )
         SELECT pg_notify('outbox_event_added', '')`,
        [randomUUID(), item.applicationId, JSON.stringify({ versionNo }), now, item.userId, correlationId],
      );

      // The audit chain, exactly as the writer appends it.
      const [last] = (await client.query('SELECT seq, hash FROM audit_chain_lock_head($1)', [AUDIT_CHAIN_LOCK])).rows as { seq: string; hash: string }[];
      let seq = BigInt(last?.seq ?? '0');
      let prevHash = last?.hash ?? GENESIS_HASH;
      const records = [
        { action: 'application.submit', before: { status: locked.status }, after: { status: 'submitted', reason: null, ...extra } },
        { action: 'application.version_submitted', before: undefined, after: { versionNo, receiptNumber, contentSha256 } },
      ];
      const values: unknown[] = [];
      const rows: string[] = [];
      for (const record of records) {
        seq += 1n;
        const fields = {
          seq: seq.toString(),
          occurredAt: now,
          actorUserId: item.userId,
          actorRoles: ['applicant'],
          action: record.action,
          objectType: 'application',
          objectId: item.applicationId,
          before: toStoredJson(record.before),
          after: toStoredJson(record.after),
          correlationId,
          prevHash,
        };
        const hash = entryHash(fields);
        rows.push(`(${AUDIT_COLUMNS.map((_, i) => `$${values.length + i + 1}`).join(',')})`);
        values.push(
          fields.seq,
          now,
          item.userId,
          fields.actorRoles,
          fields.action,
          fields.objectType,
          fields.objectId,
          JSON.stringify(fields.before),
          JSON.stringify(fields.after),
          correlationId,
          prevHash,
          hash,
        );
        prevHash = hash;
      }
      await client.query(`INSERT INTO audit_log (${AUDIT_COLUMNS.join(',')}) VALUES ${rows.join(',')}`, values);
      await client.query('COMMIT');
      run.ok++;
      run.receipts.push({ applicationId: item.applicationId, receiptNumber, versionNo });
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      run.errors++;
      if (run.errorSamples.length < 5) run.errorSamples.push(error instanceof Error ? error.message : String(error));
    } finally {
      client.release();
      run.latencies.push(performance.now() - t0);
    }
  });
  run.seconds = (performance.now() - started) / 1000;
  run.latencies.sort((a, b) => a - b);
  return run;
}

/** An audit_log row as the chain check reads it (seq as text: it is a bigint). */
interface AuditChainRow {
  seq: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_roles: string[];
  action: string;
  object_type: string;
  object_id: string;
  before: unknown;
  after: unknown;
  correlation_id: string;
  prev_hash: string;
  hash: string;
}

/** Recomputes the whole audit chain (the API's entries and the raw ones must form one valid chain). */
async function verifyAuditChain(db: pg.Pool): Promise<{ valid: boolean; entries: number; problem: string | null }> {
  let expected = 1n;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const { rows } = await db.query<AuditChainRow>(
      `SELECT seq::text, occurred_at, actor_user_id, actor_roles, action, object_type, object_id, before, after, correlation_id, prev_hash, hash
         FROM audit_log WHERE audit_log.seq >= $1 ORDER BY audit_log.seq LIMIT 5000`,
      [expected.toString()],
    );
    if (rows.length === 0) return { valid: true, entries: Number(expected - 1n), problem: null };
    for (const r of rows) {
      if (BigInt(r.seq) !== expected) return { valid: false, entries: Number(expected - 1n), problem: `sequence gap at ${expected}` };
      if (r.prev_hash !== prevHash) return { valid: false, entries: Number(expected - 1n), problem: `prev_hash mismatch at ${r.seq}` };
      const recomputed = entryHash({
        seq: r.seq,
        occurredAt: r.occurred_at,
        actorUserId: r.actor_user_id,
        actorRoles: r.actor_roles,
        action: r.action,
        objectType: r.object_type,
        objectId: r.object_id,
        before: r.before,
        after: r.after,
        correlationId: r.correlation_id,
        prevHash: r.prev_hash,
      });
      if (recomputed !== r.hash) return { valid: false, entries: Number(expected - 1n), problem: `hash mismatch at ${r.seq}` };
      prevHash = r.hash;
      expected += 1n;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = performance.now();

  // The database: a dedicated one on the configured server, the local one, or the embedded one.
  const { database, config: base } = await provisionBenchDatabase(BENCH_DATABASE, (line) => say(`  ${line}`));
  const queue = await resolveQueueBackend({ backend: base.queue.backend, redisUrl: base.queue.redisUrl, databaseUrl: database.url, prefix: 'grants-bench' });

  // Everything the API reads, set before its config is loaded (here or in the child).
  const authSecret = randomBytes(36).toString('base64url');
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    AUTH_SECRET: authSecret,
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: String(options.pool),
    QUEUE_BACKEND: queue.kind,
    QUEUE_PREFIX: 'grants-bench',
    LOG_LEVEL: 'error',
    LIFECYCLE_TICK_MS: '0',
    STORAGE_DIR: '.data/bench-files',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  if (queue.kind === 'redis') env.REDIS_URL = queue.redisUrl;
  Object.assign(process.env, env);
  const config = loadConfig();

  say('Benchmark „uzávěrka“ / deadline surge');
  say(`  N = ${options.n} žádostí, souběžnost / concurrency ${options.concurrency}, zahřátí / warm-up ${options.warmup}, API DATABASE_POOL_SIZE ${config.database.poolSize}`);
  say(`  ${cpus().length} jádra / cores, Node ${process.version}; PostgreSQL ${database.source}, databáze "${BENCH_DATABASE}" (znovu vytvořena / recreated)`);
  say(`  ${describeQueueBackend(queue)} (prefix grants-bench)`);

  await freshSchema(database.url);
  await prepareQueueBackend(queue);

  const db = new pg.Pool({ connectionString: database.url, max: 4, options: '-c timezone=Europe/Prague', application_name: 'grants-bench' });
  const pgVersion = ((await db.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
  const storage = new LocalDiskStorage(path.resolve(process.cwd(), config.storage.dir));
  let api: RunningApi | null = null;
  let worker: ChildProcess | null = null;
  try {
    // --- Preparation (not measured) ---
    const total = options.warmup + 2 * options.n;
    const prepStarted = performance.now();
    const { call, applications } = await prepare(db, storage, total, authSecret, config.auth.accessTokenTtlSeconds);
    const warmupSet = applications.slice(0, options.warmup);
    const httpSet = applications.slice(options.warmup, options.warmup + options.n);
    const rawSet = applications.slice(options.warmup + options.n);
    const draftBytes = httpSet.reduce((sum, a) => sum + Buffer.byteLength(JSON.stringify(a.draft)), 0) / Math.max(1, httpSet.length);
    say(
      `  Příprava / preparation: ${total} organizací, uživatelů, relací a úplných konceptů (průměrně ${fixed(draftBytes / 1024, 1)} kB JSON, 2–3 přílohy PDF) za ${fixed((performance.now() - prepStarted) / 1000, 1)} s`,
    );
    say(`  Výzva ${call.code}: příjem otevřen, uzávěrka / deadline ${call.closesAt.toISOString()}; PostgreSQL ${pgVersion}`);

    api = await startApi(options, env);
    if (options.worker) {
      worker = startChild('apps/worker/src/main.js', env, 'worker');
    }
    say(
      `  API: ${api.description}${options.worker ? '; worker běží / worker running (PDF potvrzení během špičky)' : '; worker neběží / worker not running (PDF receipts are rendered after the surge)'}`,
    );

    // --- Warm-up (not counted): a running server has warm JIT, pools and caches when the deadline comes. ---
    if (warmupSet.length > 0) {
      const warm = await submitOverHttp(api.baseUrl, warmupSet, options.concurrency);
      say(`  Zahřátí / warm-up: ${warm.ok}/${warmupSet.length} podáno, ${warm.errors} chyb`);
      if (warm.errors > 0) for (const sample of warm.errorSamples) say(`    ${sample}`);
    }

    // --- The surge over HTTP ---
    const cpuHttp = cpuWindow(api.pid);
    const http = await submitOverHttp(api.baseUrl, httpSet, options.concurrency);
    const httpCpu = cpuHttp.stop();
    const lostHttp = await countLost(db, http.receipts, 'submission');
    const httpRate = http.ok / http.seconds;
    await api.stop();
    api = null;
    if (worker) {
      await stopChild(worker);
      worker = null;
    }

    // --- Raw capacity of the database for the same writes ---
    const rawPool = new pg.Pool({ connectionString: database.url, max: config.database.poolSize, options: '-c timezone=Europe/Prague', application_name: 'grants-bench-raw' });
    let raw: RawRun;
    let rawCpu: ReturnType<CpuWindow['stop']>;
    try {
      await Promise.all(Array.from({ length: config.database.poolSize }, async () => (await rawPool.connect()).release()));
      const cpuRaw = cpuWindow(undefined);
      raw = await submitRaw(rawPool, call, rawSet, options.concurrency);
      rawCpu = cpuRaw.stop();
    } finally {
      await rawPool.end();
    }
    const lostRaw = await countLost(db, raw.receipts, 'submission');
    const rawRate = raw.ok / raw.seconds;
    const chain = await verifyAuditChain(db);
    const ratio = httpRate / rawRate;

    // --- Report ---
    const p50 = percentile(http.latencies, 0.5);
    const p95 = percentile(http.latencies, 0.95);
    const p99 = percentile(http.latencies, 0.99);
    const mark = (ok: boolean) => (ok ? 'SPLNĚNO / met' : 'NESPLNĚNO / missed');
    say();
    say('Výsledek / result — podání přes HTTP (POST /applications/:id/submit)');
    say(`  Podání / submissions:                 ${http.ok} z ${httpSet.length} za ${fixed(http.seconds, 2)} s`);
    say(`  Podání/s (submissions/s):             ${fixed(httpRate, 1)}`);
    say(`  Latence p50 / p95 / p99 (ms):         ${fixed(p50, 1)} / ${fixed(p95, 1)} / ${fixed(p99, 1)}   (max ${fixed(http.latencies[http.latencies.length - 1] ?? NaN, 1)})`);
    say(`  Chyby / errors:                       ${http.errors}   (stavy / statuses: ${[...http.statuses].map(([k, v]) => `${k}×${v}`).join(', ')})`);
    for (const sample of http.errorSamples) say(`    ${sample}`);
    say(`  Ztracená podání / lost submissions:   ${lostHttp.lost}   (2xx bez verze, potvrzení nebo události outboxu / 2xx without a stored version, receipt or outbox event)`);
    for (const sample of lostHttp.samples) say(`    ${sample}`);
    say(
      `  CPU během špičky / CPU during the surge: stroj / machine ${httpCpu.machineBusyPercent === null ? 'n/a' : `${fixed(httpCpu.machineBusyPercent, 0)} %`} z ${cpus().length} jader; API ${httpCpu.apiCores === null ? 'n/a' : `${fixed(httpCpu.apiCores, 2)} jádra`}, generátor ${fixed(httpCpu.generatorCores, 2)} jádra, zbytek hlavně PostgreSQL`,
    );
    say();
    say('Surová kapacita databáze / raw database capacity — stejné zápisy přes pg, bez HTTP a ORM (pool ' + config.database.poolSize + ')');
    say('  (zámek řádku, verze s obsahem a hashem, rozpočet, aktivity, žádost, historie stavu, outbox + NOTIFY, 2 auditní záznamy pod zámkem řetězu;');
    say('   bez čtení pravidel výzvy, organizace a příloh / row lock and every write of the service incl. the audit chain lock, without its reads)');
    say(`  Podání / submissions:                 ${raw.ok} z ${rawSet.length} za ${fixed(raw.seconds, 2)} s`);
    say(`  Podání/s (submissions/s):             ${fixed(rawRate, 1)}`);
    say(
      `  Latence p50 / p95 / p99 (ms):         ${fixed(percentile(raw.latencies, 0.5), 1)} / ${fixed(percentile(raw.latencies, 0.95), 1)} / ${fixed(percentile(raw.latencies, 0.99), 1)}`,
    );
    say(
      `  Chyby / errors:                       ${raw.errors}; ztracená / lost ${lostRaw.lost}; CPU stroje / machine ${rawCpu.machineBusyPercent === null ? 'n/a' : `${fixed(rawCpu.machineBusyPercent, 0)} %`}`,
    );
    for (const sample of [...raw.errorSamples, ...lostRaw.samples]) say(`    ${sample}`);
    say(`  Poměr HTTP/surová / raw ratio:        ${fixed(ratio, 2)}   (1,00 = HTTP, Nest a ORM nestojí nic / cost nothing)`);
    say(`  Auditní řetěz / audit chain:          ${chain.valid ? 'platný / valid' : `PORUŠEN / BROKEN (${chain.problem})`}, ${chain.entries} záznamů`);
    say();
    say('Cíle / targets');
    say(`  ≥ 200 podání/s:      ${mark(httpRate >= 200)}  (${fixed(httpRate, 1)})`);
    say(`  p99 < 1 s:           ${mark(p99 < 1000)}  (${fixed(p99, 0)} ms)`);
    say(`  0 chyb / errors:     ${mark(http.errors === 0)}  (${http.errors})`);
    say(`  0 ztracených / lost: ${mark(lostHttp.lost === 0)}  (${lostHttp.lost})`);
    say(
      `  Databáze "${BENCH_DATABASE}" ponechána pro kontrolu / left in place for inspection (smaže ji příští běh / the next run recreates it). Celkem ${fixed((performance.now() - startedAt) / 1000, 1)} s.`,
    );
    say(`RESULT bench=surge submissions_per_s=${fixed(httpRate, 1)} p99_ms=${fixed(p99, 0)} errors=${http.errors} lost=${lostHttp.lost} raw_ratio=${fixed(ratio, 2)}`);
  } finally {
    if (worker) await stopChild(worker);
    if (api) await api.stop();
    await db.end();
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench-surge failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
