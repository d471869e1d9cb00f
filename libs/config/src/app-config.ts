import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : value === true || value === 1 || (typeof value === 'string' && ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()));
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the system reads, typed and validated. Nothing outside libs/config
 * touches process.env. config/.env.example documents each key.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'test', 'production'])
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  PUBLIC_URL?: string;

  /** Unset: use a PostgreSQL on localhost if one answers, else start the embedded one. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsString()
  EMBEDDED_PG_DIR = '.data/postgres';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  /** Unset: use Redis on localhost if it answers, else the PostgreSQL queue backend. */
  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  /** Key prefix of every queue, so several installations (or a test run) can share one Redis. */
  @Matches(/^[a-z0-9-]{1,40}$/, { message: 'must be 1-40 lower-case letters, digits or dashes' })
  QUEUE_PREFIX = 'grants';

  @IsIn(['auto', 'redis', 'postgres'])
  QUEUE_BACKEND: 'auto' | 'redis' | 'postgres' = 'auto';

  @Transform(emptyToUndefined)
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  AUTH_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** A just-rotated refresh token is accepted again for this long (several tabs refreshing at once) and gives the same new pair. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(300)
  REFRESH_REUSE_WINDOW_SECONDS = 30;

  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  PASSWORD_RESET_TTL_MINUTES = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_ATTEMPTS_PER_MINUTE = 5;

  /**
   * Which proxies' X-Forwarded-For the API believes (Express "trust proxy"): "none", "all", a number
   * of hops, or a comma-separated list of addresses, subnets (CIDR) or the names loopback,
   * linklocal, uniquelocal.
   */
  @Matches(/^(none|all|\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?))*)$/, {
    message: 'must be none, all, a number of hops, or a comma-separated list of addresses, subnets or loopback/linklocal/uniquelocal',
  })
  TRUST_PROXY = 'loopback';

  @Transform(emptyToUndefined)
  @IsOptional()
  @Matches(/^smtps?:\/\//, { message: 'must be an smtp:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Dotace HMP <dotace@praha.eu>';

  /** Where `npm start` keeps the e-mails of its local SMTP sink (used when SMTP_URL is unset). */
  @IsString()
  MAIL_SINK_DIR = '.data/mail';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_MAX_CONNECTIONS = 5;

  /** Messages per second handed to the SMTP server at most (the provider's limit). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10000)
  MAIL_RATE_PER_SECOND = 200;

  /** Mails sent at once by one worker. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  MAIL_CONCURRENCY = 16;

  /** Attempts per message before it goes to the dead-letter list. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_ATTEMPTS = 8;

  /** Delay before the first retry; each further retry waits twice as long. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(3600000)
  MAIL_BACKOFF_MS = 30000;

  /** Longest an SMTP conversation may take; a claim older than this is certainly over (sent or not). */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600000)
  MAIL_SEND_TIMEOUT_MS = 60000;

  /** How long a worker holds a job without renewing its lock; after it, a dead worker's job is taken over. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  @Max(600000)
  QUEUE_LOCK_MS = 30000;

  /**
   * Seconds after which an outbox event relayed but not processed, or an e-mail still pending, is taken
   * as lost by the queue (Redis restarted empty) and queued again; the admin queue view counts them as stuck.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  RECONCILE_AFTER_SECONDS = 120;

  /** Hour of the day (Prague time) at which daily digests go out. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(23)
  NOTIFY_DIGEST_HOUR = 7;

  /** How far (percent) eligible costs of one budget line may exceed what it planned before an amendment is needed. */
  @Matches(/^\d{1,2}(\.\d{1,2})?$/, { message: 'must be a percentage like 10 or 12.5' })
  SETTLEMENT_SHIFT_TOLERANCE_PERCENT = '10';

  /** The city's account that pays the grants and receives returns (debtor of pain.001, creditor of QR Platba). */
  @Matches(/^(\d{1,6}-)?\d{2,10}\/\d{4}$/, { message: 'must be a Czech account like 27-5157998/6000' })
  BANK_ACCOUNT = '27-5157998/6000';

  /** The BIC of the city's bank (the debtor agent of pain.001). */
  @Matches(/^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/, { message: 'must be a BIC like PMBPCZPP' })
  BANK_BIC = 'PMBPCZPP';

  /** The ISO 20022 version of the payment-order file: pain.001.001.03 (the Czech banks' long-standing format) or pain.001.001.09. */
  @IsIn(['pain.001.001.03', 'pain.001.001.09'])
  BANK_PAIN_VERSION: 'pain.001.001.03' | 'pain.001.001.09' = 'pain.001.001.03';

  /** Reminder offsets in days before each deadline: kind=days,days;kind=days. */
  @Matches(/^([a-z_]+=\d+(,\d+)*)(;[a-z_]+=\d+(,\d+)*)*$/, { message: 'must look like call_closing_soon=7,1;draft_reminder=3' })
  NOTIFY_REMINDERS = 'call_closing_soon=7,1;draft_reminder=3;remedy_deadline_reminder=2;register_publication_due=11,1';

  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  DEMO_DATA?: boolean;

  /** A clock admins may move (rehearsing a round); default on outside production, refused in production. */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  CLOCK_MOVABLE?: boolean;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  OUTBOX_POLL_MS = 1000;

  /** The built web portal (static files) that the API serves at `/`; relative to the working directory. */
  @IsString()
  WEB_ROOT = 'apps/web/dist';

  /** Where uploaded files and generated documents are kept (local disk driver). */
  @IsString()
  STORAGE_DIR = '.data/files';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  MAX_UPLOAD_MB = 20;

  /** 0 turns the ticker off (tests share one database and move their own clocks). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600000)
  LIFECYCLE_TICK_MS = 30000;
}

export interface AppConfig {
  env: 'development' | 'test' | 'production';
  port: number;
  publicUrl: string;
  database: { url: string | undefined; poolSize: number; embeddedDir: string; embeddedPort: number };
  queue: { backend: 'auto' | 'redis' | 'postgres'; redisUrl: string | undefined; prefix: string };
  auth: {
    secret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    refreshReuseWindowSeconds: number;
    passwordResetTtlMinutes: number;
    loginAttemptsPerMinute: number;
    trustProxy: boolean | number | string[];
  };
  mail: {
    smtpUrl: string | undefined;
    from: string;
    sinkDir: string;
    maxConnections: number;
    ratePerSecond: number;
    concurrency: number;
    attempts: number;
    backoffMs: number;
    sendTimeoutMs: number;
  };
  queueLockMs: number;
  reconcileAfterMs: number;
  notifications: { digestHour: number; reminderOffsetsDays: Record<string, number[]> };
  awards: { shiftTolerancePercent: string };
  bank: { account: string; bic: string; accountName: string; painVersion: 'pain.001.001.03' | 'pain.001.001.09' };
  demoData: boolean;
  /** Whether the API and the worker read the movable clock (an offset kept in the database). Never in production. */
  clockMovable: boolean;
  logLevel: EnvironmentVariables['LOG_LEVEL'];
  outboxPollMs: number;
  storage: { dir: string; maxUploadBytes: number };
  lifecycleTickMs: number;
  webRoot: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A fixed secret for development and tests only; production refuses to start without AUTH_SECRET. */
