// A reader in each language: home → a section → an article → a related article.
import { expect, test } from '@playwright/test';
import { LANGS, WORDS, expectEdition, expectSameDocument, markDocument, open } from './support';

export function readingJourney() {
  for (const lang of LANGS) {
    test(`${lang}: home → section → article → related article`, async ({ page }, info) => {
      const response = await open(page, info, `/${lang}/`);
      expect(response?.status()).toBe(200);
      await expectEdition(page, lang);
      await expect(page.locator('.home-block').first()).toBeVisible();
      await markDocument(page, info);

      // A section from the home page's blocks.
      const sectionLink = page.locator('.home-block .block-title a').first();
      const sectionName = (await sectionLink.innerText()).trim();
      await sectionLink.click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/section/`));
      await expect(page.locator('h1')).toHaveText(sectionName);
      await expect(page.locator('.breadcrumb')).toContainText(WORDS[lang].home);
      await expect(page.locator('.card-list-standard .card').first()).toBeVisible();
      await expectSameDocument(page, info);

      // An article of that section.
      const articleLink = page.locator('.card-list-standard .card-title a').first();
      const articleTitle = (await articleLink.innerText()).trim();
      await articleLink.click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/article/`));
      await expect(page.locator('article h1')).toHaveText(articleTitle);
      await expect(page.locator('.article-date time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}/);
      await expect(page.locator('.article-body p').first()).toBeVisible();
      await expect(page.locator('.latest h2')).toHaveText(WORDS[lang].latest);
      await expect(page.locator('.latest .card')).toHaveCount(4);
      await expect(page.locator('meta[name="description"]')).toHaveCount(1);
      await expect(page).toHaveTitle(new RegExp(articleTitle.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
      await expectSameDocument(page, info);

      // A related article, nearest in time in the same section.
      await expect(page.locator('.related h2')).toHaveText(WORDS[lang].related);
      const related = page.locator('.related .card-title a').first();
      const relatedTitle = (await related.innerText()).trim();
      await related.click();
      await expect(page.locator('article h1')).toHaveText(relatedTitle);
      await expectEdition(page, lang);
      await expectSameDocument(page, info);
    });
  }

  test('the press-review article of the current site, in full', async ({ page }, info) => {
    await open(page, info, '/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres');
    await expect(page.locator('article h1')).toHaveText('L’UE soutient le Maroc dans ses efforts d’intégration des immigrés');
    await expect(page.locator('.breadcrumb')).toContainText('Archives du CCME');
    await expect(page.locator('.breadcrumb')).toContainText('Médias et migration');
    await expect(page.locator('.article-date')).toHaveText('19 avril 2015');
    await expect(page.locator('.signature')).toHaveText('17 avril 2015, Ayoub Lahrache');
    await expect(page.locator('.source')).toContainText('LE MATIN');
    await expect(page.locator('.related .card')).toHaveCount(6);
  });

  test('section pages paginate', async ({ page }, info) => {
    await open(page, info, '/fr/section/actualites');
    await markDocument(page, info);
    const first = await page.locator('.card-list-standard .card-title').first().innerText();
    await page.locator('.pagination-next').click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.locator('.pagination-status')).toContainText('Page 2 sur');
    await expect(page.locator('.card-list-standard .card-title').first()).not.toHaveText(first);
    await expectSameDocument(page, info);
    // Nonsense page numbers are not errors.
    const response = await open(page, info, '/fr/section/actualites?page=abc');
    expect(response?.status()).toBe(200);
    await open(page, info, '/fr/section/actualites?page=999');
    await expect(page.locator('.notice')).toContainText('moins de pages');
  });
}
