// Writing in the back office: an editor writes a French article, adds its Arabic
// version beside it (right to left), schedules both a few seconds ahead and sees them
// appear on /fr/ and /ar/ on time, edits, unpublishes; an author can write and submit
// but not publish; nothing answers a logged-out visitor. JavaScript on only: the back
// office is server-rendered forms that load no script, so off would test the same.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { ADMIN } from './admin';
import { ownClientAddress } from './mailbox';
import { expectNotHydrated, FROM_THE_SITE } from './support';

export const EDITOR = 'editor@ccme.example';
export const AUTHOR = 'author@ccme.example';

/** Every back-office server function (`#[server(endpoint = …)]`). */
const SERVER_FUNCTIONS = ['dashboard', 'accounts', 'structure', 'audit', 'story_list', 'editor', 'preview', 'media', 'media_item', 'messages', 'message', 'subscribers', 'mailings', 'mailing'];

/** Every back-office page. */
const PAGES = ['/admin', '/admin/accounts', '/admin/audit', '/admin/sections', '/admin/sections/new', '/admin/sections/1', '/admin/menus', '/admin/menus/new', '/admin/menus/1', '/admin/media', '/admin/media/1', '/admin/messages', '/admin/messages/1', '/admin/subscribers', '/admin/subscribers/newsletter.csv', '/admin/mailings', '/admin/mailings/1', '/admin/stories', '/admin/stories/new', '/admin/stories/1/fr', '/fr/preview/1', '/ar/preview/1'];

const UI = {
  fr: { save: 'Enregistrer', saved: 'Enregistré.', schedule: 'Programmer', scheduled: 'Programmé.', publish: 'Publier', submit: 'Soumettre à la relecture', review: 'En relecture', unpublish: 'Dépublier', logIn: 'Se connecter', newArticle: 'Nouvel article' },
  ar: { save: 'حفظ', saved: 'تم الحفظ.', schedule: 'برمجة النشر', scheduled: 'تمت برمجة النشر.', publish: 'نشر', submit: 'إرسال للمراجعة', review: 'قيد المراجعة', unpublish: 'إلغاء النشر', logIn: 'دخول', newArticle: 'مقال جديد' },
} as const;

/** No WCAG 2.1 AA violation found by axe on any of `paths`. */
export async function expectAccessible(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${path} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}

