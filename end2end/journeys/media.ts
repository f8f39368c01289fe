// The media library after an upload: an item's own page shows the file, its
// description in each language side by side (Arabic right to left) to correct or
// complete, and what uses it; a description too long comes back with the typed text and
// a translated message; an author may describe but not delete; an editor deletes what
// nothing uses, files and all. Desktop in French, phone in Arabic; JavaScript on only
// (back-office pages load no script).
import { expect, test, type Browser, type TestInfo } from '@playwright/test';
import path from 'node:path';
import { AUTHOR, EDITOR, logIn } from './editor';

const UI = {
  fr: { edit: 'Modifier', upload: 'Téléverser', uploaded: 'Image ajoutée à la médiathèque.', save: 'Enregistrer', saved: 'Enregistré.', delete: 'Supprimer', deleted: 'Supprimé.', unused: 'Aucun contenu ne l’utilise : il peut être supprimé.', tooLong: 'Ce texte est trop long.' },
  ar: { edit: 'تعديل', upload: 'رفع', uploaded: 'أُضيفت الصورة إلى المكتبة.', save: 'حفظ', saved: 'تم الحفظ.', delete: 'حذف', deleted: 'تم الحذف.', unused: 'لا يستعمله أي محتوى: يمكن حذفه.', tooLong: 'هذا النص طويل جدًا.' },
} as const;

/** A page logged in as `email` in a context of its own, with the project's settings. */
async function pageOf(browser: Browser, info: TestInfo, email: string, lang: 'fr' | 'ar') {
  const use = info.project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, javaScriptEnabled: use.javaScriptEnabled, viewport: use.viewport, isMobile: use.isMobile, hasTouch: use.hasTouch });
  const page = await context.newPage();
  await logIn(page, email, lang);
  return page;
}

export function mediaJourney({ lang }: { lang: 'fr' | 'ar' }) {
  const ui = UI[lang];

  test(`${lang}: describe a picture after its upload, then delete it since nothing uses it`, async ({ browser }, info) => {
    test.setTimeout(60_000);
    const page = await pageOf(browser, info, EDITOR, lang);
    await page.goto('/admin/media');
    const label = `Affiche ${info.project.name} ${Date.now() % 1_000_000}`;
    await page.locator('#upload-file').setInputFiles(path.join(__dirname, '../../public/og-default.png'));
    await page.locator('#upload-alt-fr').fill(label);
    await page.getByRole('button', { name: ui.upload, exact: true }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.uploaded);
    await page.locator('.media-item', { hasText: label }).getByRole('link', { name: ui.edit }).click();
    await expect(page).toHaveURL(/\/admin\/media\/\d+$/);
    const itemPage = new URL(page.url()).pathname;
    const src = await page.locator('.media-preview img').getAttribute('src');
    await expect(page.locator('.notice', { hasText: ui.unused })).toBeVisible();
    await expect(page.locator('#field-alt_fr')).toHaveValue(label);
    await expect(page.locator('#field-alt_ar')).toHaveAttribute('dir', 'rtl');

    // Too long: the page comes back with what was typed and the message by the field.
    await page.locator('#field-alt_en').fill('x'.repeat(501));
    await page.getByRole('button', { name: ui.save, exact: true }).click();
    await expect(page.locator('#field-alt_en')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.field-problem')).toHaveText(ui.tooLong);
    await expect(page.locator('#field-alt_en')).toHaveValue('x'.repeat(501));

    await page.locator('#field-alt_en').fill('Youth forum poster');
    await page.locator('#field-alt_ar').fill('ملصق منتدى الشباب');
    await page.getByRole('button', { name: ui.save, exact: true }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.saved);
    await page.goto(itemPage);
    await expect(page.locator('#field-alt_ar')).toHaveValue('ملصق منتدى الشباب');
    await expect(page.locator('#field-alt_en')).toHaveValue('Youth forum poster');

    // An author describes too, but has no delete button.
    const author = await pageOf(browser, info, AUTHOR, lang);
    await author.goto(itemPage);
    await expect(author.getByRole('button', { name: ui.save, exact: true })).toBeVisible();
    await expect(author.getByRole('button', { name: ui.delete, exact: true })).toHaveCount(0);
    await author.context().close();

    // Nothing uses it: the editor deletes it, and its file is gone.
    expect((await page.request.get(src!)).status()).toBe(200);
    await page.getByRole('button', { name: ui.delete, exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/media\?done=deleted$/);
    await expect(page.locator('.notice-success')).toHaveText(ui.deleted);
    await expect(page.locator('.media-item', { hasText: label })).toHaveCount(0);
    expect((await page.request.get(src!)).status()).toBe(404);
    await page.context().close();
  });
}
