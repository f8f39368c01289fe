// The language switcher keeps the reader in place.
import { expect, test } from '@playwright/test';
import { expectEdition, expectSameDocument, JAVASCRIPT, markDocument, open } from './support';

export function languageJourney() {
  test('switching on a translated article opens its translation', async ({ page }, info) => {
    await open(page, info, '/fr/article/les-transferts-des-marocains-du-monde-atteignent-un-niveau-record');
    await markDocument(page, info);
    await page.locator('.lang-switch a[data-lang="ar"]').click();
    await expect(page).toHaveURL(/\/ar\/article\/%D8/);
    await expectEdition(page, 'ar');
    await expect(page.locator('article h1')).toHaveText('تحويلات مغاربة العالم تبلغ مستوى قياسيا');
    await expect(page.locator('.article-date')).toHaveText('5 فبراير 2024');
    await expectSameDocument(page, info);
    await page.locator('.lang-switch a[data-lang="en"]').click();
    await expect(page.locator('article h1')).toHaveText('Remittances from Moroccans abroad reach a record');
    await expectEdition(page, 'en');
    await expect(page.locator('.article-date')).toHaveText('5 February 2024');
  });

  // The page's script remembers the edition (a cookie set by the server would keep
  // shared caches from storing pages, issue 17).
  test('the edition chosen in the switcher is the one / opens next time', JAVASCRIPT, async ({ page }, info) => {
    for (const [start, to] of [['/fr/', 'ar'], ['/ar/section/الإعلام-والهجرة', 'en']] as const) {
      await open(page, info, start);
      await markDocument(page, info);
      await page.locator(`.lang-switch a[data-lang="${to}"]`).click();
      await expectEdition(page, to);
      await expectSameDocument(page, info);
      await page.goto('/');
      await expect(page).toHaveURL(new RegExp(`/${to}/$`));
    }
  });

  test('switching on an untranslated article opens its section with a notice', async ({ page }, info) => {
    await open(page, info, '/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres');
    await page.locator('.lang-switch a[data-lang="en"]').click();
    await expect(page).toHaveURL(/\/en\/section\/media-and-migration\?notice=untranslated/);
    await expect(page.locator('h1')).toHaveText('Media and migration');
    await expect(page.locator('.notice')).toHaveText('This article is not available in English. Here is the section it belongs to.');
    await page.goto('/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres');
    await page.locator('.lang-switch a[data-lang="ar"]').click();
    await expectEdition(page, 'ar');
    await expect(page.locator('.notice')).toHaveText('هذا المقال غير متوفر باللغة العربية. إليك القسم الذي ينتمي إليه.');
  });

  test('switching on a section or page keeps the same place', async ({ page }, info) => {
    await open(page, info, '/ar/section/الإعلام-والهجرة');
    await expect(page.locator('h1')).toHaveText('الإعلام والهجرة');
    await page.locator('.lang-switch a[data-lang="fr"]').click();
    await expect(page.locator('h1')).toHaveText('Médias et migration');
    await open(page, info, '/en/page/legal-notice');
    await page.locator('.lang-switch a[data-lang="fr"]').click();
    await expect(page.locator('h1')).toHaveText('Mentions légales');
  });

  test('no French is left on Arabic pages', async ({ page }, info) => {
    await open(page, info, '/ar/');
    const chrome = await page.locator('header, footer, .block-title, .see-all').allInnerTexts();
    const latinWords = chrome.join(' ').match(/[A-Za-zÀ-ÿ]{4,}/g) ?? [];
    // Only the language names, social network names, email and brand are Latin.
    const allowed = /^(Français|English|Facebook|Twitter|Instagram|YouTube|LinkedIn|contact|ccme|CCME)$/;
    expect(latinWords.filter((w) => !allowed.test(w))).toEqual([]);
  });
}
