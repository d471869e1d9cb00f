import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { expect } from '@playwright/test';

/** Waits until the system's SMTP sink holds a mail to `to` whose text matches `pattern`, and returns the match. */
export async function waitForMail(to: string, pattern: RegExp): Promise<RegExpMatchArray> {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error('E2E_MAIL_DIR is not set (the global setup starts the SMTP sink).');
  let found: RegExpMatchArray | null = null;
  await expect
    .poll(
      async () => {
        for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
          const mail = await simpleParser(readFileSync(path.join(dir, file)));
          const recipients = [mail.to].flat().flatMap((a) => (a ? a.value.map((v) => v.address) : []));
          const match = recipients.includes(to) ? (mail.text ?? '').match(pattern) : null;
          if (match) {
            found = match;
            return true;
          }
        }
        return false;
      },
      { message: `a mail to ${to} matching ${pattern}`, timeout: 30_000 },
    )
    .toBe(true);
  return found!;
}
