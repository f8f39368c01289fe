// Faces of the diaspora: a reader browses the gallery by the A–Z index (Latin letters
// in French, the Arabic alphabet in Arabic), narrows it by field, opens a profile and
// goes from it to the interview about the person and back. French and Arabic (RTL),
// with and without JavaScript.
import { expect, test } from '@playwright/test';
import { expectEdition, hydrated, open } from './support';

const TEXT = {
  fr: {
    title: 'Visages de la diaspora', all: '20 portraits', allLetters: 'Tous', letter: 'B', empty: 'Q', letters: 26,
    b: ['Salma Benjelloun', 'Omar Bensaïd', 'Mehdi Berrada'], bLine: 'Noms en B · 3 portraits',
    science: 'Sciences (4)', bScience: 'Noms en B · 1 portrait', allScience: '4 portraits',
    salma: 'Salma Benjelloun', field: 'Sciences', place: 'Lyon, France', portrait: 'Portrait (illustration) : Salma Benjelloun',
    karima: 'Karima Ahdad', interview: 'Karima Ahdad, écrivaine et journaliste', seeProfile: 'Voir son portrait',
    article: { letter: 'E', name: 'Youssef El Amrani' },
  },
  ar: {
    title: 'وجوه من الجالية', all: '20 بورتريها', allLetters: 'الكل', letter: 'ب', empty: 'ث', letters: 28,
    b: ['مهدي برادة', 'سلمى بنجلون', 'عمر بنسعيد'], bLine: 'الأسماء بحرف ب · 3 بورتريهات',
    science: 'العلوم (4)', bScience: 'الأسماء بحرف ب · بورتريه واحد', allScience: '4 بورتريهات',
    salma: 'سلمى بنجلون', field: 'العلوم', place: 'ليون، فرنسا', portrait: 'صورة (رسم توضيحي): سلمى بنجلون',
    karima: 'كريمة أحداد', interview: 'كريمة أحداد', seeProfile: 'بورتريه الضيف',
    // «العمراني» files under ع: the article ال is set aside.
    article: { letter: 'ع', name: 'يوسف العمراني' },
  },
} as const;

/** `langs`: editions to go through. */
export function facesJourney({ langs = ['fr', 'ar'] as ('fr' | 'ar')[] } = {}) {
  for (const lang of langs) {
    const words = TEXT[lang];

    test(`${lang}: A–Z index, field filter, open a profile`, async ({ page }, info) => {
      await open(page, info, `/${lang}/faces`);
      await expectEdition(page, lang);
      await expect(page.locator('h1')).toHaveText(words.title);
      await expect(page.locator('p.count')).toHaveText(words.all);
      const index = page.locator('nav.az-index');
      // Every letter of the edition's alphabet is shown; those with no name are not links.
      await expect(index.locator('li')).toHaveCount(words.letters + 1);
      await expect(index.locator('.az-empty', { hasText: words.empty })).toHaveAttribute('aria-disabled', 'true');
      await expect(index.locator('a', { hasText: words.allLetters })).toHaveAttribute('aria-current', 'page');

      await index.getByRole('link', { name: words.letter, exact: true }).click();
      await expect(page).toHaveURL(/letter=/);
      await expect(page.locator('p.count')).toHaveText(words.bLine);
      await expect(page.locator('.face-card h2')).toHaveText([...words.b]);
      await expect(index.getByRole('link', { name: words.letter, exact: true })).toHaveAttribute('aria-current', 'page');

      // The field filter keeps the letter chosen; "all" keeps the field.
      await page.locator('select[name="field"]').selectOption({ label: words.science });
      await page.locator('.library-filters button[type="submit"]').click();
      await expect(page).toHaveURL(/field=science/);
      await expect(page.locator('p.count')).toHaveText(words.bScience);
      await index.getByRole('link', { name: words.allLetters }).click();
      await expect(page).toHaveURL(/field=science/);
      await expect(page).not.toHaveURL(/letter=/);
      await expect(page.locator('p.count')).toHaveText(words.allScience);

      await page.locator('.face-card h2 a', { hasText: words.salma }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/faces/`));
      await expect(page.locator('h1')).toHaveText(words.salma);
      const person = page.locator('.person-box');
      await expect(person.locator('.person-role')).toHaveText(words.field);
      await expect(person.locator('.person-place')).toHaveText(words.place);
      await expect(person.locator('img')).toHaveAttribute('alt', words.portrait);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${lang}/faces/`));
      // The trail leads back to the gallery.
      await page.locator('.breadcrumb a', { hasText: words.title }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/faces$`));
    });

    test(`${lang}: Arabic and Latin names file under the letter a reader looks for`, async ({ page }, info) => {
      await open(page, info, `/${lang}/faces`);
      await page.locator('nav.az-index').getByRole('link', { name: words.article.letter, exact: true }).click();
      await expect(page.locator('.face-card h2')).toHaveText([words.article.name]);
    });

    test(`${lang}: from a profile to the interview about the person, and back`, async ({ page }, info) => {
      await open(page, info, `/${lang}/faces`);
      await page.locator('.face-card h2 a', { hasText: words.karima }).click();
      await expect(page.locator('h1')).toHaveText(words.karima);
      await page.locator('.related a', { hasText: words.interview }).first().click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/interviews/`));
      const person = page.locator('.person-box');
      await expect(person.locator('.person-name')).toHaveText(words.karima);
      await expect(person.locator('img')).toBeVisible();
      await person.getByRole('link', { name: words.seeProfile }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/faces/`));
      await expect(page.locator('h1')).toHaveText(words.karima);
    });
  }

  test('the switcher leads to the same profile in the other edition', async ({ page }, info) => {
    await open(page, info, '/fr/faces');
    await page.locator('.face-card h2 a', { hasText: 'Salma Benjelloun' }).click();
    await expect(page.locator('h1')).toHaveText('Salma Benjelloun');
    await page.locator('.lang-switch a[hreflang="ar"]').click();
    await expect(page).toHaveURL(/\/ar\/faces\//);
    await expect(page.locator('h1')).toHaveText('سلمى بنجلون');
    await expectEdition(page, 'ar');
    if (hydrated(info)) {
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    }
  });
}
