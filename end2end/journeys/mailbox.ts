// The mails the test site sent over SMTP, as the local mail server (aiosmtpd, started
// by playwright.config.ts) wrote them to its Maildir, read the way a reader's mail
// program would show them: MIME parts decoded (quoted-printable, base64).
import { expect, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MAILDIR = join(__dirname, '../../target/e2e-mail/new');

/** One mail: its headers and the decoded text of every part. */
export interface Mail {
  headers: string;
  text: string;
}

function decodeQuotedPrintable(body: string): string {
  const joined = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodePart(part: string): string {
  const split = part.search(/\r?\n\r?\n/);
  if (split < 0) return '';
  const headers = part.slice(0, split);
  const body = part.slice(split).trim();
  if (/content-transfer-encoding:\s*base64/i.test(headers)) {
    return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  }
  if (/content-transfer-encoding:\s*quoted-printable/i.test(headers)) {
    return decodeQuotedPrintable(body);
  }
  return body;
}

function parse(raw: string): Mail {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw.slice(0, split);
  const parts = raw.split(/\r?\n--[^\r\n]+/);
  return { headers, text: parts.map(decodePart).join('\n') };
}

/** Mails sent to `address` so far. */
export function mailsTo(address: string): Mail[] {
  let files: string[] = [];
  try {
    files = readdirSync(MAILDIR);
  } catch {
    return [];
  }
  return files
    .map((f) => readFileSync(join(MAILDIR, f), 'utf8'))
    .filter((raw) => new RegExp(`^To: ${address.replace(/[.+]/g, '\\$&')}\\r?$`, 'mi').test(raw))
    .map(parse);
}

/** Waits for the queue worker to send `count` mails to `address` (it runs every 2 s). */
export async function waitForMails(address: string, count = 1): Promise<Mail[]> {
  await expect.poll(() => mailsTo(address).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count);
  return mailsTo(address);
}

/** The site-relative address of the first link to `/{lang}/newsletter/{action}` in a mail. */
export function linkIn(mail: Mail, action: 'confirm' | 'unsubscribe'): string {
  const found = mail.text.match(new RegExp(`https?://[^/\\s]+(/[a-z]{2}/newsletter/${action}\\?t=[0-9a-f]{64})`));
  expect(found, `a ${action} link in the mail`).not.toBeNull();
  return found![1];
}

/** A fresh address, unique to this test run and project. */
export function freshAddress(tag: string): string {
  return `${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.org`;
}

/** Posts come from an address of this test's own (the site trusts X-Forwarded-For in
 * the test setup), so every test has its own rate-limit budget. */
export async function ownClientAddress(page: Page): Promise<string> {
  const ip = `10.${rand()}.${rand()}.${rand()}`;
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  return ip;
}

function rand(): number {
  return 1 + Math.floor(Math.random() * 254);
}

/** A person takes more than the site's minimum time (1 s in the test setup) to fill a form. */
export async function likeAPerson(page: Page) {
  await page.waitForTimeout(1100);
}
