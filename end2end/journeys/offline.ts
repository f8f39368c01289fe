// The portal as an installable app that reads offline. Without JavaScript the pages it
// adds (offline, saved) and the manifest still exist; hydrated, the service worker keeps
// what the reader opened and what they saved.
import { expect, type Page, test, type TestInfo } from '@playwright/test';
import { expectEdition, hydrated, open } from './support';

const WORDS = {
  fr: { offline: 'Hors ligne', saved: 'Articles enregistrés', save: 'Lire hors ligne', banner: 'Vous êtes hors ligne', network: 'La recherche a besoin d’une connexion.' },
  ar: { offline: 'غير متصل', saved: 'المقالات المحفوظة', save: 'القراءة دون اتصال', banner: 'أنت غير متصل', network: 'يحتاج البحث إلى اتصال بالإنترنت.' },
} as const;

/** Waits until the service worker controls the page (a reload after its first install). */
export async function controlled(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
}

/** Paths of the articles the reader saved (the browser's `saved-v1` cache). */
async function keptForReading(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await (await caches.open('saved-v1')).keys()).map((r) => new URL(r.url).pathname));
}

/** Every address the browser's caches hold (pages, saved articles, precache). */
async function everythingKept(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const kept: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) kept.push(new URL(request.url).pathname);
    }
    return kept;
  });
}

/** Opens `path` after the connection came back. The service worker's own requests
 * see the network again a moment after the page does: until then it answers with the
 * offline page (heading `offlineHeading`), so the visit is made again until it is not. */
async function openOnceOnline(page: Page, info: TestInfo, path: string, offlineHeading: string) {
  await expect
    .poll(async () => {
      await open(page, info, path);
      return page.locator('main h1').first().textContent();
    })
    .not.toBe(offlineHeading);
}

/** Article links of the edition's home page. */
async function articleLinks(page: Page, count: number) {
  const hrefs = await page.locator('main a[href*="/article/"]').evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? ''));
  return [...new Set(hrefs)].slice(0, count);
}

