// The publications library: a reader browses the collections, filters by collection,
// year and the book's language, opens a book and reads or downloads its PDF (served
// with byte ranges so viewers open large files fast). French and Arabic (RTL), with and
// without JavaScript.
import { expect, test } from '@playwright/test';
import { expectEdition, hydrated, open } from './support';

const TEXT = {
  fr: { title: 'Publications', all: '25 publications', studies: 'Études', studiesCount: '5 publications', newReleases: 'Vient de paraître', read: 'Lire le PDF', contents: 'Sommaire', book: 'Calligraphies d’exil', isbn: '9789954061398' },
  ar: { title: 'إصدارات', all: '25 إصدارا', studies: 'دراسات', studiesCount: '5 إصدارات', newReleases: 'صدر حديثا', read: 'قراءة ملف PDF', contents: 'المحتويات', book: 'خطوط المنفى', isbn: '9789954061398' },
} as const;

/** `langs`: editions to go through. */
export function libraryJourney({ langs = ['fr', 'ar'] as ('fr' | 'ar')[] } = {}) {
  for (const lang of langs) {
    const words = TEXT[lang];

    test(`${lang}: browse, filter by collection, open a book and its PDF`, async ({ page }, info) => {
      await open(page, info, `/${lang}/publications`);
      await expectEdition(page, lang);
      await expect(page.locator('h1')).toHaveText(words.title);
      await expect(page.locator('.new-releases h2')).toHaveText(words.newReleases);
      await expect(page.locator('p.count')).toHaveText(words.all);
      await expect(page.locator('.library-page > ul.book-grid > li')).toHaveCount(12);

      // Filter by collection: a GET form, so the address can be shared.
      await page.locator('select[name="collection"]').selectOption({ label: `${words.studies} (5)` });
      await page.locator('.library-filters button[type="submit"]').click();
      await expect(page).toHaveURL(/[?&]collection=[^&]+/);
      await expect(page.locator('p.count')).toHaveText(words.studiesCount);
      await expect(page.locator('.new-releases')).toHaveCount(0);
      const metas = page.locator('.library-page > ul.book-grid .book-meta');
      await expect(metas).toHaveCount(5);
      for (const meta of await metas.all()) {
        await expect(meta).toContainText(words.studies);
      }

      // Year and the book's own language combine; the form keeps what was chosen.
      await open(page, info, `/${lang}/publications?year=2025&language=ar`);
      await expect(page.locator('select[name="year"]')).toHaveValue('2025');
      await expect(page.locator('select[name="language"]')).toHaveValue('ar');
      const book = page.locator('.library-page > ul.book-grid h3 a', { hasText: words.book });
      await expect(book).toBeVisible();
      await book.click();

      await expect(page.locator('h1')).toHaveText(words.book);
      await expectEdition(page, lang);
      await expect(page.locator('.book-details')).toContainText(words.isbn);
      await expect(page.locator('.book-contents h2')).toHaveText(words.contents);
      await expect(page.locator('.book-contents li')).toHaveCount(3);
      await expect(page.locator('.breadcrumb')).toContainText(words.title);

      // The PDF: whole, then a byte range as a PDF viewer asks for it.
      const read = page.getByRole('link', { name: words.read });
      const href = (await read.getAttribute('href'))!;
      const whole = await page.request.get(href);
      expect(whole.status()).toBe(200);
      expect(whole.headers()['content-type']).toBe('application/pdf');
      expect(whole.headers()['accept-ranges']).toBe('bytes');
      const body = await whole.body();
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      const tail = await page.request.get(href, { headers: { range: 'bytes=-6' } });
      expect(tail.status()).toBe(206);
      expect((await tail.body()).toString()).toBe('%%EOF\n');
      await expect(page.locator('a[download]')).toHaveAttribute('href', href);
    });
  }

  test('the switcher leads to the same book in the other edition', async ({ page }, info) => {
    await open(page, info, '/fr/publications/calligraphies-d-exil');
    await page.locator('.lang-switch a[hreflang="ar"]').click();
    await expect(page.locator('h1')).toHaveText(TEXT.ar.book);
    await expectEdition(page, 'ar');
    if (hydrated(info)) {
      await expect(page.locator('html')).toHaveAttribute('data-hydrated', 'true');
    }
  });
}
