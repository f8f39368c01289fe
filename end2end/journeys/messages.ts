// Writing to the institution: the contact form and the op-ed form send with and
// without JavaScript in the three editions; the reader gets an acknowledgement, the
// editors a notification that answers the reader; problems are translated next to
// their fields and nothing typed is lost; too many posts from one address are refused
// without saying why. The privacy notice is one click away from every form.
import { expect, test } from '@playwright/test';
import { FROM_THE_SITE, LANGS, expectEdition, hydrated, open } from './support';
import { freshAddress, likeAPerson, mailsTo, ownClientAddress, waitForMails } from './mailbox';

const TEXT = {
  fr: { sent: 'votre message a bien été envoyé', opEdSent: 'Votre tribune a bien été reçue', ack: 'Nous avons bien reçu', type: 'Joignez un fichier PDF ou Word', required: 'Ce champ est obligatoire', agree: 'Cochez cette case', later: 'Réessayez dans quelques minutes', privacy: 'Protection des données personnelles' },
  ar: { sent: 'تم إرسال رسالتك', opEdSent: 'توصلنا بمقالك', ack: 'توصلنا', type: 'أرفق ملف PDF أو Word', required: 'هذا الحقل إلزامي', agree: 'ضع علامة في هذه الخانة', later: 'أعد المحاولة بعد بضع دقائق', privacy: 'حماية المعطيات الشخصية' },
  en: { sent: 'your message has been sent', opEdSent: 'Your op-ed has been received', ack: 'We have received', type: 'Attach a PDF or Word', required: 'This field is required', agree: 'Tick this box', later: 'try again in a few minutes', privacy: 'Personal data protection' },
} as const;

const EDITORS = 'contact@ccme.org.ma';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const OP_ED_TEXT = 'La diaspora marocaine est une richesse. '.repeat(12).trim();

