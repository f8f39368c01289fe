// Through a real cache: Varnish, configured as deployed (deploy/varnish/default.vcl),
// in front of the test site (playwright.config.ts starts it; the site purges it,
// CACHE_PURGE_URLS). A second read is served by Varnish; an editor's publication,
// correction and unpublishing are what the very next reader gets through it; `/` still
// follows each browser's languages; a form with JavaScript off still posts; the back
// office is never kept; and a site that stops has its kept pages served on.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { EDITOR, logIn } from './editor';
import { freshAddress, likeAPerson, waitForMails } from './mailbox';
import { STOPPED_SITE_PORT, STOPPED_SITE_VARNISH_PORT, VARNISH_PORT } from '../ports';

const VARNISH = `http://127.0.0.1:${VARNISH_PORT}`;
const ROOT = path.resolve(__dirname, '../..');

/** The first French article the home page of the site at `base` lists. */
async function anArticle(request: APIRequestContext, base = ''): Promise<string> {
  const home = await (await request.get(`${base}/fr/`)).text();
  return home.match(/href="(\/fr\/article\/[^"]+)"/)![1];
}

/** GET `path` (or a whole address) through Varnish: its status, headers (`x-cache`:
 * whether Varnish had it) and body. */
async function read(request: APIRequestContext, path: string) {
  const response = await request.get(path, { maxRedirects: 0 });
  return { status: response.status(), headers: response.headers(), body: await response.text() };
}

/** Reads `path` until Varnish serves it from what it kept (a second read at most, unless
 * a purge came in between); that read. */
async function kept(request: APIRequestContext, path: string) {
  let hit = await read(request, path);
  await expect(async () => {
    hit = await read(request, path);
    expect(hit.headers['x-cache']).toBe('HIT');
  }).toPass({ timeout: 10_000 });
  return hit;
}

/** The editor's form for a story, saved with `button`; the notice it answers. */
async function press(page: Page, button: string) {
  await page.getByRole('button', { name: button, exact: true }).click();
  await expect(page.locator('.notice-success')).toBeVisible();
}

