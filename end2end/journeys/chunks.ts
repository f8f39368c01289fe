// What a reader's browser downloads (issue 15). The pages are the server's HTML; only
// their islands (search, share bar, player, forms) run in the browser, all in one WASM
// module: a direct visit to any page fetches that module and nothing else, moving on
// to another page (/nav.js) fetches no WASM at all and stays in the same document,
// every page hydrates on a hard refresh, and the search overlay, the podcast player's
// controls and the forms, chunks of their own (`cargo leptos build --split`), come on
// first use. Only meaningful with JavaScript: tagged @javascript (tests/*.spec.ts),
// so the server-HTML projects leave them out.
import { expect, type Page, test } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { likeAPerson, ownClientAddress } from './mailbox';
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

/** One address of each reader page type, named by its route. */
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
    // journey) or not (the route's own "not found" state).
    { route: 'IssueRoute', path: `${e}/newsletter/archive/1` },
    { route: 'ContactRoute', path: `${e}/contact` },
    { route: 'OpEdRoute', path: `${e}/tribune` },
    { route: 'PrivacyRoute', path: `${e}/privacy` },
    { route: 'OfflineRoute', path: `${e}/offline` },
    { route: 'SavedRoute', path: `${e}/saved` },
  ];
}

const JOURNEY_LINK = 'chunk-journey-link';

/** Clicks a link to `href` put at the end of the page's `<main>`, as a menu or a card
 * would give it (a click event: whatever covers the end of the page on a phone). */