const DEVELOPMENT_SECRET = 'development-only-secret-do-not-use-in-production-0123456789';

export function loadConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const vars = plainToInstance(EnvironmentVariables, { ...source });
  const problems = validateSync(vars, { whitelist: false }).map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')} (got ${JSON.stringify(source[error.property])})`,
  );
  if (vars.NODE_ENV === 'production' && !vars.AUTH_SECRET) problems.push('AUTH_SECRET: is required in production');
  if (vars.NODE_ENV === 'production' && vars.CLOCK_MOVABLE) problems.push('CLOCK_MOVABLE: a movable clock is refused in production');
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    env: vars.NODE_ENV,
    port: vars.PORT,
    publicUrl: vars.PUBLIC_URL ?? `http://localhost:${vars.PORT}`,
    database: {
      url: vars.DATABASE_URL,
      poolSize: vars.DATABASE_POOL_SIZE,
      embeddedDir: vars.EMBEDDED_PG_DIR,
      embeddedPort: vars.EMBEDDED_PG_PORT,
    },
    queue: { backend: vars.QUEUE_BACKEND, redisUrl: vars.REDIS_URL, prefix: vars.QUEUE_PREFIX },
    auth: {
      secret: vars.AUTH_SECRET ?? DEVELOPMENT_SECRET,
      accessTokenTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: vars.REFRESH_TOKEN_TTL_DAYS,
      refreshReuseWindowSeconds: vars.REFRESH_REUSE_WINDOW_SECONDS,
      passwordResetTtlMinutes: vars.PASSWORD_RESET_TTL_MINUTES,
      loginAttemptsPerMinute: vars.LOGIN_ATTEMPTS_PER_MINUTE,
      trustProxy: parseTrustProxy(vars.TRUST_PROXY),
    },
    mail: {
      smtpUrl: vars.SMTP_URL,
      from: vars.MAIL_FROM,
      sinkDir: vars.MAIL_SINK_DIR,
      maxConnections: vars.MAIL_MAX_CONNECTIONS,
      ratePerSecond: vars.MAIL_RATE_PER_SECOND,
      concurrency: vars.MAIL_CONCURRENCY,
      attempts: vars.MAIL_ATTEMPTS,
      backoffMs: vars.MAIL_BACKOFF_MS,
      sendTimeoutMs: vars.MAIL_SEND_TIMEOUT_MS,
    },
    queueLockMs: vars.QUEUE_LOCK_MS,
    reconcileAfterMs: vars.RECONCILE_AFTER_SECONDS * 1000,
    awards: { shiftTolerancePercent: vars.SETTLEMENT_SHIFT_TOLERANCE_PERCENT },
    bank: { account: vars.BANK_ACCOUNT, bic: vars.BANK_BIC, accountName: 'Hlavní město Praha', painVersion: vars.BANK_PAIN_VERSION },
    notifications: {
      digestHour: vars.NOTIFY_DIGEST_HOUR,
      reminderOffsetsDays: Object.fromEntries(
        vars.NOTIFY_REMINDERS.split(';').map((entry) => {
          const [kind, days] = entry.split('=');
          return [kind, days.split(',').map(Number)];
        }),
      ),
    },
    demoData: vars.DEMO_DATA ?? vars.NODE_ENV === 'development',
    clockMovable: vars.CLOCK_MOVABLE ?? vars.NODE_ENV !== 'production',
    logLevel: vars.LOG_LEVEL,
    outboxPollMs: vars.OUTBOX_POLL_MS,
    storage: { dir: vars.STORAGE_DIR, maxUploadBytes: vars.MAX_UPLOAD_MB * 1024 * 1024 },
    lifecycleTickMs: vars.LIFECYCLE_TICK_MS,
    webRoot: vars.WEB_ROOT,
  };
}

/** TRUST_PROXY as Express takes it: false, true, a hop count, or the list of trusted addresses. */
function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'none') return false;
  if (value === 'all') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((part) => part.trim());
}

/** The environment as the launcher hands it to child processes (api, worker). */
export function processEnvironment(): Record<string, string | undefined> {
  return process.env;
}
