// Administration: an administrator adds a section named in the three languages, puts
// it in the footer under a new group heading, orders the group's links, and the public
// footer of each edition follows at once; then creates an account that logs in with
// its own language and changes its password, and is disabled again. Editors see none
// of it. The back office in French (desktop) or Arabic (phone); JavaScript on only
// (back-office pages load no script).
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { ADMIN } from './admin';
import { EDITOR, expectAccessible, logIn } from './editor';
import { ownClientAddress } from './mailbox';
import { FROM_THE_SITE } from './support';

const UI = {
  fr: { sections: 'Rubriques', newSection: 'Nouvelle rubrique', menus: 'Menus', newItem: 'Nouvel élément', save: 'Enregistrer', saved: 'Enregistré.', moved: 'Déplacé.', deleted: 'Supprimé.', required: 'Ce champ est obligatoire.', up: 'Monter', delete: 'Supprimer', accounts: 'Comptes', audit: 'Journal des modifications', create: 'Créer le compte', disable: 'Désactiver', changed: 'Modification faite.', adminsOnly: 'Réservé aux administrateurs.' },
  ar: { sections: 'الأقسام', newSection: 'قسم جديد', menus: 'القوائم', newItem: 'عنصر جديد', save: 'حفظ', saved: 'تم الحفظ.', moved: 'تم النقل.', deleted: 'تم الحذف.', required: 'هذا الحقل إلزامي.', up: 'إلى الأعلى', delete: 'حذف', accounts: 'الحسابات', audit: 'سجل التعديلات', create: 'إنشاء الحساب', disable: 'تعطيل', changed: 'تم التعديل.', adminsOnly: 'خاص بالمشرفين.' },
} as const;

/** A name no other run or project uses. */
function unique(base: string, info: TestInfo): string {
  return `${base} ${info.project.name} ${Date.now() % 100000}`;
}

async function logInAs(page: Page, email: string, lang: 'fr' | 'ar', password = ADMIN.password) {
  await ownClientAddress(page);
  await page.goto(`/admin/login?lang=${lang}&next=%2Fadmin`);
  await page.locator('#admin-email').fill(email);
  await page.locator('#admin-password').fill(password);
  await page.locator('#admin-password').press('Enter');
  await expect(page).toHaveURL(/\/admin$/);
}

/** A fresh page in the same project settings (JavaScript, viewport). */
async function otherPage(browser: Browser, info: TestInfo): Promise<Page> {
  const use = info.project.use;
  const context = await browser.newContext({ baseURL: use.baseURL, javaScriptEnabled: use.javaScriptEnabled, viewport: use.viewport, isMobile: use.isMobile, hasTouch: use.hasTouch });
  return context.newPage();
}

