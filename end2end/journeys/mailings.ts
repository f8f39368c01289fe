// Sending an issue (issue 20): readers subscribe to the press review through the site's
// own forms (one confirms, one does not, one confirms and leaves); an editor builds an
// issue from the edition's articles, previews it (right to left in Arabic), mails a test
// to herself and sends it. The local mail server then holds one mail of that issue for
// the confirmed reader and none for the others; that mail's unsubscribe link works and
// the issue is in the web archive. The readers' side runs with JavaScript off and on;
// the back office is never hydrated.
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { EDITOR, logIn } from './editor';
import { freshAddress, likeAPerson, linkIn, mailsTo, ownClientAddress, waitForMails, type Mail } from './mailbox';
import { open } from './support';

const TEXT = {
  fr: {
    confirm: 'Confirmer mon inscription', unsubscribe: 'Me désabonner', unsubscribed: 'vous ne recevrez plus',
    create: 'Créer le numéro', add: 'Ajouter', up: 'Monter', save: 'Enregistrer', saved: 'Numéro enregistré.',
    test: 'M’envoyer un essai', testSent: `Essai envoyé à ${EDITOR}.`, send: 'Envoyer maintenant', sent: 'Envoyé',
    archive: 'Numéros précédents', intro: 'Bonne lecture',
  },
  ar: {
    confirm: 'أؤكد اشتراكي', unsubscribe: 'ألغ اشتراكي', unsubscribed: 'لن تتوصل بعد الآن',
    create: 'إنشاء العدد', add: 'إضافة', up: 'إلى الأعلى', save: 'حفظ', saved: 'تم حفظ العدد.',
    test: 'أرسل لي نسخة تجريبية', testSent: `أُرسلت النسخة التجريبية إلى ${EDITOR}.`, send: 'أرسل الآن', sent: 'أُرسل',
    archive: 'الأعداد السابقة', intro: 'قراءة ممتعة',
  },
} as const;

/** Subscribes `email` to the press review of `lang` only; returns the confirmation mail. */
async function subscribe(page: Page, info: TestInfo, lang: 'fr' | 'ar', email: string): Promise<Mail> {
  await ownClientAddress(page);
  await open(page, info, `/${lang}/newsletter`);
  const form = page.locator('main form.reader-form');
  await form.locator('input[name="email"]').fill(email);
  await form.locator('input[name="list"][value="newsletter"]').uncheck();
  await form.locator('input[name="list"][value="press_review"]').check();
  await likeAPerson(page);
  await form.locator('button[type="submit"]').click();
  await expect(page.locator('main .form-sent')).toBeVisible();
  return (await waitForMails(email, 1))[0];
}

/** Opens a mailed link and presses its button (confirm or unsubscribe). */
async function follow(page: Page, info: TestInfo, path: string, button: string) {
  await ownClientAddress(page);
  await open(page, info, path);
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('main .form-sent')).toBeVisible();
}

/** The mails of the issue with `subject` sent to `address`. */
function issueMails(address: string, subject: string): Mail[] {
  return mailsTo(address).filter((mail) => mail.text.includes(subject));
}