/** `full`: also the cases run once (desktop); `langs`: editions to go through. */
export function messagesJourney({ full = true, langs = LANGS }: { full?: boolean; langs?: readonly (typeof LANGS)[number][] } = {}) {
  for (const lang of langs) {
    const words = TEXT[lang];

    test(`${lang}: the contact form sends, acknowledges and notifies the editors`, async ({ page }, info) => {
      await ownClientAddress(page);
      const email = freshAddress(`contact-${lang}-${info.project.name}`);
      const subject = `Question ${lang} ${info.project.name} ${Date.now()}`;
      await open(page, info, `/${lang}/contact`);
      await expectEdition(page, lang);
      const form = page.locator('main form.reader-form');
      await form.locator('#contact-name').fill('Amina El Idrissi');
      await form.locator('#contact-email').fill(email);
      await form.locator('#contact-subject').fill(subject);
      await form.locator('#contact-message').fill('Bonjour,\nje voudrais recevoir le rapport annuel.');
      await likeAPerson(page);
      await form.locator('button[type="submit"]').click();
      await expect(page.locator('main .form-sent')).toContainText(words.sent);
      expect(hydrated(info) || page.url().endsWith('?sent=contact')).toBe(true);
      const [ack] = await waitForMails(email);
      expect(ack.text).toContain(words.ack);
      // Nothing the reader typed goes back to the address given (it may not be theirs).
      expect(ack.text).not.toContain(subject);
      await expect.poll(() => mailsTo(EDITORS).filter((m) => m.text.includes(subject)).length).toBe(1);
      const notification = mailsTo(EDITORS).find((m) => m.text.includes(subject))!;
      expect(notification.headers).toContain(`Reply-To: ${email}`);
      expect(notification.text).toContain('je voudrais recevoir le rapport annuel');
    });

    test(`${lang}: op-ed with a PDF; a file that is not one is refused and the text kept`, async ({ page }, info) => {
      await ownClientAddress(page);
      const email = freshAddress(`oped-${lang}-${info.project.name}`);
      const title = `Tribune ${lang} ${info.project.name} ${Date.now()}`;
      await open(page, info, `/${lang}/tribune`);
      const form = page.locator('main form.reader-form');
      await expect(form).toHaveAttribute('enctype', 'multipart/form-data');
      await form.locator('#op-ed-name').fill('Youssef Alami');
      await form.locator('#op-ed-email').fill(email);
      await form.locator('#op-ed-country').fill('Belgique');
      await form.locator('#op-ed-title').fill(title);
      await form.locator('#op-ed-text').fill(OP_ED_TEXT);
      // A web page renamed .pdf: refused by what it is, not by its name.
      await form.locator('#op-ed-attachment').setInputFiles({ name: 'tribune.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
      await likeAPerson(page);
      await form.locator('button[type="submit"]').click();
      await expect(form.locator('#op-ed-attachment-error')).toContainText(words.type);
      await expect(form.locator('#op-ed-agree-error')).toContainText(words.agree);
      await expect(form.locator('#op-ed-title')).toHaveValue(title);
      await expect(form.locator('#op-ed-text')).toHaveValue(OP_ED_TEXT);
      await expectEdition(page, lang);

      await form.locator('#op-ed-attachment').setInputFiles({ name: 'ma tribune.pdf', mimeType: 'application/pdf', buffer: PDF });
      await form.locator('#op-ed-agree').check();
      await likeAPerson(page);
      await form.locator('button[type="submit"]').click();
      await expect(page.locator('main .form-sent')).toContainText(words.opEdSent);
      await waitForMails(email);
      await expect.poll(() => mailsTo(EDITORS).filter((m) => m.text.includes(title)).length).toBe(1);
      const notification = mailsTo(EDITORS).find((m) => m.text.includes(title))!;
      expect(notification.headers).toContain(`Reply-To: ${email}`);
      expect(notification.text).toContain('%PDF-1.4');
      expect(notification.text).toContain('Belgique');
    });
  }

  test('empty fields are named, and nothing is sent', async ({ page }, info) => {
    await ownClientAddress(page);
    await open(page, info, '/ar/contact');
    const form = page.locator('main form.reader-form');
    await likeAPerson(page);
    await form.locator('button[type="submit"]').click();
    await expect(form.locator('.form-alert')).toBeVisible();
    for (const name of ['name', 'email', 'subject', 'message']) {
      await expect(form.locator(`#contact-${name}-error`)).toContainText(TEXT.ar.required);
    }
    if (hydrated(info)) {
      await expect(form.locator('#contact-name')).toBeFocused();
    }
  });

  if (!full) return;

  test('a flood from one address is refused without saying why', async ({ page, request }, info) => {
    const ip = await ownClientAddress(page);
    await open(page, info, '/fr/contact');
    // A bot posts straight to the form (same address), past the per-minute budget.
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const response = await request.post('/fr/contact', {
        headers: { ...FROM_THE_SITE, 'x-forwarded-for': ip, accept: 'application/json' },
        form: { form: 'contact', email: 'bot@example.org' },
      });
      statuses.push(response.status());
    }
    expect(statuses).toContain(429);
    // A person at that address now gets a neutral "try later", with the message kept.
    const form = page.locator('main form.reader-form');
    await form.locator('#contact-name').fill('Nadia');
    await form.locator('#contact-email').fill(freshAddress('flood'));
    await form.locator('#contact-subject').fill('Bonjour');
    await form.locator('#contact-message').fill('Un message qui ne doit pas se perdre.');
    await likeAPerson(page);
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('main .form-alert')).toContainText(TEXT.fr.later);
    await expect(page.locator('main .form-alert')).not.toContainText(/limit|rate|robot|bot/i);
    await expect(form.locator('#contact-message')).toHaveValue('Un message qui ne doit pas se perdre.');
  });

  for (const lang of ['fr', 'ar', 'en'] as const) {
    test(`${lang}: the privacy notice is linked from the forms`, async ({ page }, info) => {
      await open(page, info, `/${lang}/tribune`);
      await page.locator('main .form-note a').first().click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/privacy$`));
      await expectEdition(page, lang);
      await expect(page.locator('h1')).toHaveText(TEXT[lang].privacy);
      await expect(page.locator('main')).toContainText(lang === 'ar' ? '09.08' : '09-08');
      const requests = page.locator('.privacy-requests a');
      await expect(requests).toHaveCount(2);
      await expect(requests.first()).toHaveAttribute('href', /^mailto:contact@ccme\.org\.ma\?subject=/);
    });
  }
}