export function varnishJourney() {
  test.use({ baseURL: VARNISH });

  test('a second read is served by Varnish, which shows no reader its tags', async ({ request }) => {
    const article = await anArticle(request);
    // Read until kept (again if another journey's change purged it in between).
    const again = await kept(request, article);
    expect(again.status).toBe(200);
    expect(Number(again.headers['age'])).toBeGreaterThanOrEqual(0);
    expect(again.headers['cache-control']).toContain('s-maxage=');
    expect(again.headers['xkey'], 'tags stay in the cache').toBeUndefined();
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  test('each reader gets the page in an encoding it takes, kept once per encoding', async ({ request }) => {
    const article = await anArticle(request);
    const sent: [string, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
    ];
    for (const [accepted, encoding] of sent) {
      await expect(async () => {
        const response = await request.get(article, { headers: { 'accept-encoding': accepted } });
        expect(response.headers()['content-encoding'], accepted).toBe(encoding);
        expect(response.headers()['x-cache'], accepted).toBe('HIT');
        expect(await response.text()).toContain('</html>');
      }).toPass({ timeout: 10_000 });
    }
  });

  test('navigation in place gets the next page from Varnish too', async ({ browser }) => {
    // Readers with JavaScript go from the home page to its first section: /nav.js
    // fetches the section's page, a GET that Varnish keeps, and a later reader gets it
    // from Varnish (again if another journey's publication purged it in between).
    const navigate = async () => {
      // (A context of this project's browser would have its JavaScript off.)
      const context = await browser.newContext({ baseURL: VARNISH, javaScriptEnabled: true });
      const page = await context.newPage();
      await page.goto('/fr/');
      await page.waitForSelector('html[data-hydrated="true"]');
      const data = page.waitForResponse((r) =>
        r.request().resourceType() === 'fetch' && new URL(r.url()).pathname.startsWith('/fr/section/'));
      await page.locator('.home-block .block-title a').first().click();
      const response = await data;
      expect(response.request().method()).toBe('GET');
      expect(response.status()).toBe(200);
      await expect(page).toHaveURL(/\/fr\/section\//);
      await context.close();
      return response.headers()['x-cache'];
    };
    await navigate();
    await expect(async () => expect(await navigate()).toBe('HIT')).toPass({ timeout: 30_000 });
  });

  test('the back office and what is personal are never kept', async ({ request, browser }) => {
    for (const path of ['/admin/login', '/admin/login', '/', '/']) {
      const answer = await read(request, path);
      expect(answer.headers['x-cache'], path).toBe('MISS');
      expect(answer.headers['cache-control'], path).toContain('no-store');
    }
    // The editor's pages, once seen through Varnish, are not shown to the next visitor.
    const editorContext = await browser.newContext({ baseURL: VARNISH });
    const editor = await editorContext.newPage();
    await logIn(editor, EDITOR, 'fr');
    await expect(editor.locator('.admin-story-title').first()).toBeVisible();
    await editorContext.close();
    const visitor = await browser.newContext({ baseURL: VARNISH });
    const page = await visitor.newPage();
    await page.goto('/admin/stories');
    await expect(page).toHaveURL(/\/admin\/login\?next=/);
    await visitor.close();
  });

  test('publishing, correcting and unpublishing are what the next reader gets through Varnish', async ({ page, request }, info) => {
    test.setTimeout(60_000);
    // The front page is kept before the story exists.
    await kept(request, '/fr/');

    await logIn(page, EDITOR, 'fr');
    await page.getByRole('link', { name: 'Nouvel article' }).click();
    const title = `Au salon, à travers Varnish ${info.project.name} ${Date.now() % 1_000_000}`;
    await page.locator('#editor-section').selectOption({ index: 1 });
    await page.locator('#editor-title').fill(title);
    await page.locator('#editor-summary').fill('Premier chapeau.');
    await page.locator('#editor-body').fill('Un paragraphe.');
    await press(page, 'Publier');
    const editorUrl = page.url().replace(/\?.*$/, '');
    const address = new URL((await page.getByRole('link', { name: 'Voir sur le site' }).getAttribute('href'))!, VARNISH).pathname;

    // The very next reads: the front page lists it, its page is there and then kept.
    expect((await read(request, '/fr/')).body).toContain(title);
    const first = await read(request, address);
    expect(first.status).toBe(200);
    expect(first.body).toContain('Premier chapeau.');
    await kept(request, address);

    // A correction while live.
    await page.goto(editorUrl);
    await page.locator('#editor-summary').fill('Chapeau corrigé.');
    await press(page, 'Enregistrer');
    const corrected = await read(request, address);
    expect(corrected.body).toContain('Chapeau corrigé.');
    expect(corrected.body).not.toContain('Premier chapeau.');

    // Unpublished: gone through Varnish, and off the front page.
    await page.goto(editorUrl);
    await press(page, 'Dépublier');
    expect((await read(request, address)).status).toBe(404);
    expect((await read(request, '/fr/')).body).not.toContain(title);
  });

  test('/ still follows each browser\'s languages through Varnish', async ({ browser }) => {
    for (const [locale, lang] of [['ar-MA', 'ar'], ['en-GB', 'en'], ['fr-FR', 'fr'], ['ar-MA', 'ar']]) {
      const context = await browser.newContext({ baseURL: VARNISH, locale, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page, locale).toHaveURL(`${VARNISH}/${lang}/`);
      await context.close();
    }
  });

  test('a form posted with JavaScript off from a kept page is taken', async ({ browser }, info) => {
    const context = await browser.newContext({ baseURL: VARNISH, javaScriptEnabled: false });
    const page = await context.newPage();
    const article = await anArticle(page.request);
    // The page as Varnish keeps it, with the form ticket of when it was rendered.
    await page.goto(article);
    await expect(async () => {
      expect((await page.goto(article))!.headers()['x-cache']).toBe('HIT');
    }).toPass({ timeout: 10_000 });
    const email = freshAddress(`varnish-${info.project.name}`);
    const form = page.locator('footer form.reader-form').first();
    await form.locator('input[name="email"]').fill(email);
    await likeAPerson(page);
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('.form-sent:visible')).toContainText('Un courriel vient de partir');
    expect(await waitForMails(email)).toHaveLength(1);
    await context.close();
  });

  test('a site that stops has the pages Varnish kept served on (stale-if-error)', async ({ request }) => {
    test.setTimeout(90_000);
    const site = `http://127.0.0.1:${STOPPED_SITE_PORT}`;
    const cache = `http://127.0.0.1:${STOPPED_SITE_VARNISH_PORT}`;
    const dir = path.join(ROOT, 'target/e2e-stopped');
    const server = process.env.E2E_SERVER ?? 'target/release/server';
    execFileSync('rm', ['-rf', dir]);
    const running: ChildProcess[] = [];
    try {
      running.push(spawn(server, [], {
        cwd: ROOT,
        stdio: 'ignore',
        env: {
          ...process.env,
          DATABASE_URL: `sqlite://${dir}/site.db`, MEDIA_DIR: `${dir}/media`, MAIL_OUTBOX: `${dir}/outbox`,
          LEPTOS_SITE_ADDR: `127.0.0.1:${STOPPED_SITE_PORT}`, SITE_URL: cache, RUST_LOG: 'error',
          CACHE_PURGE_URLS: `${cache}/`,
        },
      }));
      await expect(async () => expect((await request.get(`${site}/robots.txt`)).status()).toBe(200))
        .toPass({ timeout: 60_000 });
      running.push(spawn(path.join(ROOT, 'scripts/varnish-in-front'),
        [String(STOPPED_SITE_PORT), String(STOPPED_SITE_VARNISH_PORT), `${dir}/varnish`], { cwd: ROOT, stdio: 'ignore' }));
      await expect(async () => expect((await request.get(`${cache}/fr/`)).status()).toBe(200))
        .toPass({ timeout: 30_000 });
      const article = await anArticle(request, cache);
      const before = await read(request, `${cache}${article}`);
      expect(before.status).toBe(200);

      // The site stops; Varnish finds it down (it asks every two seconds).
      const origin = running.shift()!;
      origin.kill('SIGTERM');
      await new Promise((done) => origin.once('exit', done));
      await expect(async () => {
        const backends = execFileSync('varnishadm', ['-n', `${dir}/varnish/work`, 'backend.list']).toString();
        expect(backends).toMatch(/\bsick\b/);
      }).toPass({ timeout: 20_000 });
      // Every kept page is made out of date at once (a soft purge), and read more than
      // the ten seconds a page past its time is served while the site is up: what serves
      // it now is the page's stale-if-error.
      const soft = await request.fetch(`${cache}/`, { method: 'PURGE', headers: { 'xkey-softpurge': 'site' } });
      expect(soft.status()).toBe(200);
      await new Promise((done) => setTimeout(done, 11_000));
      const after = await read(request, `${cache}${article}`);
      expect(after.status).toBe(200);
      expect(after.headers['x-cache']).toBe('HIT');
      expect(after.body).toBe(before.body);
      // A page it never kept: the site is really down.
      expect((await read(request, `${cache}/en/contact`)).status).toBe(503);
    } finally {
      for (const child of running) child.kill('SIGTERM');
    }
  });
}
