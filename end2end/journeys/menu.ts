// The main menu: two levels on desktop (hover and keyboard), a toggle on phones.
import { expect, test } from '@playwright/test';
import { expectSameDocument, markDocument, open, openMenuIfCollapsed } from './support';

export function menuJourney() {
  test('the menu reaches a second-level section', async ({ page }, info) => {
    await open(page, info, '/fr/');
    await markDocument(page, info);
    await openMenuIfCollapsed(page);
    const archives = page.locator('.menu > li.has-sub', { hasText: 'Archives du CCME' });
    await archives.locator('> a').hover();
    const sub = archives.locator('.submenu a', { hasText: 'Médias et migration' });
    await expect(sub).toBeVisible();
    await sub.click();
    await expect(page).toHaveURL(/\/fr\/section\/medias-et-migration$/);
    await expect(page.locator('h1')).toHaveText('Médias et migration');
    await expectSameDocument(page, info);
  });

  test('the menu is usable with the keyboard', async ({ page }, info) => {
    test.skip(info.project.name.startsWith('mobile'), 'phones use the toggle');
    await open(page, info, '/en/');
    const news = page.locator('.menu > li.has-sub', { hasText: 'News' }).first();
    await news.locator('> a').focus();
    await page.keyboard.press('Tab');
    await expect(news.locator('.submenu')).toBeVisible();
    await expect(news.locator('.submenu a').first()).toBeFocused();
  });
}

export function phoneMenuJourney() {
  for (const lang of ['fr', 'ar'] as const) {
    test(`${lang}: the phone menu opens, leads to a page and closes`, async ({ page }, info) => {
      await open(page, info, `/${lang}/`);
      await expect(page.locator('.menu')).toBeHidden();
      await page.locator('.menu-toggle').click();
      await expect(page.locator('.menu')).toBeVisible();
      const link = page.locator('.menu .submenu a').first();
      await expect(link).toBeVisible();
      await link.click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/(section|page)/`));
      await expect(page.locator('.menu')).toBeHidden();
    });
  }
}
