// Subscribing: the newsletter page and the footer forms send a confirmation mail; its
// link opens a page that confirms only when the button is pressed; the mail's
// unsubscribe link works the same way. Invalid addresses get the translated message
// next to the field. All in the three editions, with and without JavaScript.
import { expect, test } from '@playwright/test';
import { LANGS, expectEdition, hydrated, open } from './support';
import { freshAddress, likeAPerson, linkIn, mailsTo, ownClientAddress, waitForMails } from './mailbox';

const TEXT = {
  fr: {
    sent: 'Un courriel vient de partir', confirm: 'Confirmer mon inscription', confirmed: 'est confirmée',
    used: 'n’est plus valable', unsubscribe: 'Me désabonner', unsubscribed: 'vous ne recevrez plus',
    badEmail: 'Saisissez une adresse électronique valide', subject: 'Confirmez votre inscription',
  },
  ar: {
    sent: 'أرسلنا رسالة إلى هذا العنوان', confirm: 'أؤكد اشتراكي', confirmed: 'تم تأكيد اشتراكك',
    used: 'لم يعد صالحا', unsubscribe: 'ألغ اشتراكي', unsubscribed: 'لن تتوصل بعد الآن',
    badEmail: 'أدخل عنوان بريد إلكتروني صحيحا', subject: 'أكد اشتراكك',
  },
  en: {
    sent: 'An email is on its way', confirm: 'Confirm my subscription', confirmed: 'is confirmed',
    used: 'no longer valid', unsubscribe: 'Unsubscribe me', unsubscribed: 'no longer receive',
    badEmail: 'Enter a valid email address', subject: 'Confirm your subscription',
  },
} as const;

/** `full`: also the cases run once (desktop); `langs`: editions to go through. */
export function subscriptionsJourney({ full = true, langs = LANGS }: { full?: boolean; langs?: readonly (typeof LANGS)[number][] } = {}) {
  for (const lang of langs) {
    const words = TEXT[lang];

    test(`${lang}: subscribe, confirm by the mailed link, then unsubscribe`, async ({ page }, info) => {
      await ownClientAddress(page);
      const email = freshAddress(`sub-${lang}-${info.project.name}`);
      await open(page, info, `/${lang}/newsletter`);
      await expectEdition(page, lang);
      const form = page.locator('main form.reader-form');
      await form.locator('input[name="email"]').fill(email);
      await expect(form.locator('input[name="list"][value="newsletter"]')).toBeChecked();
      await form.locator('input[name="list"][value="press_review"]').check();
      await likeAPerson(page);
      await form.locator('button[type="submit"]').click();
      await expect(page.locator('main .form-sent')).toContainText(words.sent);
      if (hydrated(info)) {
        await expect(page.locator('main .form-sent')).toBeFocused();
      } else {
        expect(new URL(page.url()).search).toBe('?sent=subscribe');
      }

      // One mail per list, in the edition's language, with the one-click headers.
      const mails = await waitForMails(email, 2);
      expect(mails).toHaveLength(2);
      for (const mail of mails) {
        expect(mail.headers).toMatch(/^List-Unsubscribe: <http[^>]+\/newsletter\/unsubscribe\?t=[0-9a-f]{64}>/m);
        expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
        expect(mail.text).toContain(words.subject);
      }
      const mail = mails[0];
      const confirmLink = linkIn(mail, 'confirm');

      // Opening the link changes nothing until the button is pressed.
      await open(page, info, confirmLink);
      await expectEdition(page, lang);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex, nofollow');
      const button = page.getByRole('button', { name: words.confirm });
      await expect(button).toBeVisible();
      await expect(page.locator('main')).toContainText(`${email[0]}•••@example.org`);
      await button.click();
      await expect(page.locator('main .form-sent')).toContainText(words.confirmed);

      // The link is single-use.
      await open(page, info, confirmLink);
      await expect(page.locator('main .form-alert')).toContainText(words.used);

      // Unsubscribe from the same mail.
      await open(page, info, linkIn(mail, 'unsubscribe'));
      await page.getByRole('button', { name: words.unsubscribe }).click();
      await expect(page.locator('main .form-sent')).toContainText(words.unsubscribed);
    });

    test(`${lang}: an invalid address gets the translated message next to the field`, async ({ page }, info) => {
      await ownClientAddress(page);
      await open(page, info, `/${lang}/newsletter`);
      const form = page.locator('main form.reader-form');
      const input = form.locator('input[name="email"]');
      await input.fill('lectrice@@example');
      await likeAPerson(page);
      await form.locator('button[type="submit"]').click();
      const error = form.locator('#subscribe-email-error');
      await expect(error).toContainText(words.badEmail);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(input).toHaveAttribute('aria-describedby', 'subscribe-email-error');
      await expect(input).toHaveValue('lectrice@@example');
      if (hydrated(info)) {
        await expect(input).toBeFocused();
      }
      await expectEdition(page, lang);
    });
  }

  if (!full) return;

  test('footer: subscribe to the press review from an article', async ({ page }, info) => {
    await ownClientAddress(page);
    const email = freshAddress(`footer-${info.project.name}`);
    await open(page, info, '/ar/article/' + encodeURIComponent('شباب-الجالية-المجلس-يطلق-جامعة-صيفية-بإفران'));
    const form = page.locator('footer form.reader-form').nth(1);
    await form.locator('input[name="email"]').fill(email);
    await likeAPerson(page);
    await form.locator('button[type="submit"]').click();
    // Without JavaScript the answer is the newsletter page; with it, in place.
    await expect(page.locator('.form-sent:visible')).toContainText(TEXT.ar.sent);
    const mails = await waitForMails(email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain('قراءة في الصحف');
  });

  test('the honeypot: a bot is told "sent" and nothing is sent', async ({ page }, info) => {
    await ownClientAddress(page);
    const email = freshAddress(`bot-${info.project.name}`);
    await open(page, info, '/en/newsletter');
    const form = page.locator('main form.reader-form');
    await form.locator('input[name="email"]').fill(email);
    // People never see this field; bots fill in every field.
    await form.locator('input[name="website"]').fill('https://spam.example', { force: true });
    await likeAPerson(page);
    await form.locator('button[type="submit"]').click();
    await expect(page.locator('main .form-sent')).toContainText(TEXT.en.sent);
    // The queue worker runs every 250 ms in the tests: after 2 s, still nothing.
    await page.waitForTimeout(2000);
    expect(mailsTo(email)).toHaveLength(0);
  });
}
