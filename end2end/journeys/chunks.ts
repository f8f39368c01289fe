// Route splitting (issue 15): each reader page's code is a WASM chunk of its own
// (`app::lazy_page!`, built with `cargo leptos build --split`). A direct visit fetches
// the frame and that page's chunks only; moving on inside the app fetches the next
// page's chunks once, without a reload; every page hydrates on a hard refresh; the
// search overlay and the podcast player's controls come on first use. Only
// meaningful with JavaScript: tagged @javascript (tests/*.spec.ts), so the server-HTML
// projects leave them out.
import { expect, type Page, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { controlled } from './offline';
import { expectSameDocument, markDocument, open } from './support';

const PKG = join(__dirname, '../../target/site/pkg');

/** The build's split manifest: lazy function → the chunk files it needs. */
function manifest(): Record<string, string[]> {
  const file = readdirSync(PKG).find((f) => /^__wasm_split_manifest(\.[^.]+)?\.json$/.test(f));
  if (!file) throw new Error(`no split manifest in ${PKG}: build with cargo leptos build --release --split`);
  return JSON.parse(readFileSync(join(PKG, file), 'utf8'));
}

/** The chunk files of the lazy function whose manifest name starts with `prefix`. */
function chunksOfSplit(prefix: string): string[] {
  const entries = Object.entries(manifest()).filter(([name]) => name.startsWith(prefix));
  if (entries.length !== 1) throw new Error(`the manifest has ${entries.length} entries for ${prefix}`);
  return entries[0][1].map((chunk) => `${chunk}.wasm`);
}

/** The chunk files of the lazy route `route` (e.g. `ArticleRoute`, whose view is the
 * lazy function `__article_route_view_<hash>` in the manifest). */
function chunksOf(route: string): string[] {
  const snake = route.replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase());
  return chunksOfSplit(`__${snake}_view_`);
}

/** Every `/pkg/` WASM file the page loads from now on, with how many times. The
 * service worker's own fetches (its precache, installed in the background of the same
 * pages) are not the page's: they are left out. A file the server's `<link
 * rel=preload>` asked for and the app's loader then fetches counts once, whether or
 * not the browser hands the preloaded copy over (matching a fetch to a preload is the
 * browser's choice; when it declines, a second request starts): what this catches is a
 * file preloaded twice or fetched twice by the app. */
function recordWasm(page: Page): Recorded {
  const seen: Recorded = Object.assign(new Map<string, number>(), { log: [] as string[] });
  const preloads = new Map<string, number>();
  const fetches = new Map<string, number>();
  const start = Date.now();
  page.on('request', (request) => {
    if (request.serviceWorker()) return;
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/pkg/') && path.endsWith('.wasm')) {
      const name = path.slice('/pkg/'.length);
      // Preloads are the browser's own requests ("other"); the loader's are "fetch".
      const counts = request.resourceType() === 'fetch' ? fetches : preloads;
      counts.set(name, (counts.get(name) ?? 0) + 1);
      seen.set(name, Math.max(preloads.get(name) ?? 0, fetches.get(name) ?? 0));
      seen.log.push(`${Date.now() - start} ms ${request.resourceType()} ${name} on ${request.frame().url()}`);
    }
  });
  return seen;
}

/** What `recordWasm` saw: file → times, and each request (when, kind, file, page) to
 * say in a failure what asked for an unexpected file. */
type Recorded = Map<string, number> & { log: string[] };

/** The first link of `path` whose address matches `pattern` (real slugs of the demo). */
export async function firstLink(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  const found = hrefs.find((h) => pattern.test(h));
  if (!found) throw new Error(`no link matching ${pattern} on ${path}`);
  return found;
}

/** One address of each reader page type, with its lazy route and a heading to expect. */
export async function readerPages(page: Page, lang: 'fr' | 'ar' = 'fr'): Promise<{ route: string; path: string }[]> {
  const e = `/${lang}`;
  const linked = (path: string, kind: string) => firstLink(page, `${e}${path}`, new RegExp(`^${e}/${kind}/[^/?]+$`));
  return [
    { route: 'HomeRoute', path: `${e}/` },
    { route: 'SectionRoute', path: await linked('/', 'section') },
    { route: 'ArticleRoute', path: await linked('/', 'article') },
    { route: 'StaticPageRoute', path: await linked('/', 'page') },
    // The demo's stories carry no tags: the tag page of a tag no story has (its
    // translated "not found" state, rendered by the tag route all the same).
    { route: 'TagRoute', path: `${e}/tag/maroc` },
    { route: 'SearchRoute', path: `${e}/search?q=maroc` },
    { route: 'FacesRoute', path: '/ar/faces' },
    { route: 'InterviewsRoute', path: `${e}/interviews` },
    { route: 'LibraryRoute', path: `${e}/publications` },
    { route: 'PublicationRoute', path: await linked('/publications', 'publications') },
    { route: 'PodcastsRoute', path: `${e}/podcasts` },
    { route: 'ProgrammeRoute', path: await firstLink(page, `${e}/podcasts`, new RegExp(`^${e}/podcasts/(?!episode/)[^/?]+$`)) },
    { route: 'EpisodeRoute', path: await linked('/podcasts', 'podcasts/episode') },
    { route: 'NewsletterRoute', path: `${e}/newsletter` },
    // An issue of the web archive; whether issue 1 exists yet (sent by the mailings
    // journey) or not (the route's own "not found" state), the route's chunks load.
    { route: 'IssueRoute', path: `${e}/newsletter/archive/1` },
    { route: 'ContactRoute', path: `${e}/contact` },
    { route: 'OpEdRoute', path: `${e}/tribune` },
    { route: 'PrivacyRoute', path: `${e}/privacy` },
    { route: 'OfflineRoute', path: `${e}/offline` },
    { route: 'SavedRoute', path: `${e}/saved` },
  ];
}

