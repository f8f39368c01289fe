// Searching the archive. Hydrated, the header's search button opens the overlay that
// answers while typing; without JavaScript it leads to the results page, which works
// the same with a submit. Both end on the article that was looked for.
import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { expectEdition, hydrated, open } from './support';

const AVRAMO = 'L’UE soutient le Maroc dans ses efforts d’intégration des immigrés';
const SUMMER = 'شباب الجالية: المجلس يطلق جامعة صيفية بإفران';

const CASES = [
  // Typed as a reader types: a prefix, Arabic without taa marbuta or vowels.
  { lang: 'fr', typed: 'Avramo', title: AVRAMO, mark: 'Avramopoulos', none: 'Aucun résultat' },
  { lang: 'ar', typed: 'جامعه صيف', title: SUMMER, mark: 'جامعة', none: 'لا توجد نتائج' },
  { lang: 'en', typed: 'remittance', title: 'Remittances from Moroccans abroad reach a record', mark: 'Remittances', none: 'No results' },
] as const;

const pageStatus = (page: Page) => page.locator('.search-page .search-status');

/** Finds `title` by typing `typed` after the header's search button, and opens it. */
async function findAndOpen(page: Page, info: TestInfo, lang: string, typed: string, title: string) {
  await page.locator('.search-link').click();
  if (hydrated(info)) {
    const input = page.locator('#quick-search-input');
    await expect(page.locator('.search-overlay')).toBeVisible();
    await expect(input).toBeFocused();
    await input.pressSequentially(typed, { delay: 60 });
    // Wait for the answer to the whole text (earlier answers show while typing).
    await expect(page.locator('#quick-results')).toHaveAttribute('data-query', typed);
    const options = page.locator('#quick-results [role=option]');
    await expect(options.filter({ hasText: title })).toHaveCount(1);
    const titles = await options.locator('.quick-hit-title').allTextContents();
    const index = titles.findIndex((t) => t === title);
    for (let i = 0; i <= index; i++) await input.press('ArrowDown');
    await expect(input).toHaveAttribute('aria-activedescendant', `quick-hit-${index}`);
    await expect(options.nth(index)).toHaveAttribute('aria-selected', 'true');
    await input.press('Enter');
    await expect(page.locator('.search-overlay')).toBeHidden();
  } else {
    await expect(page).toHaveURL(new RegExp(`/${lang}/search$`));
    await page.locator('#search-input').fill(typed);
    await page.locator('#search-input').press('Enter');
    await expect(page.locator('#search-input')).toHaveValue(typed);
    await page.locator('.hit-title a', { hasText: title }).click();
  }
  await expect(page).toHaveURL(new RegExp(`/${lang}/article/`));
  await expect(page.locator('h1')).toHaveText(title);
}

