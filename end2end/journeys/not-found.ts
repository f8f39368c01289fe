// Unknown addresses give a real, translated 404 page.
import { expect, test } from '@playwright/test';
import { WORDS, expectEdition, open } from './support';

export function notFoundJourney() {
  const cases = [
    ['/fr/article/cet-article-n-existe-pas', 'fr'],
    ['/ar/section/لا-يوجد', 'ar'],
    ['/en/no/such/page', 'en'],
    ['/xx/', 'fr'],
    ['/fr/page/qui-sommes-nous-%ZZ', 'fr'],
  ] as const;
  for (const [path, lang] of cases) {
    test(`404 in ${lang} for ${path}`, async ({ page }, info) => {
      const response = await open(page, info, path);
      expect(response?.status()).toBe(404);
      await expectEdition(page, lang);
      await expect(page.locator('h1')).toHaveText(WORDS[lang].notFound);
      await expect(page.locator('.not-found a.button')).toHaveAttribute('href', `/${lang}/`);
      // The page keeps the site's frame: menu and footer are there to go on from.
      await expect(page.locator('.site-nav .menu > li')).not.toHaveCount(0);
      await expect(page.locator('footer .footer-group').first()).toBeVisible();
    });
  }

  test('/ sends the reader to their language', async ({ browser }, info) => {
    const context = await browser.newContext({ locale: 'ar-MA', javaScriptEnabled: info.project.use.javaScriptEnabled !== false });
    const page = await context.newPage();
    await page.goto(info.project.use.baseURL + '/');
    await expect(page).toHaveURL(/\/ar\/$/);
    // The edition read last is remembered by the page's script (a cookie set by the
    // server would keep shared caches from storing pages): without JavaScript, `/`
    // keeps following the browser's languages.
    await page.goto(info.project.use.baseURL + '/en/');
    await page.goto(info.project.use.baseURL + '/');
    const remembered = info.project.use.javaScriptEnabled !== false;
    await expect(page).toHaveURL(remembered ? /\/en\/$/ : /\/ar\/$/, { timeout: 10_000 });
    await context.close();
  });
}