export async function logIn(page: Page, email: string, lang: 'fr' | 'ar') {
  await ownClientAddress(page);
  await page.goto(`/admin/login?lang=${lang}&next=%2Fadmin%2Fstories`);
  await page.locator('#admin-email').fill(email);
  await page.locator('#admin-password').fill(ADMIN.password);
  await page.getByRole('button', { name: UI[lang].logIn, exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/stories$/);
  await expectNotHydrated(page);
}

/** A local `datetime-local` value `seconds` from now, in the browser's time zone. */
async function inSeconds(page: Page, seconds: number): Promise<string> {
  return page.evaluate((s) => {
    const d = new Date(Date.now() + s * 1000);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  }, seconds);
}

/** Fills the editor's text fields. */
async function write(page: Page, title: string, summary: string, body: string) {
  await page.locator('#editor-title').fill(title);
  await page.locator('#editor-summary').fill(summary);
  await page.locator('#editor-body').fill(body);
}

/** A title no other test run has used (all projects share one database). */
function unique(base: string, project: string): string {
  return `${base} ${project} ${Date.now() % 1_000_000}`;
}

export function editorJourney({ full = true, lang = 'fr' as 'fr' | 'ar' } = {}) {
  const ui = UI[lang];

  test('logged out: every back-office page and server function is refused', async ({ page, request }) => {
    for (const path of PAGES) {
      await page.goto(path);
      await expect(page, path).toHaveURL(/\/admin\/login\?next=/);
    }
    for (const endpoint of SERVER_FUNCTIONS) {
      const response = await request.post(`/api/admin/${endpoint}`, { headers: FROM_THE_SITE, form: {} });
      expect(response.status(), endpoint).toBe(401);
    }
    const post = await request.post('/admin/stories/new', { headers: FROM_THE_SITE, form: { title: 'x', action: 'publish' } });
    expect(post.status()).toBe(401);
    for (const path of ['/admin/accounts', '/admin/accounts/1', '/admin/password', '/admin/sections/new', '/admin/sections/1', '/admin/menus/new', '/admin/menus/1', '/admin/media/1', '/admin/mailings', '/admin/mailings/1']) {
      expect((await request.post(path, { headers: FROM_THE_SITE, form: { action: 'save' } })).status(), path).toBe(401);
    }
    const upload = await request.post('/admin/media', { headers: FROM_THE_SITE, multipart: { file: { name: 'a.png', mimeType: 'image/png', buffer: Buffer.from('x') } } });
    expect(upload.status()).toBe(401);
  });

  test(`${lang}: an author writes and submits but cannot publish; an editor publishes`, async ({ page, browser }, info) => {
    await logIn(page, AUTHOR, lang);
    await page.getByRole('link', { name: ui.newArticle }).click();
    const title = unique(lang === 'ar' ? 'مقال الكاتب' : 'Article de l’auteur', info.project.name);
    await write(page, title, 'Chapeau.', 'Un paragraphe.');
    await expect(page.getByRole('button', { name: ui.publish, exact: true })).toHaveCount(0);
    await expect(page.getByRole('button', { name: ui.schedule, exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: ui.submit }).click();
    await expect(page.locator('.notice-success')).toBeVisible();
    await expect(page.locator('.editor-status')).toHaveText(ui.review);
    const editorUrl = page.url().replace(/\?.*$/, '');

    // An editor finds it among the stories in review and publishes it.
    const context = await browser.newContext({ baseURL: info.project.use.baseURL, javaScriptEnabled: info.project.use.javaScriptEnabled, viewport: info.project.use.viewport });
    const editor = await context.newPage();
    await logIn(editor, EDITOR, lang);
    await editor.goto('/admin/stories?status=review');
    await editor.getByRole('link', { name: title }).click();
    await expect(editor).toHaveURL(editorUrl);
    await editor.getByRole('button', { name: ui.publish, exact: true }).click();
    await expect(editor.locator('.notice-success')).toBeVisible();
    const live = await editor.getByRole('link', { name: lang === 'ar' ? 'عرض على الموقع' : 'Voir sur le site' }).getAttribute('href');
    expect((await editor.goto(live!))?.status()).toBe(200);
    await expect(editor.locator('article h1')).toHaveText(title);
    await context.close();

    // Once live, the author can no longer change it.
    await page.goto(editorUrl);
    await expect(page.getByRole('button', { name: ui.save, exact: true })).toHaveCount(0);
    await expect(page.locator('#editor-title')).toBeDisabled();
  });

  test(`${lang}: no axe violations on the back office's pages`, async ({ browser }, info) => {
    // axe runs as a script in the page, so both twins audit with JavaScript on; several
    // pages a test, each audited whole, so it gets more than the default 30 s.
    test.setTimeout(120_000);
    const context = await browser.newContext({ ...info.project.use, javaScriptEnabled: true });
    const page = await context.newPage();
    await logIn(page, EDITOR, lang);
    await page.goto('/admin/stories');
    const story = await page.locator('.admin-story-title').first().getAttribute('href');
    const id = story!.split('/')[3];
    await page.goto('/admin/media');
    const item = await page.locator('.media-edit').first().getAttribute('href');
    await expectAccessible(page, ['/admin', '/admin/stories', '/admin/stories/new', `/admin/stories/${id}/fr`, `/admin/stories/${id}/ar`, '/admin/media', item!, '/admin/messages', '/admin/subscribers']);
    await context.close();
  });

  if (!full) return;

  test('fr: write an article, add its Arabic version, schedule both, see them go live, edit, unpublish', async ({ page }, info) => {
    test.setTimeout(90_000);
    await logIn(page, EDITOR, 'fr');
    await page.getByRole('link', { name: 'Nouvel article' }).click();
    const title = unique('Les jeunes de la diaspora au forum', info.project.name);
    await page.locator('#editor-section').selectOption({ index: 1 });
    await write(page, title, 'Un chapeau pour la une.', '## Première question\n\nUne **réponse** claire.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/stories\/\d+\/fr\?saved=save$/);
    await expect(page.locator('.notice-success')).toHaveText('Enregistré.');
    const story = page.url().match(/stories\/(\d+)\//)![1];

    // The list says the Arabic and English versions are missing.
    await page.goto(`/admin/stories?missing=ar&q=${encodeURIComponent(title)}`);
    await expect(page.locator('.admin-story')).toHaveCount(1);
    await expect(page.locator('.version-missing')).toHaveCount(2);

    // The Arabic version, written right to left beside the French one.
    await page.locator(`.admin-story a[hreflang="ar"]`).click();
    await expect(page).toHaveURL(new RegExp(`/admin/stories/${story}/ar$`));
    await expect(page.locator('.editor-form fieldset')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('.editor-reference h3')).toHaveText(title);
    await expect(page.locator('#reference-heading')).toContainText('Français');
    const arabicTitle = unique('شباب الجالية في المنتدى', info.project.name);
    await write(page, arabicTitle, 'مقدمة قصيرة.', '## السؤال الأول\n\nجواب **واضح**.');
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.locator('.notice-success')).toHaveText('Enregistré.');

    // Preview as readers will see it, before anything is public.
    await page.goto(`/ar/preview/${story}`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.locator('article h1')).toHaveText(arabicTitle);
    await expect(page.locator('.article-body h2')).toHaveText('السؤال الأول');

    // Both versions scheduled a few seconds ahead.
    const when = await inSeconds(page, 12);
    for (const version of ['fr', 'ar']) {
      await page.goto(`/admin/stories/${story}/${version}`);
      await page.locator('#editor-when').fill(when);
      await page.getByRole('button', { name: 'Programmer', exact: true }).click();
      await expect(page.locator('.notice-success')).toHaveText('Programmé.');
    }
    const slug = await page.request.get(`/fr/`).then((r) => r.text());
    expect(slug).not.toContain(title);

    // On time, both editions list it.
    await expect(async () => {
      await page.goto('/fr/');
      await expect(page.getByRole('link', { name: title }).first()).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 45_000, intervals: [2000] });
    await page.goto('/ar/');
    await expect(page.getByRole('link', { name: arabicTitle }).first()).toBeVisible();
    await page.getByRole('link', { name: arabicTitle }).first().click();
    await expect(page.locator('.article-body strong')).toHaveText('واضح');

    // Edited while live (a corrected summary, two tags), then unpublished.
    await page.goto(`/admin/stories/${story}/fr`);
    await page.locator('#editor-summary').fill('Un chapeau corrigé.');
    const tag = unique('Forum jeunesse', info.project.name);
    await page.locator('#editor-tags').fill(`${tag}, Engagement`);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.locator('#editor-tags')).toHaveValue(`Engagement, ${tag}`);
    const address = await page.getByRole('link', { name: 'Voir sur le site' }).getAttribute('href');
    await page.goto(address!);
    await expect(page.locator('.lede')).toHaveText('Un chapeau corrigé.');
    // Its tag leads to every story that carries it.
    await page.locator('.story-tags').getByRole('link', { name: tag }).click();
    await expect(page).toHaveURL(/\/fr\/tag\//);
    await expect(page.locator('h1')).toHaveText(tag);
    await expect(page.locator('main').getByRole('link', { name: title })).toBeVisible();
    await page.goto(`/admin/stories/${story}/fr`);
    await page.getByRole('button', { name: 'Dépublier', exact: true }).click();
    await expect(page.locator('.notice-success')).toContainText('Dépublié');
    const gone = await page.goto(address!);
    expect(gone?.status()).toBe(404);
  });

  test('fr: upload a picture, use it as a cover, and readers get its smaller sizes', async ({ page }, info) => {
    await logIn(page, EDITOR, 'fr');
    await page.getByRole('link', { name: 'Médiathèque' }).click();
    // A page of HTML named like a photo is refused by its content.
    await page.locator('#upload-file').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await page.getByRole('button', { name: 'Téléverser' }).click();
    await expect(page.locator('.notice-error')).toHaveText('Ce fichier n’est ni une image JPEG, PNG ou WebP, ni un PDF, ni un son MP3, M4A, Ogg, WAV ou FLAC.');

    const alt = unique('Forum de la jeunesse', info.project.name);
    await page.locator('#upload-file').setInputFiles(path.join(__dirname, '../../public/og-default.png'));
    await page.locator('#upload-alt-fr').fill(alt);
    await page.locator('#upload-alt-ar').fill('منتدى الشباب');
    await page.getByRole('button', { name: 'Téléverser' }).click();
    await expect(page.locator('.notice-success')).toHaveText('Image ajoutée à la médiathèque.');
    const item = page.locator('.media-item', { hasText: alt });
    await expect(item).toContainText('1200 × 630');
    await expect(item).toContainText('2 tailles réduites');
    const original = await item.locator('img').getAttribute('src');

    await page.goto('/admin/stories/new?lang=fr');
    const title = unique('Article illustré', info.project.name);
    // The picture also stands in the text, as Markdown.
    await write(page, title, 'Avec une image.', `Du texte.\n\n![${alt}](${original})`);
    const choice = await page.locator('#editor-cover option', { hasText: alt }).getAttribute('value');
    await page.locator('#editor-cover').selectOption(choice!);
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await expect(page.locator('.notice-success')).toBeVisible();
    await expect(page.locator('.editor-cover-preview')).toBeVisible();
    const address = await page.getByRole('link', { name: 'Voir sur le site' }).getAttribute('href');
    // The browser reads WebP, so it fetches a WebP rendition, not the PNG.
    const webp = page.waitForResponse((response) => /-\d+\.webp$/.test(response.url()));
    await page.goto(address!);
    expect((await webp).headers()['content-type']).toBe('image/webp');
    const cover = page.locator('.article-cover img');
    await expect(cover).toHaveAttribute('alt', alt);
    await expect(cover).toHaveAttribute('srcset', /-480\.jpg 480w/);
    await expect(cover).toHaveAttribute('srcset', /-960\.jpg 960w/);
    const webpSource = page.locator('.article-cover picture source[type="image/webp"]');
    await expect(webpSource).toHaveAttribute('srcset', /-480\.webp 480w, .*-960\.webp 960w/);
    // In the text too: the renditions, then the original at its width.
    const inText = page.locator('.article-body picture img');
    await expect(inText).toHaveAttribute('alt', alt);
    await expect(inText).toHaveAttribute('srcset', new RegExp(`-480\\.jpg 480w, .*-960\\.jpg 960w, ${original} 1200w$`));
    await expect(page.locator('.article-body picture source[type="image/webp"]')).toHaveAttribute('srcset', /-480\.webp 480w, .*-960\.webp 960w/);
    await expect.poll(() => inText.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);

    // The library says which story uses the picture, and offers no deletion.
    await page.goto(`/admin/media/${choice}`);
    await expect(page.locator('#media-uses + ul').getByRole('link', { name: title })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Supprimer', exact: true })).toHaveCount(0);
  });

  documentsJourney();
}

/** A small, complete PDF document. */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** The editor's address of the French version of the story titled `title`. */
async function editorOf(page: Page, title: string): Promise<string> {
  await page.goto(`/admin/stories?q=${encodeURIComponent(title)}`);
  const link = page.locator('.admin-story', { hasText: title }).locator('a[hreflang="fr"]').first();
  return (await link.getAttribute('href'))!;
}

function documentsJourney() {
  test('fr: write a new interview with its interviewee; readers find it among the interviews', async ({ page }, info) => {
    await logIn(page, EDITOR, 'fr');
    await page.locator('.admin-new-kinds').getByRole('link', { name: 'Entretien' }).click();
    await expect(page).toHaveURL(/\/admin\/stories\/new\?lang=fr&kind=interview$/);
    const title = unique('Entretien avec une chercheuse', info.project.name);
    await write(page, title, 'Une chercheuse à Bruxelles.', 'Question et réponse.');
    await page.locator('#editor-detail_country').fill('Belgique');
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    // Refused with both problems shown, the text kept.
    await expect(page.locator('#detail_interviewee-problem')).toHaveText('Ce champ est obligatoire.');
    await expect(page.locator('#detail_country-problem')).toHaveText('Cette valeur n’a pas la forme attendue (voir l’indication).');
    await expect(page.locator('#editor-title')).toHaveValue(title);
    await page.locator('#editor-detail_country').fill('be');
    const person = unique('Amal Idrissi', info.project.name);
    await page.locator('#editor-detail_interviewee').fill(person);
    await page.locator('#editor-detail_role').fill('Sociologue');
    // Her portrait: a picture of the library (the last one offered).
    const portrait = page.locator('#editor-detail_portrait_id');
    await expect(portrait.locator('option').first()).toHaveText('Aucune image');
    const pictureId = await portrait.locator('option').last().getAttribute('value');
    await portrait.selectOption(pictureId!);
    await page.getByRole('button', { name: 'Publier', exact: true }).click();
    await expect(page.locator('.notice-success')).toBeVisible();
    await expect(page.locator('#editor-detail_country')).toHaveValue('BE');
    await expect(portrait).toHaveValue(pictureId!);
    await page.goto(`/admin/media/${pictureId}`);
    await expect(page.locator('main')).toContainText(title);
    await page.goBack();
    await page.goto((await page.getByRole('link', { name: 'Voir sur le site' }).getAttribute('href'))!);
    await expect(page).toHaveURL(/\/fr\/interviews\//);
    await expect(page.locator('.person-name')).toHaveText(person);
    await expect(page.locator('.person-box img')).toBeVisible();
    await expect(page.locator('.person-role')).toHaveText('Sociologue');
    await page.goto('/fr/interviews?country=BE');
    await expect(page.getByRole('link', { name: title })).toBeVisible();
  });

  test('fr: upload a PDF and give it to a publication; readers get it', async ({ page }, info) => {
    await logIn(page, EDITOR, 'fr');
    await page.goto('/admin/media');
    // A cut PDF is refused; a complete one is kept, with its description.
    await page.locator('#upload-file').setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: PDF.subarray(0, 20) });
    await page.getByRole('button', { name: 'Téléverser' }).click();
    await expect(page.locator('.notice-error')).toHaveText('Ce fichier est abîmé ou incomplet et ne peut pas être lu.');
    const label = unique('Rapport annuel', info.project.name);
    await page.locator('#upload-file').setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.locator('#upload-alt-fr').fill(label);
    await page.getByRole('button', { name: 'Téléverser' }).click();
    await expect(page.locator('.notice-success')).toHaveText('Fichier ajouté à la médiathèque.');
    const file = page.locator('.media-file', { hasText: label });
    const href = await file.getByRole('link', { name: label }).getAttribute('href');
    expect(href).toMatch(/^\/media\/uploads\/\d{4}\/\d{2}\/\w+\.pdf$/);

    // One of the last books of the list, its own for each project running beside it
    // (the library journey reads 'Calligraphies d’exil').
    await page.goto('/fr/publications');
    const titles = (await page.locator('.library-page > ul.book-grid h3').allTextContents())
      .map((t) => t.trim())
      .filter((t) => t !== 'Calligraphies d’exil');
    const title = titles[titles.length - (info.project.name.includes('hydrate') ? 2 : 1)];
    await page.goto(await editorOf(page, title));
    const choice = await page.locator('#editor-attachment option', { hasText: label }).getAttribute('value');
    await page.locator('#editor-attachment').selectOption(choice!);
    await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
    await expect(page.locator('.notice-success')).toHaveText('Enregistré.');
    await expect(page.locator('#editor-attachment')).toHaveValue(choice!);
    await page.goto((await page.getByRole('link', { name: 'Voir sur le site' }).getAttribute('href'))!);
    await expect(page.getByRole('link', { name: 'Lire le PDF' })).toHaveAttribute('href', href!);
    const served = await page.request.get(href!);
    expect(served.headers()['content-type']).toBe('application/pdf');
  });
}
