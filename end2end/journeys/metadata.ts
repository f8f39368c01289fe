// What search engines and social networks read of the pages, checked in the rendered
// document: titles, canonical, hreflang sets that point back at each other, OpenGraph,
// JSON-LD that parses and says what each page is, and feed discovery.
import { expect, type Page, test } from '@playwright/test';
import { open } from './support';

const ARTICLE = '/en/article/remittances-from-moroccans-abroad-reach-a-record';

async function jsonLd(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((text) => JSON.parse(text));
}

async function hreflangs(page: Page) {
  const links = page.locator('head link[rel="alternate"][hreflang]');
  const out: Record<string, string> = {};
  for (const link of await links.all()) {
    out[(await link.getAttribute('hreflang'))!] = (await link.getAttribute('href'))!;
  }
  return out;
}

const meta = (page: Page, property: string) => page.locator(`head meta[property="${property}"]`);

export function metadataJourney() {
  test('an article carries NewsArticle and BreadcrumbList JSON-LD', async ({ page }, info) => {
    await open(page, info, ARTICLE);
    const blocks = await jsonLd(page);
    const article = blocks.find((b) => b['@type'] === 'NewsArticle');
    expect(article, 'NewsArticle present').toBeTruthy();
    expect(article.headline).toBe(await page.locator('h1').textContent());
    for (const field of ['image', 'datePublished', 'dateModified', 'author', 'publisher', 'inLanguage', 'mainEntityOfPage', 'articleSection']) {
      expect(article[field], field).toBeTruthy();
    }
    expect(article.inLanguage).toBe('en');
    expect(article.publisher.logo.url).toMatch(/^https?:\/\/.+\.png$/);
    expect(new Date(article.datePublished).getFullYear()).toBe(2024);
    expect(article.mainEntityOfPage['@id']).toBe(page.url());
    const crumbs = blocks.find((b) => b['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement.map((i: { position: number }) => i.position)).toEqual([1, 2, 3, 4]);
    expect(crumbs.itemListElement.at(-1).name).toBe(article.headline);
  });

  test('an article is canonical to itself with OpenGraph and Twitter cards', async ({ page }, info) => {
    await open(page, info, ARTICLE);
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', page.url());
    await expect(meta(page, 'og:url')).toHaveAttribute('content', page.url());
    await expect(meta(page, 'og:type')).toHaveAttribute('content', 'article');
    await expect(meta(page, 'og:locale')).toHaveAttribute('content', 'en_GB');
    await expect(meta(page, 'og:image:width')).toHaveAttribute('content', '1200');
    await expect(meta(page, 'og:image:height')).toHaveAttribute('content', '630');
    const image = await meta(page, 'og:image').getAttribute('content');
    const response = await page.request.get(image!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('image/png');
    await expect(page.locator('head meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
    await expect(meta(page, 'og:locale:alternate')).toHaveCount(2);
  });

  test('hreflang sets are reciprocal, with x-default', async ({ page }, info) => {
    await open(page, info, ARTICLE);
    const set = await hreflangs(page);
    expect(Object.keys(set).sort()).toEqual(['ar', 'en', 'fr', 'x-default']);
    expect(set.en).toBe(page.url());
    for (const lang of ['fr', 'ar']) {
      await open(page, info, set[lang]);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(await hreflangs(page)).toEqual(set);
    }
  });

  test('an article in one language only has no hreflang set', async ({ page }, info) => {
    await open(page, info, '/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres');
    expect(await hreflangs(page)).toEqual({});
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', page.url());
  });

  test('home pages name the organisation, the site and its search', async ({ page }, info) => {
    await open(page, info, '/ar/');
    const [graph] = await jsonLd(page);
    const types = graph['@graph'].map((n: { '@type': string }) => n['@type']);
    expect(types).toEqual(['Organization', 'WebSite']);
    const site = graph['@graph'][1];
    expect(site.inLanguage).toBe('ar');
    expect(site.potentialAction['@type']).toBe('SearchAction');
    const target = site.potentialAction.target.urlTemplate.replace('{search_term_string}', encodeURIComponent('جامعه'));
    await open(page, info, target);
    await expect(page.locator('.search-page')).toBeVisible();
    await expect(page.locator('#search-input')).toHaveValue('جامعه');
    await open(page, info, '/ar/');
    const set = await hreflangs(page);
    expect(new URL(set['x-default']).pathname).toBe('/');
  });

  test('sections have a breadcrumb, a canonical per page and their feeds', async ({ page }, info) => {
    await open(page, info, '/fr/section/archives-du-ccme?page=2');
    await expect(page.locator('head link[rel="canonical"]')).toHaveAttribute('href', /\/fr\/section\/archives-du-ccme\?page=2$/);
    const titles = new Set<string>();
    titles.add(await page.title());
    await open(page, info, '/fr/section/archives-du-ccme');
    titles.add(await page.title());
    expect(titles.size, 'each page of a section has its own title').toBe(2);
    const crumbs = (await jsonLd(page)).find((b) => b['@type'] === 'BreadcrumbList');
    expect(crumbs.itemListElement[0].name).toBe('Accueil');
    const rss = page.locator('head link[rel="alternate"][type="application/rss+xml"]');
    const atom = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(rss).toHaveAttribute('href', /\/fr\/section\/archives-du-ccme\/feed\.xml$/);
    await expect(atom).toHaveAttribute('href', /\/fr\/section\/archives-du-ccme\/atom\.xml$/);
    const feed = await page.request.get((await rss.getAttribute('href'))!);
    expect(feed.headers()['content-type']).toContain('application/rss+xml');
    expect(await feed.text()).toContain('<language>fr</language>');
  });

  test('search results are kept out of search engines', async ({ page }, info) => {
    await open(page, info, '/fr/search?q=maroc');
    await expect(page.locator('head meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });
}