export function searchJourney() {
  for (const { lang, typed, title, mark, none } of CASES) {
    test(`${lang}: type a few letters from the header, open the article`, async ({ page }, info) => {
      await open(page, info, `/${lang}/`);
      await findAndOpen(page, info, lang, typed, title);
      await expectEdition(page, lang);
    });

    test(`${lang}: results page ranks, marks the match and keeps the query`, async ({ page }, info) => {
      await open(page, info, `/${lang}/search?q=${encodeURIComponent(typed)}`);
      await expectEdition(page, lang);
      await expect(page.locator('#search-input')).toHaveValue(typed);
      const hit = page.locator('.search-hit', { hasText: title });
      await expect(hit).toBeVisible();
      await expect(hit.locator('mark').first()).toHaveText(mark);
      await open(page, info, `/${lang}/search?q=zzqqxx`);
      await expect(pageStatus(page)).toContainText(none);
      await expect(page.locator('.search-tips li')).not.toHaveCount(0);
    });
  }

  test('filters narrow by year and section, and pages keep them', async ({ page }, info) => {
    await open(page, info, '/fr/search?q=maroc');
    await expect(page.locator('.search-hit').first()).toBeVisible();
    await page.locator('select[name=year]').selectOption('2015');
    await page.locator('#search-input').press('Enter');
    await expect(page).toHaveURL(/year=2015/);
    await expect(page.locator('select[name=year]')).toHaveValue('2015');
    // Hydrated, the URL changes first and the results follow: wait for them.
    await expect(async () => {
      const dates = await page.locator('.search-hit time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) expect(date).toMatch(/^2015-/);
    }).toPass();
    await page.locator('select[name=year]').selectOption('');
    await page.locator('select[name=section]').selectOption('medias-et-migration');
    await page.locator('#search-input').press('Enter');
    await expect(page).toHaveURL(/section=medias-et-migration/);
    await expect(async () => {
      const sections = await page.locator('.search-hit .hit-section').allTextContents();
      expect(sections.length).toBeGreaterThan(0);
      for (const name of sections) expect(name).toBe('Médias et migration');
    }).toPass();
  });

  test('an empty edition points to the other languages', async ({ page }, info) => {
    await open(page, info, '/ar/search?q=Avramopoulos');
    await expect(pageStatus(page)).toContainText('لا توجد نتائج');
    await page.locator('.search-tips a', { hasText: 'بالفرنسية أو الإنجليزية' }).click();
    await expect(page).toHaveURL(/all=1/);
    await expect(page.locator('input[name=all]')).toBeChecked();
    const hit = page.locator('.search-hit', { hasText: AVRAMO });
    await expect(hit.locator('.hit-lang')).toHaveText('Français');
    await expect(hit).toHaveAttribute('dir', 'ltr');
    await expect(hit.locator('.hit-title a')).toHaveAttribute('href', /^\/fr\/article\//);
    await expectEdition(page, 'ar');
  });

  test('bad input is searched as text, never an error page', async ({ page }, info) => {
    for (const q of ['"', '%', 'NEAR(a OR b*)', '😀', '(Maroc', 'Maroc'.repeat(1000)]) {
      const response = await open(page, info, `/fr/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q.slice(0, 20)).toBe(200);
      await expect(pageStatus(page)).toBeVisible();
    }
    await expect(page.locator('.notice')).toContainText('200 premiers caractères');
  });

  test('overlay: results follow each key, Esc and / close and open it', async ({ page }, info) => {
    test.skip(!hydrated(info), 'the overlay needs JavaScript; without it the button opens the results page');
    for (const lang of ['fr', 'ar'] as const) {
      await open(page, info, `/${lang}/`);
      await page.keyboard.press('/');
      const input = page.locator('#quick-search-input');
      await expect(input).toBeFocused();
      const status = page.locator('.search-overlay .search-status');
      await input.pressSequentially(lang === 'fr' ? 'ma' : 'مغ', { delay: 60 });
      await expect(page.locator('#quick-results [role=option]').first()).toBeVisible();
      const broad = await status.textContent();
      await input.pressSequentially(lang === 'fr' ? 'roc zzqqxx' : 'رب zzqqxx', { delay: 60 });
      await expect(page.locator('#quick-results [role=option]')).toHaveCount(0);
      await expect(status).not.toHaveText(broad ?? '');
      await expect(input).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.press('Escape');
      await expect(page.locator('.search-overlay')).toBeHidden();
      await expect(page.locator('.search-link')).toBeFocused();
    }
    // A click (or tap) on a result opens it too.
    await page.keyboard.press('/');
    await page.locator('#quick-search-input').fill('');
    await page.locator('#quick-search-input').pressSequentially('الجاليه', { delay: 40 });
    await expect(page.locator('#quick-results')).toHaveAttribute('data-query', 'الجاليه');
    await page.locator('#quick-results [role=option]').first().click();
    // The newest match: an article, a publication or a podcast episode.
    await expect(page).toHaveURL(/\/ar\/(article|publications|podcasts\/episode)\//);
    await expect(page.locator('.search-overlay')).toBeHidden();
  });
}