export function structureJourney({ lang }: { lang: 'fr' | 'ar' }) {
  const ui = UI[lang];

  test(`${lang}: a section in three languages, in the footer under a new heading`, async ({ page }, info) => {
    test.setTimeout(90_000);
    await logInAs(page, ADMIN.email, lang);
    await page.getByRole('link', { name: ui.sections, exact: true }).click();
    await page.getByRole('link', { name: ui.newSection }).click();
    // Nothing typed: refused with the problem next to the French name.
    await page.getByRole('button', { name: ui.save, exact: true }).click();
    await expect(page.locator('#field-name_fr')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#field-name_fr-problem')).toHaveText(ui.required);
    await expect(page.locator('fieldset[lang="ar"]')).toHaveAttribute('dir', 'rtl');

    const fr = unique('Jeunesse', info);
    const ar = unique('الشباب', info);
    const en = unique('Youth', info);
    await page.locator('#field-name_fr').fill(fr);
    await page.locator('#field-name_ar').fill(ar);
    await page.locator('#field-name_en').fill(en);
    await page.locator('#field-description_fr').fill('Les jeunes de la diaspora.');
    await page.getByRole('button', { name: ui.save, exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/sections\?done=saved$/);
    await expect(page.locator('.notice-success')).toHaveText(ui.saved);
    const shown = lang === 'ar' ? ar : fr;
    await expect(page.getByRole('link', { name: shown })).toBeVisible();
    const sectionUrl = await page.getByRole('link', { name: shown }).getAttribute('href');
    // The audit log says who did it.
    await page.getByRole('link', { name: ui.audit, exact: true }).click();
    const logged = page.locator('.admin-table tbody tr', { hasText: fr }).first();
    await expect(logged).toContainText('section.save');
    await expect(logged).toContainText(ADMIN.email);

    // A footer group heading named in each language, with two links under it.
    await page.getByRole('link', { name: ui.menus, exact: true }).first().click();
    const footerNew = page.locator('a[href="/admin/menus/new?menu=footer"]');
    await footerNew.click();
    await page.locator('#field-target').selectOption('none');
    const heading = { fr: unique('Découvrir', info), ar: unique('اكتشف', info), en: unique('Discover', info) };
    for (const [code, label] of Object.entries(heading)) await page.locator(`#field-label_${code}`).fill(label);
    await page.getByRole('button', { name: ui.save, exact: true }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.saved);
    const group = await page.getByRole('link', { name: heading[lang] }).getAttribute('href');
    const groupId = group!.split('/').pop()!;

    const addLink = async (target: string, fields: Record<string, string>) => {
      await footerNew.click();
      await page.locator('#field-parent').selectOption(groupId);
      await page.locator('#field-target').selectOption(target);
      for (const [id, value] of Object.entries(fields)) {
        const field = page.locator(`#field-${id}`);
        if ((await field.evaluate((e) => e.tagName)) === 'SELECT') await field.selectOption({ label: value });
        else await field.fill(value);
      }
      await page.getByRole('button', { name: ui.save, exact: true }).click();
      await expect(page.locator('.notice-success')).toHaveText(ui.saved);
    };
    await addLink('section', { section: shown });
    const homeLabel = unique('Accueil du groupe', info);
    await addLink('home', { label_fr: homeLabel, label_ar: unique('الرئيسية للمجموعة', info), label_en: unique('Group home', info) });
    // The home link moves above the section's.
    const homeRow = page.locator('.structure-row', { hasText: lang === 'fr' ? homeLabel : 'الرئيسية للمجموعة' });
    await homeRow.getByRole('button', { name: ui.up }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.moved);

    // Every edition's footer follows: the heading in its language, the links in order.
    for (const [code, name] of [['fr', fr], ['ar', ar], ['en', en]] as const) {
      await page.goto(`/${code}/`);
      const footer = page.locator('.footer-group', { has: page.getByRole('heading', { name: heading[code] }) });
      await expect(footer.locator('a')).toHaveCount(2);
      await expect(footer.locator('a').nth(1)).toHaveText(name);
      await expect(footer.locator('a').first()).toHaveAttribute('href', `/${code}/`);
    }
    await page.goto('/fr/');
    const footer = page.locator('.footer-group', { has: page.getByRole('heading', { name: heading.fr }) });
    await footer.getByRole('link', { name: fr }).click();
    await expect(page.locator('h1')).toHaveText(fr);

    // Clean up: the heading goes with its links, then the empty section.
    await page.goto(`/admin/menus/${groupId}`);
    await page.getByRole('button', { name: ui.delete }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.deleted);
    await page.goto(sectionUrl!);
    await page.getByRole('button', { name: ui.delete }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.deleted);
    await page.goto('/fr/');
    await expect(page.getByRole('heading', { name: heading.fr })).toHaveCount(0);
  });

  test(`${lang}: create an account that logs in, changes its password, and is disabled`, async ({ page, browser }, info) => {
    test.setTimeout(90_000);
    await logInAs(page, ADMIN.email, lang);
    await page.getByRole('link', { name: ui.accounts, exact: true }).first().click();
    const email = `redacteur-${info.project.name}-${Date.now()}@ccme.example`;
    await page.locator('#field-email').fill(email);
    await page.locator('#field-name').fill('Nadia');
    await page.locator('#field-role').selectOption('editor');
    await page.locator('#field-lang').selectOption('ar');
    await page.locator('#field-password').fill('a first passphrase');
    await page.getByRole('button', { name: ui.create }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.saved);
    const row = page.locator(`[data-account="${email}"]`);
    await expect(row).toBeVisible();

    // The new editor logs in, the back office in Arabic, and changes the password.
    const nadia = await otherPage(browser, info);
    await logInAs(nadia, email, 'ar', 'a first passphrase');
    await expect(nadia.locator('html')).toHaveAttribute('dir', 'rtl');
    await nadia.locator('#field-current').fill('a first passphrase');
    await nadia.locator('#field-password').fill('her own passphrase');
    await nadia.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
    await expect(nadia.locator('.notice-success')).toHaveText('تم تغيير كلمة المرور. أُغلقت جلساتك الأخرى.');

    // Disabled by the administrator: her next page is the log-in page.
    await row.getByRole('button', { name: ui.disable }).click();
    await expect(page.locator('.notice-success')).toHaveText(ui.changed);
    await nadia.goto('/admin/stories');
    await expect(nadia).toHaveURL(/\/admin\/login/);
    await nadia.context().close();
  });

  test(`${lang}: no axe violations on the administration screens`, async ({ browser }, info) => {
    // axe runs as a script in the page, so both twins audit with JavaScript on; several
    // pages a test, each audited whole, so it gets more than the default 30 s.
    test.setTimeout(120_000);
    const context = await browser.newContext({ ...info.project.use, javaScriptEnabled: true });
    const page = await context.newPage();
    await logInAs(page, ADMIN.email, lang);
    const section = await page.request.get('/admin/sections');
    const id = (await section.text()).match(/href="\/admin\/sections\/(\d+)"/)![1];
    await expectAccessible(page, ['/admin', '/admin/accounts', '/admin/sections', `/admin/sections/${id}`, '/admin/menus', '/admin/menus/new?menu=footer', '/admin/audit']);
    await context.close();
  });

  test(`${lang}: an editor reaches none of the administration screens`, async ({ page }) => {
    await logIn(page, EDITOR, lang);
    await expect(page.getByRole('link', { name: ui.accounts, exact: true })).toHaveCount(0);
    for (const path of ['/admin/accounts', '/admin/sections', '/admin/sections/new', '/admin/menus', '/admin/menus/new', '/admin/audit']) {
      await page.goto(path);
      await expect(page.locator('.notice-error'), path).toHaveText(ui.adminsOnly);
    }
    expect((await page.request.post('/admin/sections/new', { headers: FROM_THE_SITE, form: { name_fr: 'x', action: 'save' } })).status()).toBe(403);
  });
}
