// Helpers shared by the journeys: open a page the way the current project runs it
// (server HTML only, or waiting for hydration) and check the edition's basics.
import { expect, type Page, type TestInfo, type WorkerInfo } from '@playwright/test';

/** Whether this project runs with JavaScript (the `*-hydrate` projects); for a test or
 * for a worker's fixtures. */
export function hydrated(info: TestInfo | WorkerInfo): boolean {
  return info.project.name.endsWith('-hydrate');
}

/** Opens `path` and, with JavaScript on, waits until the app has hydrated (public pages:
 * the back office under /admin is server-rendered forms and never hydrates). */
export async function open(page: Page, info: TestInfo, path: string) {
  const response = await page.goto(path);
  if (hydrated(info) && !path.startsWith('/admin')) {
    await page.waitForSelector('html[data-hydrated="true"]');
  }
  return response;
}

/** Marks the current document so that a later check can tell a full reload happened. */
export async function markDocument(page: Page, info: TestInfo) {
  if (hydrated(info)) {
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  }
}

/** With JavaScript on, navigation must have stayed in the same document. */
export async function expectSameDocument(page: Page, info: TestInfo) {
  if (hydrated(info)) {
    const same = await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);
    expect(same, 'navigation happened without a full page reload').toBe(true);
  }
}

/** The page is in `lang` with the right direction. */
export async function expectEdition(page: Page, lang: 'fr' | 'ar' | 'en') {
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
}

/** The phone menu must be opened before its links can be used. */
export async function openMenuIfCollapsed(page: Page) {
  const toggle = page.locator('.menu-toggle');
  if (await toggle.isVisible()) {
    await toggle.click();
    await expect(page.locator('#site-nav .menu')).toBeVisible();
  }
}

export const LANGS = ['fr', 'ar', 'en'] as const;

/** Port of the site made of the WordPress theme test data (see playwright.config.ts). */
export const WP_PORT = Number(process.env.E2E_PORT ?? 3100) + 2;

/** UI words the tests look for, per edition. */
export const WORDS = {
  fr: { related: 'Articles liés', latest: 'Nos dernières actualités', notFound: 'Page introuvable', home: 'Accueil' },
  ar: { related: 'مقالات ذات صلة', latest: 'آخر أخبارنا', notFound: 'الصفحة غير موجودة', home: 'الرئيسية' },
  en: { related: 'Related posts', latest: 'Our latest news', notFound: 'Page not found', home: 'Home' },
} as const;

/** Back-office pages are server-rendered forms: they load no WASM and never hydrate. */
export async function expectNotHydrated(page: Page) {
  await expect(page.locator('link[rel="modulepreload"], link[href$=".wasm"]')).toHaveCount(0);
  await expect(page.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
}

/** Tags a group of journeys that needs JavaScript: playwright.config.ts leaves it out of
 * the JavaScript-off projects instead of each test skipping itself there. */
export const JAVASCRIPT = { tag: '@javascript' };

/** Tags a group of journeys about the server's HTML alone (run with JavaScript off). */
export const SERVER_HTML = { tag: '@server-html' };

/**
 * The header every page of the site sends with its posts (`Sec-Fetch-Site`). A request
 * made outside a page (Playwright's `request`) carries it to get past the server's
 * cross-site guard to what the test is about; without it the answer is 403.
 */
export const FROM_THE_SITE = { 'sec-fetch-site': 'same-origin' };
