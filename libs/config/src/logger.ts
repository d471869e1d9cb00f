import { ConsoleLogger, LogLevel } from '@nestjs/common';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Nest's own start-up chatter: every module initialised, every controller and route mapped, "successfully started". */
const START_UP_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Nest's console logger with its start-up lines moved from `log` to `debug`: at LOG_LEVEL=log a process prints what it does, not how it was wired. */
class QuietStartLogger extends ConsoleLogger {
  override log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.length > 0 ? optionalParams[optionalParams.length - 1] : this.context;
    if (typeof context === 'string' && START_UP_CONTEXTS.has(context)) this.debug(message, ...optionalParams);
    else super.log(message, ...optionalParams);
  }
}

/** The logger of every process (API, worker, CLI): the levels up to `level`, start-up details only from `debug`. */
export function createLogger(level: LogLevel): ConsoleLogger {
  return new QuietStartLogger({ logLevels: LEVELS.slice(0, LEVELS.indexOf(level) + 1) });
}