export function offlineJourney() {
  for (const lang of ['fr', 'ar'] as const) {
    const words = WORDS[lang];

    test(`${lang}: the app manifest is linked and valid`, async ({ page, request }, info) => {
      await open(page, info, `/${lang}/`);
      const href = await page.locator('link[rel=manifest]').getAttribute('href');
      expect(href).toBe(`/${lang}/manifest.webmanifest`);
      const response = await request.get(href!);
      expect(response.headers()['content-type']).toContain('application/manifest+json');
      const manifest = await response.json();
      expect(manifest).toMatchObject({ lang, dir: lang === 'ar' ? 'rtl' : 'ltr', scope: `/${lang}/`, display: 'standalone' });
      expect(manifest.start_url).toMatch(new RegExp(`^/${lang}/`));
      expect(manifest.name.length).toBeGreaterThan(3);
      expect(manifest.shortcuts.map((s: { url: string }) => s.url)).toContain(`/${lang}/search`);
      const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
      expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
      for (const icon of manifest.icons) {
        const png = await request.get(icon.src);
        expect(png.status(), icon.src).toBe(200);
        expect(png.headers()['content-type']).toBe('image/png');
      }
    });

    test(`${lang}: offline and saved pages exist in the edition`, async ({ page }, info) => {
      await open(page, info, `/${lang}/offline`);
      await expectEdition(page, lang);
      await expect(page.locator('h1')).toHaveText(words.offline);
      await open(page, info, `/${lang}/saved`);
      await expect(page.locator('h1')).toHaveText(words.saved);
      await expect(page.locator('.footer-app')).toBeVisible();
    });

    test(`${lang}: read offline what was opened or saved`, async ({ page, context }, info) => {
      test.skip(!hydrated(info), 'offline reading needs the service worker, so JavaScript');
      await open(page, info, `/${lang}/`);
      await controlled(page);
      const [first, second, unvisited] = await articleLinks(page, 3);
      const titles: Record<string, string> = {};
      for (const href of [first, second]) {
        await open(page, info, href);
        titles[href] = (await page.locator('h1').textContent()) ?? '';
      }
      await context.setOffline(true);
      for (const href of [first, second, `/${lang}/`]) {
        await page.goto(href);
        await expect(page.locator('.offline-banner')).toBeVisible();
        await expect(page.locator('.offline-banner')).toContainText(words.banner);
      }
      // Offline, a link to an article read before opens it from the cache.
      await page.goto(second);
      await expect(page.locator('h1')).toHaveText(titles[second]);
      await page.goto(first);
      await expect(page.locator('h1')).toHaveText(titles[first]);
      // A page from the cache hydrates; links to pages not kept are marked; search
      // says it needs the network.
      await page.goto(`/${lang}/`);
      await page.waitForSelector('html[data-hydrated="true"]');
      await expect(page.locator(`main a.unavailable-offline[href="${unvisited}"]`).first()).toBeAttached();
      await page.keyboard.press('/');
      await page.locator('#quick-search-input').pressSequentially('ma', { delay: 40 });
      await expect(page.locator('.search-overlay .search-status')).toHaveText(words.network);
      await page.keyboard.press('Escape');
      // Never opened: the offline page, which lists what can be read.
      await page.goto(unvisited);
      await expect(page).toHaveURL(new RegExp(`/${lang}/offline$`));
      await expect(page.locator('h1')).toHaveText(words.offline);
      await expect(page.locator('.offline-list a', { hasText: titles[first] })).toBeVisible();

      // Saved: kept even when the reading cache is emptied.
      await context.setOffline(false);
      await openOnceOnline(page, info, unvisited, words.offline);
      const title = (await page.locator('h1').textContent()) ?? '';
      const save = page.locator('.save-offline');
      await expect(save.locator('.save-label')).toHaveText(words.save);
      await save.click();
      await expect(save).toHaveAttribute('aria-pressed', 'true');
      await expect(save.locator('.saved-label')).toBeVisible();
      const savedPath = new URL(unvisited, page.url()).pathname;
      await expect.poll(() => keptForReading(page)).toContain(savedPath);
      await page.evaluate(() => caches.delete('pages-v1'));
      await context.setOffline(true);
      await page.goto(unvisited);
      await expect(page.locator('h1')).toHaveText(title);
      await page.goto(`/${lang}/saved`).catch(() => undefined);
      await context.setOffline(false);
      // Back online, the service worker's first fetch may still fail: as above.
      await openOnceOnline(page, info, `/${lang}/saved`, words.offline);
      // What the browser keeps is in the message if the list does not show it.
      await expect
        .poll(async () => ({ listed: await page.locator('.saved-list a').allTextContents(), kept: await keptForReading(page) }))
        .toMatchObject({ listed: expect.arrayContaining([title.trim()]) });
      await expect(page.locator('.offline-banner')).toBeHidden();
    });
  }

  test('a confirmation or unsubscribe link is never kept for offline reading', async ({ page }, info) => {
    test.skip(!hydrated(info), 'needs the service worker');
    await open(page, info, '/fr/');
    await controlled(page);
    const [article] = await articleLinks(page, 1);
    // Their addresses hold a reader's token; the server says `no-store`.
    for (const path of ['/fr/newsletter/confirm?t=a-readers-token', '/ar/newsletter/unsubscribe?t=a-readers-token']) {
      const response = await open(page, info, path);
      expect(response?.status(), path).toBe(200);
      expect(response?.headers()['cache-control'], path).toContain('no-store');
    }
    // A page read after them is kept: by then the worker has decided about both.
    await open(page, info, article);
    const articlePath = new URL(article, page.url()).pathname;
    await expect.poll(() => everythingKept(page)).toContain(articlePath);
    const kept = await everythingKept(page);
    expect(kept.filter((path) => /\/newsletter\/(confirm|unsubscribe)/.test(path))).toEqual([]);
  });

  test('the service worker precaches the hashed build and never caches server functions', async ({ page, request }, info) => {
    test.skip(!hydrated(info), 'needs the service worker');
    const source = await (await request.get('/sw.js')).text();
    const wasm = await page.goto('/fr/').then(() => page.locator('link[rel=preload][href$=".wasm"], link[href$=".wasm"]').first().getAttribute('href').catch(() => null));
    expect(source).toMatch(/const ASSETS = \["\/pkg\/[^"]+\./);
    if (wasm) expect(source).toContain(wasm);
    expect(source).toContain("pathname.startsWith('/api/')");
    expect(source).toContain("pathname.startsWith('/admin/')");
    await page.waitForSelector('html[data-hydrated="true"]');
    await controlled(page);
    const precached = await page.evaluate(async () => {
      const names = await caches.keys();
      const precache = names.find((n) => n.startsWith('precache-'));
      const keys = precache ? await (await caches.open(precache)).keys() : [];
      return keys.map((r) => new URL(r.url).pathname);
    });
    expect(precached.some((p) => p.startsWith('/pkg/') && p.endsWith('.wasm'))).toBe(true);
    expect(precached).toEqual(expect.arrayContaining(['/fr/offline', '/ar/offline', '/en/offline']));
  });

  test('the footer offers installing where the browser allows it', async ({ page }, info) => {
    test.skip(!hydrated(info), 'the install prompt is a script event');
    await open(page, info, '/ar/');
    const install = page.locator('.footer-app .install-app');
    await expect(install).toBeHidden();
    // What Chromium fires when the site is installable (headless never does by itself).
    await page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true }) as Event & Record<string, unknown>;
      event.prompt = () => ((window as unknown as Record<string, boolean>).__prompted = true);
      event.userChoice = Promise.resolve({ outcome: 'accepted' });
      window.dispatchEvent(event);
    });
    await expect(install).toBeVisible();
    await expect(install).toHaveText('تثبيت التطبيق');
    await install.click();
    expect(await page.evaluate(() => (window as unknown as Record<string, boolean>).__prompted)).toBe(true);
    await expect(install).toBeHidden();
  });
}