export function mailingsJourney() {
  for (const lang of ['fr', 'ar'] as const) {
    const words = TEXT[lang];

    test(`${lang}: an editor builds a press review, previews it, tests it and sends it to the confirmed readers only`, async ({ page }, info) => {
      test.setTimeout(120_000);
      const tag = `issue-${lang}-${info.project.name}`;
      const [reader, undecided, leaving] = ['reader', 'undecided', 'leaving'].map((who) => freshAddress(`${tag}-${who}`));
      await follow(page, info, linkIn(await subscribe(page, info, lang, reader), 'confirm'), words.confirm);
      await subscribe(page, info, lang, undecided);
      const leavingMail = await subscribe(page, info, lang, leaving);
      await follow(page, info, linkIn(leavingMail, 'confirm'), words.confirm);
      await follow(page, info, linkIn(leavingMail, 'unsubscribe'), words.unsubscribe);

      // The editor starts an issue and picks two stories, the second first.
      const subject = `Revue ${tag} ${Date.now() % 1_000_000}`;
      await logIn(page, EDITOR, lang);
      await page.goto('/admin/mailings');
      await page.locator('#issue-list').selectOption('press_review');
      await page.locator('#issue-lang').selectOption(lang);
      await page.locator('#issue-subject').fill(subject);
      await page.getByRole('button', { name: words.create }).click();
      await expect(page).toHaveURL(/\/admin\/mailings\/\d+$/);
      const id = page.url().split('/').pop();
      const stories = page.locator('.mailing-stories li .mailing-story-title');
      for (const _ of [1, 2]) {
        const before = await stories.count();
        await page.getByRole('button', { name: words.add, exact: true }).click();
        await expect(stories).toHaveCount(before + 1);
      }
      const titles = await stories.allTextContents();
      await page.locator('.mailing-stories li').last().getByRole('button', { name: words.up }).click();
      const reordered = await stories.allTextContents();
      expect(reordered.slice(-2)).toEqual([titles[titles.length - 1], titles[titles.length - 2]]);
      await page.locator('#issue-intro').fill(`**${words.intro}**`);
      await page.getByRole('button', { name: words.save, exact: true }).click();
      await expect(page.locator('.notice-success')).toHaveText(words.saved);

      // The preview is the mail itself, right to left in Arabic.
      const preview = await page.locator('iframe.mailing-preview').getAttribute('srcdoc');
      expect(preview).toContain(`dir="${lang === 'ar' ? 'rtl' : 'ltr'}"`);
      expect(preview).toContain(`<strong>${words.intro}</strong>`);
      for (const title of reordered) expect(preview).toContain(title.replace(/&/g, '&amp;'));
      const frame = page.frameLocator('iframe.mailing-preview');
      await expect(frame.locator('h1')).toHaveText(subject);

      // A test to the editor, marked as one.
      await page.getByRole('button', { name: words.test }).click();
      await expect(page.locator('.notice-success')).toHaveText(words.testSent);
      await expect.poll(() => issueMails(EDITOR, subject).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      expect(issueMails(EDITOR, subject).map((m) => m.headers.match(/^Subject: (.*)$/m)?.[1].trim())).toContain(`[test] ${subject}`);

      // Sent: the page follows it until everyone is done.
      await page.getByRole('button', { name: words.send }).click();
      await expect(async () => {
        await page.goto(`/admin/mailings/${id}`);
        await expect(page.locator(`.version-badge.mailing-sent`)).toHaveText(words.sent);
      }).toPass({ timeout: 30_000 });
      await expect(page.locator('.mailing-progress [data-state="sent"] dd')).not.toHaveText('0');
      await expect(page.locator('.mailing-progress [data-state="waiting"] dd')).toHaveText('0');
      await expect(page.locator('.mailing-progress [data-state="queued"] dd')).toHaveText('0');

      // The issue is sent: the queue is done with it. One mail for the confirmed reader,
      // none for the unconfirmed one nor for the one who left.
      const got = issueMails(reader, subject);
      expect(got).toHaveLength(1);
      expect(issueMails(undecided, subject)).toHaveLength(0);
      expect(issueMails(leaving, subject)).toHaveLength(0);
      const mail = got[0];
      expect(mail.headers).toMatch(/^List-Id: <press-review-[a-z]{2}\.ccme\.[a-z.]+>/m);
      expect(mail.headers).toMatch(/^List-Unsubscribe: <http[^>]+\/newsletter\/unsubscribe\?t=[0-9a-f]{64}>/m);
      expect(mail.headers).toMatch(/^Message-ID: </im);
      expect(mail.text).toContain(`/${lang}/newsletter/archive/${id}`);

      // The archive has it, on the newsletter page and on a page of its own.
      await open(page, info, `/${lang}/newsletter`);
      await expect(page.getByRole('heading', { name: words.archive })).toBeVisible();
      await page.getByRole('link', { name: subject }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/newsletter/archive/${id}$`));
      await expect(page.locator('main h1')).toHaveText(subject);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('.issue-story h2')).toHaveText(reordered);

      // Its unsubscribe link works, and the next issue will not go to that reader.
      await follow(page, info, linkIn(mail, 'unsubscribe'), words.unsubscribe);
      await expect(page.locator('main .form-sent')).toContainText(words.unsubscribed);
    });
  }
}
