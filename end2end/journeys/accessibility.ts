// axe-core finds no violations on the main pages, in the three editions, and in the
// search overlay while it shows results, on desktop and phone.
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, expect, type Page, test as base } from '@playwright/test';
import { hydrated, open } from './support';

const PAGES = {
  fr: ['/fr/', '/fr/section/medias-et-migration', '/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres', '/fr/search?q=maroc', '/fr/contact', '/fr/tribune', '/fr/faces', '/fr/interviews', '/fr/publications', '/admin/login'],
  en: ['/en/', '/en/article/remittances-from-moroccans-abroad-reach-a-record', '/en/podcasts'],
  ar: ['/ar/', '/ar/section/الإعلام-والهجرة', '/ar/article/تحويلات-مغاربة-العالم-تبلغ-مستوى-قياسيا', '/ar/search?q=الجاليه', '/ar/newsletter', '/ar/privacy', '/ar/faces?letter=%D8%A8', '/ar/faces/سلمى-بنجلون', '/ar/podcasts', '/admin/login?lang=ar'],
};

/** WCAG 2.2 A/AA violations on the page (or inside `scope`), as readable lines: 2.2 adds
 * touch targets of at least 24 px or spaced apart (target-size). */
async function violations(page: Page, scope?: string) {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (scope) builder = builder.include(scope);
  const results = await builder.analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The context the page audits run in: one per worker and project, each audit in a
 * page of its own. A fresh context per audit (a new profile: empty caches, the WASM
 * compiled again) made the 92 audits take 246 s instead of 210 s on 2 cores, and the
 * DOM that axe reads does not depend on it. axe runs as a script in the page, so the
 * "JavaScript off" twin audits the server HTML with the app's own scripts blocked
 * instead of with JavaScript disabled; the stylesheet still loads, as it does for a
 * reader without JavaScript. */
const test = base.extend<object, { auditContext: BrowserContext }>({
  auditContext: [async ({ browser }, use, workerInfo) => {
    const context = await browser.newContext({ ...workerInfo.project.use, javaScriptEnabled: true });
    if (!hydrated(workerInfo)) {
      await context.route(/\/pkg\/.*\.(js|wasm)$/, (route) => route.abort());
    }
    await use(context);
    await context.close();
  }, { scope: 'worker' }],
});

export function accessibilityJourney() {
  for (const [lang, paths] of Object.entries(PAGES)) {
    for (const path of paths) {
      test(`${lang}: no axe violations on ${path}`, async ({ auditContext }, info) => {
        const page = await auditContext.newPage();
        const response = await open(page, info, path);
        expect(response?.status()).toBe(200);
        expect(await violations(page)).toEqual([]);
        await page.close();
      });
    }
  }

  for (const [lang, typed] of [['fr', 'maroc'], ['ar', 'الجاليه']]) {
    test(`${lang}: no axe violations in the search overlay with results`, async ({ page }, info) => {
      test.skip(!hydrated(info), 'the overlay needs JavaScript');
      await open(page, info, `/${lang}/`);
      await page.locator('.search-link').click();
      await page.locator('#quick-search-input').pressSequentially(typed, { delay: 40 });
      await expect(page.locator('#quick-results')).toHaveAttribute('data-query', typed);
      await expect(page.locator('#quick-results [role=option]').first()).toBeVisible();
      await page.locator('#quick-search-input').press('ArrowDown');
      expect(await violations(page, '.search-overlay')).toEqual([]);
    });
  }
}
