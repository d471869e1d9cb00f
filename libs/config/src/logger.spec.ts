import { jest } from '@jest/globals';
import { createLogger } from './logger.js';

/** What the logger wrote to stdout while `run` ran. */
function printed(run: () => void): string {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return lines.join('');
}

describe('createLogger', () => {
  const startUp = (level: 'log' | 'debug') =>
    printed(() => {
      const logger = createLogger(level);
      logger.log('CallsModule dependencies initialized', 'InstanceLoader');
      logger.log('Mapped {/calls, POST} route', 'RouterExplorer');
      logger.log('demo data ready', 'DemoData');
      logger.warn('queue is slow', 'Worker');
    });

  it('keeps Nest’s module and route listings out of the `log` level, but not what the system does or warns about', () => {
    const out = startUp('log');
    expect(out).not.toMatch(/dependencies initialized|Mapped/);
    expect(out).toMatch(/demo data ready/);
    expect(out).toMatch(/queue is slow/);
  });

  it('shows them at `debug`', () => {
    expect(startUp('debug')).toMatch(/dependencies initialized[\s\S]*Mapped \{\/calls, POST\} route/);
  });
});
