import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * Which Chromium the browser tests drive, in this order: CHROMIUM_PATH, Debian's /usr/bin/chromium,
 * Playwright's own download (a connected machine after `npx playwright install chromium`). None: a clear
 * message naming the package, instead of Playwright's advice to download (which cannot work here).
 */
export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
    return configured;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return undefined; // Playwright finds its own
  throw new Error(
    "No Chromium for the browser tests. Install Debian's package: `apt-get update && apt-get install -y chromium` " +
      '(.ci/run does this), or set CHROMIUM_PATH to a Chromium binary, or run `npx playwright install chromium` on a connected machine.',
  );
}

/** Quiet, deterministic Chromium: no background traffic, no updates; no sandbox when running as root (containers). */
export const CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];