/** Fails the test on any uncaught error of the page (a chunk that did not load). */
function failOnErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

export function chunksJourney() {
  // What the page itself downloads to become interactive. The service worker, which
  // pwa.js registers on this very visit, precaches the offline chunks in the
  // background at the same time: it is kept out here (its precache has a test below).
  test.describe('without the service worker', () => {
    test.use({ serviceWorkers: 'block' });

    test('a direct visit to an article fetches the frame and the article chunks only', async ({ page }, info) => {
      const article = await firstLink(page, '/fr/', /^\/fr\/article\/[^/?]+$/);
      const context = page.context();
      const fresh = await context.newPage();
      const fetched = recordWasm(fresh);
      await open(fresh, info, article);
      const main = [...fetched.keys()].filter((f) => f.startsWith('ccme-portal'));
      expect(main, 'the frame (main WASM) once').toHaveLength(1);
      const chunks = [...fetched.keys()].filter((f) => !f.startsWith('ccme-portal')).sort();
      expect(chunks, fetched.log.join('\n')).toEqual([...chunksOf('ArticleRoute')].sort());
      // Nothing of a page not on screen (the search results page, the library) came along.
      const elsewhere = [...chunksOf('SearchRoute'), ...chunksOf('LibraryRoute')].filter((c) => !chunks.includes(c));
      expect(elsewhere.length, 'other pages have chunks of their own').toBeGreaterThan(0);
      for (const chunk of elsewhere) expect(fetched.has(chunk), chunk).toBe(false);
      await fresh.close();
    });
  });

  test.describe('widgets on first use, without the service worker', () => {
    // The worker would precache the overlay's chunks in the background (offline search).
    test.use({ serviceWorkers: 'block' });

    test('the search overlay and the podcast player are fetched when first used, and work', async ({ page }, info) => {
      const episode = await firstLink(page, '/fr/podcasts', /^\/fr\/podcasts\/episode\/[^/?]+$/);
      const fresh = await page.context().newPage();
      const errors = failOnErrors(fresh);
      const fetched = recordWasm(fresh);
      await open(fresh, info, episode);
      /** The widget's chunks that the page itself did not need. */
      const own = (prefix: string) => chunksOfSplit(prefix).filter((c) => !chunksOf('EpisodeRoute').includes(c));
      const overlay = own('search_overlay_');
      const player = own('player_controls_');
      expect(overlay.length, 'the overlay has chunks of its own').toBeGreaterThan(0);
      expect(player.length, 'the player controls have chunks of their own').toBeGreaterThan(0);
      for (const chunk of [...overlay, ...player]) {
        expect(fetched.has(chunk), `${chunk} not before use:\n${fetched.log.join('\n')}`).toBe(false);
      }

      await fresh.locator('.search-link').click();
      await fresh.locator('#quick-search-input').pressSequentially('maroc', { delay: 40 });
      await expect(fresh.locator('#quick-results [role=option]').first()).toBeVisible();
      for (const chunk of overlay) expect(fetched.get(chunk), `${chunk} once`).toBe(1);
      await fresh.keyboard.press('Escape');

      await fresh.getByRole('button', { name: 'Écouter' }).click();
      await expect(fresh.locator('.audio-player .player-toggle')).toHaveAttribute('aria-label', 'Pause');
      for (const chunk of player) expect(fetched.get(chunk), `${chunk} once`).toBe(1);
      expect(errors).toEqual([]);
      await fresh.close();
    });
  });

  test('moving through every page type stays in the app and fetches each chunk once', async ({ page }, info) => {
    test.setTimeout(120_000);
    const pages = await readerPages(page);
    const errors = failOnErrors(page);
    const fetched = recordWasm(page);
    await open(page, info, '/fr/privacy');
    await markDocument(page, info);
    for (const { route, path } of [...pages, ...pages.slice(0, 3)]) {
      // A link inside the app, as a menu or a card would give it.
      await page.evaluate((href) => {
        const a = document.createElement('a');
        a.href = href;
        a.textContent = href;
        a.id = 'chunk-journey-link';
        document.querySelector('main')?.append(a);
      }, path);
      // A click event on it (whatever covers the end of the page on a phone).
      await page.locator('#chunk-journey-link').last().evaluate((a: HTMLAnchorElement) => a.click());
      await expect(page).toHaveURL((url) => url.pathname + url.search === path);
      const chunks = chunksOf(route);
      await expect.poll(() => chunks.filter((c) => fetched.has(c)).length, `${route}'s chunks fetched`).toBe(chunks.length);
      await expect(page.locator('main h1').first()).toBeVisible();
      await expectSameDocument(page, info);
      for (const chunk of chunks) expect(fetched.get(chunk), `${route}: ${chunk} once:\n${fetched.log.join('\n')}`).toBe(1);
    }
    for (const [file, count] of fetched) expect(count, `${file} fetched once:\n${fetched.log.join('\n')}`).toBe(1);
    expect(errors).toEqual([]);
  });

  test('a hard refresh on every page type hydrates it', async ({ page }, info) => {
    test.setTimeout(120_000);
    const pages = await readerPages(page);
    const errors = failOnErrors(page);
    for (const { route, path } of pages) {
      const fetched = recordWasm(page);
      await open(page, info, path);
      await page.reload();
      await page.waitForSelector('html[data-hydrated="true"]');
      for (const chunk of chunksOf(route)) expect(fetched.has(chunk), `${route}: ${chunk}`).toBe(true);
      page.removeAllListeners('request');
    }
    expect(errors).toEqual([]);
  });

  test('the service worker precaches the frame and offline chunks, and keeps the chunks of a page once read', async ({ page, request }, info) => {
    const source = await (await request.get('/sw.js')).text();
    const assets: string[] = JSON.parse(source.match(/const ASSETS = (\[.*?\]);/)?.[1] ?? '[]');
    const offline = [...chunksOf('OfflineRoute'), ...chunksOf('SavedRoute'), ...chunksOfSplit('search_overlay_')];
    for (const chunk of offline) expect(assets, `${chunk} precached`).toContain(`/pkg/${chunk}`);
    const article = chunksOf('ArticleRoute').filter((c) => !offline.includes(c));
    expect(article.length, 'the article has chunks of its own').toBeGreaterThan(0);
    for (const chunk of article) expect(assets, `${chunk} not precached`).not.toContain(`/pkg/${chunk}`);

    await open(page, info, '/fr/');
    await controlled(page);
    const href = await page.locator('main a[href^="/fr/article/"]').first().getAttribute('href');
    await open(page, info, href!);
    const kept = () => page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.startsWith('precache-'));
      return name ? (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) : [];
    });
    await expect.poll(kept).toEqual(expect.arrayContaining(article.map((c) => `/pkg/${c}`)));
  });

  // Issue 16: nothing of the back office reaches readers. Its text is every string of
  // the `admin` crate's translation tables (admin/src/i18n/) that no reader text
  // (app/src/i18n/) contains; its server functions live under /api/admin/, of which
  // readers call only the preview (an editor's view of a draft as readers will see it).
  test('the reader WASM holds no back-office text and no back-office server function', () => {
    const tables = (dir: string) =>
      readdirSync(join(__dirname, '../..', dir)).filter((f) => f.endsWith('.rs')).map((f) => join(__dirname, '../..', dir, f));
    const literals = (file: string) =>
      [...readFileSync(file, 'utf8').matchAll(/"((?:[^"\\]|\\.)*)"/g)]
        .map((m) => m[1])
        .filter((text) => text.length >= 12 && !/[\\{]/.test(text));
    const reader = tables('app/src/i18n').flatMap(literals);
    const backOffice = tables('admin/src/i18n');
    const texts = [...new Set(backOffice.flatMap(literals))].filter((t) => !reader.some((r) => r.includes(t)));
    expect(texts.length, 'back-office texts found in the sources').toBeGreaterThan(300);
    const wasm = readdirSync(PKG).filter((f) => f.endsWith('.wasm')).map((f) => readFileSync(join(PKG, f)));
    expect(wasm.length, 'WASM files in target/site/pkg').toBeGreaterThan(1);
    const leaked = texts.filter((text) => wasm.some((bytes) => bytes.includes(Buffer.from(text))));
    expect(leaked).toEqual([]);
    const endpoints = new Set(wasm.flatMap((bytes) => bytes.toString('latin1').match(/\/api\/admin\/[a-z_]+/g) ?? []));
    expect([...endpoints]).toEqual(['/api/admin/preview']);
  });
}
