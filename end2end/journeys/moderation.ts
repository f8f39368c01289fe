// Moderation: a reader's contact message is answered by e-mail from the editors'
// queue, an op-ed becomes a draft article, the subscriber lists are counted and
// exported as CSV; an author sees none of it. JavaScript on only (back-office pages load
// no script).
import { expect, test, type Page } from '@playwright/test';
import { AUTHOR, EDITOR, logIn } from './editor';
import { freshAddress, likeAPerson, ownClientAddress, waitForMails } from './mailbox';
import { FROM_THE_SITE } from './support';

const OP_ED = 'La mémoire des migrations est une part de l’histoire commune. '.repeat(8);

async function send(page: Page, path: string, fields: Record<string, string>, agree = false) {
  await ownClientAddress(page);
  await page.goto(path);
  const form = page.locator('main form.reader-form');
  for (const [id, value] of Object.entries(fields)) await form.locator(`#${id}`).fill(value);
  if (agree) await form.locator('#op-ed-agree').check();
  await likeAPerson(page);
  await form.locator('button[type="submit"]').click();
  await expect(page.locator('main .form-sent')).toBeVisible();
}

export function moderationJourney() {
  test('fr: answer a contact message, accept an op-ed as a draft, export subscribers', async ({ page }, info) => {
    test.setTimeout(60_000);
    const email = freshAddress(`moderation-${info.project.name}`);
    const subject = `Rapport annuel ${info.project.name} ${Date.now()}`;
    const title = `Tribune reçue ${info.project.name} ${Date.now()}`;
    await send(page, '/fr/contact', { 'contact-name': 'Amina', 'contact-email': email, 'contact-subject': subject, 'contact-message': 'Où trouver le rapport ?' });
    await send(page, '/fr/tribune', { 'op-ed-name': 'Youssef Alami', 'op-ed-email': email, 'op-ed-country': 'Belgique', 'op-ed-title': title, 'op-ed-text': OP_ED }, true);

    await logIn(page, EDITOR, 'fr');
    await page.goto('/admin/messages?status=new');
    await page.getByRole('link', { name: subject }).click();
    await expect(page.locator('.message-body')).toHaveText('Où trouver le rapport ?');
    await expect(page.locator('.message-status')).toHaveText('Lu');
    await page.locator('#reply-text').fill('Bonjour,\n\nle rapport est sur notre site.');
    await page.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect(page.locator('.notice-success')).toHaveText('Réponse envoyée.');
    await expect(page.locator('.message-status')).toHaveText('Répondu');
    const mails = await waitForMails(email, 3);
    const reply = mails.find((m) => m.text.includes('le rapport est sur notre site.'));
    expect(reply?.headers).toContain('Re: Rapport annuel');

    await page.goto('/admin/messages?status=new');
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Accepter comme brouillon d’article' }).click();
    await expect(page).toHaveURL(/\/admin\/stories\/\d+\/fr\?saved=save$/);
    await expect(page.locator('#editor-title')).toHaveValue(title);
    await expect(page.locator('#editor-signature')).toHaveValue('Youssef Alami');
    await expect(page.locator('.editor-status')).toHaveText('Brouillon');

    await page.goto('/admin/subscribers');
    await expect(page.locator('#list-newsletter table')).toBeVisible();
    const csv = await page.request.get('/admin/subscribers/newsletter.csv');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect((await csv.text()).split('\r\n')[0]).toBe('email,language,confirmed_at');
  });

  test('fr: an author cannot moderate', async ({ page }) => {
    await logIn(page, AUTHOR, 'fr');
    await page.goto('/admin/messages');
    await expect(page.locator('.notice-error')).toHaveText('Réservé aux éditeurs et administrateurs.');
    expect((await page.request.get('/admin/subscribers/newsletter.csv')).status()).toBe(403);
    expect((await page.request.post('/admin/messages/1', { headers: FROM_THE_SITE, form: { action: 'reject' } })).status()).toBe(403);
  });
}
