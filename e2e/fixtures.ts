/// <reference lib="dom" />
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test as base } from '@playwright/test';
import type { Page } from '@playwright/test';

export const SCREENSHOTS = path.resolve('artifacts/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

/**
 * Every page a journey visits goes through `checkPage`: axe (WCAG 2.1 A and AA) must find nothing, and the
 * page is photographed at 1280 px and 390 px into artifacts/screenshots/ (git-ignored) for reviewers.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expect(page.locator('h1')).toHaveCount(1);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join(', ')}`,
  );
  expect(violations, `axe on ${name} (${page.url()})`).toEqual([]);
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/**
 * The page still answers: its main thread runs a frame within `ms`. A render loop or a synchronous endless effect
 * would leave a page that shows the right heading but no longer reacts to keys or clicks.
 */
export async function expectResponsive(page: Page, ms = 10_000): Promise<void> {
  const answered = await Promise.race([
    page.evaluate(() => new Promise<boolean>((resolve) => requestAnimationFrame(() => resolve(true)))),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), ms)),
  ]);
  expect(answered, `the page stopped responding (${page.url()})`).toBe(true);
}

/** Nothing sticks out to the right: the page works without horizontal scrolling at this width. */
export async function expectNoHorizontalScroll(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 800 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow at ${width} px`).toBeLessThanOrEqual(0);
}

export const baseURL = () => {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error('E2E_BASE_URL is not set: run the journeys through `npx playwright test` (global setup starts the system).');
  return url;
};

/** Each journey gets a fresh browser context (its own cookies) on the system the global setup started. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring; this one has none.
  baseURL: async ({}, use) => use(baseURL()),
});
export { expect };

export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.praha.eu`;
export const PASSWORD = 'Heslo-pro-testy-2026';

/** A valid IČO (modulo 11) that no other run uses. */
export function freshIco(): string {
  const body = String(Math.floor(Math.random() * 9_000_000) + 1_000_000);
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, w, i) => acc + w * Number(body[i]), 0);
  return `${body}${(11 - (sum % 11)) % 10}`;
}
