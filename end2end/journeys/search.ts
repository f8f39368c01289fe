// The header's search: results in each edition, shareable URL, harmless bad input.
import { expect, test } from '@playwright/test';
import { expectEdition, open } from './support';

const CASES = [
  { lang: 'fr', word: 'Avramopoulos', title: 'L’UE soutient le Maroc dans ses efforts d’intégration des immigrés', none: 'Aucun résultat' },
  { lang: 'ar', word: 'مرحبا', title: 'عملية مرحبا 2023: الموانئ تستعد لاستقبال مغاربة العالم', none: 'لا توجد نتائج' },
  { lang: 'en', word: 'remittances', title: 'Remittances from Moroccans abroad reach a record', none: 'No results' },
] as const;

export function searchJourney() {
  for (const { lang, word, title, none } of CASES) {
    test(`${lang}: search from the header finds an article`, async ({ page }, info) => {
      await open(page, info, `/${lang}/`);
      await page.locator('.search-link').click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/search`));
      await expectEdition(page, lang);
      await page.locator('#search-input').fill(word);
      await page.locator('.search-form button[type=submit]').click();
      await expect(page).toHaveURL(/\?q=/);
      await expect(page.locator('#search-input')).toHaveValue(word);
      await expect(page.locator('.card-list-standard .card-title', { hasText: title }).first()).toBeVisible();
      await open(page, info, `/${lang}/search?q=zzqqxx`);
      await expect(page.locator('.search-status')).toContainText(none);
    });
  }

  test('bad input is searched as text, never an error page', async ({ page }, info) => {
    for (const q of ['"', '%', 'NEAR(a OR b*)', '😀', 'Maroc'.repeat(1000)]) {
      const response = await open(page, info, `/fr/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q.slice(0, 20)).toBe(200);
      await expect(page.locator('.search-status')).toBeVisible();
    }
    await expect(page.locator('.notice')).toContainText('200 premiers caractères');
  });
}