async function followLinkInPage(page: Page, href: string) {
  await page.evaluate(([href, id]) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = href;
    a.id = id;
    document.querySelector('main')?.append(a);
  }, [href, JOURNEY_LINK]);
  await page.locator(`#${JOURNEY_LINK}`).last().evaluate((a: HTMLAnchorElement) => a.click());
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

    test('a direct visit to any page type fetches the app module and nothing else', async ({ page }, info) => {
      test.setTimeout(120_000);
      const pages = await readerPages(page);
      for (const { route, path } of pages) {
        const fresh = await page.context().newPage();
        const fetched = recordWasm(fresh);
        await open(fresh, info, path);
        expect([...fetched.keys()].map((f) => f.replace(/\..*/, '')), `${route}:\n${fetched.log.join('\n')}`).toEqual(['ccme-portal']);
        expect([...fetched.values()], `${route}: once`).toEqual([1]);
        await fresh.close();
      }
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
      const overlay = chunksOfSplit('search_overlay_');
      const player = chunksOfSplit('player_controls_');
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

  test.describe('a form on first use, without the service worker', () => {
    test.use({ serviceWorkers: 'block' });

    test('a form is fetched when the reader first reaches it, and answers in place', async ({ page }, info) => {
      await ownClientAddress(page);
      const errors = failOnErrors(page);
      const fetched = recordWasm(page);
      await open(page, info, '/fr/contact');
      await markDocument(page, info);
      const form = chunksOfSplit('hydrate_form_');
      expect(form.length, 'the forms have chunks of their own').toBeGreaterThan(0);
      for (const chunk of form) expect(fetched.has(chunk), `${chunk} not before use`).toBe(false);
      const contact = page.locator('main form.reader-form');
      await contact.locator('#contact-name').focus();
      for (const chunk of form) await expect.poll(() => fetched.get(chunk), `${chunk} once`).toBe(1);
      // Sent empty: the problems show in place, in the same document.
      await likeAPerson(page);
      await contact.locator('button[type="submit"]').click();
      await expect(contact.locator('.form-alert')).toBeVisible();
      await expect(contact.locator('#contact-name-error')).toBeVisible();
      await expectSameDocument(page, info);
      expect(errors).toEqual([]);
    });
  });

  test('moving through every page type stays in the same document and fetches no WASM', async ({ page }, info) => {
    test.setTimeout(120_000);
    const pages = await readerPages(page);
    const errors = failOnErrors(page);
    await open(page, info, '/fr/privacy');
    const fetched = recordWasm(page);
    await markDocument(page, info);
    for (const { route, path } of [...pages, ...pages.slice(0, 3)]) {
      await followLinkInPage(page, path);
      await expect(page).toHaveURL((url) => url.pathname + url.search === path);
      await expect(page.locator('main h1').first(), route).toBeVisible();
      await expect(page.locator(`#${JOURNEY_LINK}`), `${route}: the new page is on screen`).toHaveCount(0);
      await expectSameDocument(page, info);
    }
    expect([...fetched.keys()], fetched.log.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
  });

  test('what acts on a page reached in place works: share bar, search, phone menu', async ({ page }, info) => {
    const article = await firstLink(page, '/fr/', /^\/fr\/article\/[^/?]+$/);
    const errors = failOnErrors(page);
    await open(page, info, '/fr/privacy');
    await markDocument(page, info);
    await followLinkInPage(page, article);
    await expect(page).toHaveURL((url) => url.pathname === article);
    await expectSameDocument(page, info);
    // The copy button shows only once the share bar's island runs.
    await expect(page.locator('.share-bar .share-copy')).toBeVisible();
    // The new header's menu button toggles the menu (/nav.js, not a jump).
    await page.locator('.menu-toggle').evaluate((a: HTMLAnchorElement) => a.click());
    await expect(page.locator('.menu-toggle')).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#site-nav')).toHaveClass(/\bopen\b/);
    await page.locator('.menu-toggle').evaluate((a: HTMLAnchorElement) => a.click());
    await expect(page.locator('.menu-toggle')).toHaveAttribute('aria-expanded', 'false');
    // The new header's search link opens the overlay, and Enter opens the results page
    // in place.
    await page.locator('.search-link').click();
    await page.locator('#quick-search-input').pressSequentially('maroc', { delay: 40 });
    await expect(page.locator('#quick-results [role=option]').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL((url) => url.pathname === '/fr/search' && url.searchParams.get('q') === 'maroc');
    await expect(page.locator('main h1').first()).toBeVisible();
    await expectSameDocument(page, info);
    expect(errors).toEqual([]);
  });

  test('a hard refresh on every page type hydrates it', async ({ page }, info) => {
    test.setTimeout(120_000);
    const pages = await readerPages(page);
    const errors = failOnErrors(page);
    for (const { route, path } of pages) {
      await open(page, info, path);
      await page.reload();
      await page.waitForSelector('html[data-hydrated="true"]');
      expect(await page.locator('leptos-island').count(), `${route} has islands`).toBeGreaterThan(0);
    }
    expect(errors).toEqual([]);
  });

  test('the service worker precaches the app and the search overlay, and keeps the player once used', async ({ page, request }, info) => {
    const source = await (await request.get('/sw.js')).text();
    const assets: string[] = JSON.parse(source.match(/const ASSETS = (\[.*?\]);/)?.[1] ?? '[]');
    const module = readdirSync(PKG).find((f) => /^ccme-portal\.[^.]+\.wasm$/.test(f));
    expect(assets, 'the app module precached').toContain(`/pkg/${module}`);
    for (const chunk of chunksOfSplit('search_overlay_')) expect(assets, `${chunk} precached`).toContain(`/pkg/${chunk}`);
    const player = chunksOfSplit('player_controls_').filter((c) => !assets.includes(`/pkg/${c}`));
    expect(player.length, 'the player controls are fetched on demand').toBeGreaterThan(0);

    const episode = await firstLink(page, '/fr/podcasts', /^\/fr\/podcasts\/episode\/[^/?]+$/);
    await open(page, info, episode);
    await controlled(page);
    await page.getByRole('button', { name: 'Écouter' }).click();
    await expect(page.locator('.audio-player .player-toggle')).toBeVisible();
    const kept = () => page.evaluate(async () => {
      const name = (await caches.keys()).find((n) => n.startsWith('precache-'));
      return name ? (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname) : [];
    });
    await expect.poll(kept).toEqual(expect.arrayContaining(player.map((c) => `/pkg/${c}`)));
  });

  // Issue 16: nothing of the back office reaches readers. Its text is every string of
  // the `admin` crate's translation tables (admin/src/i18n/) that no reader text
  // (app/src/i18n/) contains; its server functions live under /api/admin/, and readers
  // call none (the preview of a draft is a page the server renders).
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
    expect([...endpoints]).toEqual([]);
  });
}
