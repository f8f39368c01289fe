// Sending an issue (issue 20): readers subscribe to the press review through the site's
// own forms (one confirms, one does not, one confirms and leaves); an editor builds an
// issue from the edition's articles, previews it (right to left in Arabic), mails a test
// to herself and sends it. The local mail server then holds one mail of that issue for
// the confirmed reader and none for the others; that mail's unsubscribe link works and
// the issue is in the web archive. The readers' side runs with JavaScript off and on;
// the back office is never hydrated.
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { EDITOR, logIn } from './editor';
import { freshAddress, likeAPerson, linkIn, mailsTo, ownClientAddress, waitForMails, type Mail } from './mailbox';
import { controlled } from './offline';
import { hydrated, open } from './support';

type Lang = 'fr' | 'ar';

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
async function subscribe(page: Page, info: TestInfo, lang: Lang, email: string): Promise<Mail> {
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

/** Starts an issue of `list` in edition `lang` from the back office (the editor is
 * logged in); returns its id, with its page open. */
async function startIssue(page: Page, lang: Lang, list: 'newsletter' | 'press_review', subject: string): Promise<string> {
  await page.goto('/admin/mailings');
  await page.locator('#issue-list').selectOption(list);
  await page.locator('#issue-lang').selectOption(lang);
  await page.locator('#issue-subject').fill(subject);
  await page.getByRole('button', { name: TEXT[lang].create }).click();
  await expect(page).toHaveURL(/\/admin\/mailings\/\d+$/);
  return page.url().split('/').pop()!;
}

/** Adds the first `count` stories the issue's page offers; returns the titles' locator. */
async function addStories(page: Page, lang: Lang, count: number): Promise<Locator> {
  const stories = page.locator('.mailing-stories li .mailing-story-title');
  for (let added = 0; added < count; added++) {
    const before = await stories.count();
    await page.getByRole('button', { name: TEXT[lang].add, exact: true }).click();
    await expect(stories).toHaveCount(before + 1);
  }
  return stories;
}

/** Sends issue `id` now and follows its page until it is sent. */
async function sendAndWait(page: Page, lang: Lang, id: string) {
  await page.getByRole('button', { name: TEXT[lang].send }).click();
  await expect(async () => {
    await page.goto(`/admin/mailings/${id}`);
    await expect(page.locator('.version-badge.mailing-sent')).toHaveText(TEXT[lang].sent);
  }).toPass({ timeout: 30_000 });
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
      const id = await startIssue(page, lang, 'press_review', subject);
      const stories = await addStories(page, lang, 2);
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
      await sendAndWait(page, lang, id);
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

/** The web archive as a reader on a phone meets it: the editor sends a newsletter issue
 * (in a session the reader then leaves), the reader finds it on the newsletter page,
 * reads it in one column — right to left in Arabic — and follows one of its stories;
 * with JavaScript, the service worker keeps the issue for reading offline. */
export function issueArchiveJourney({ langs = ['fr', 'ar'] as Lang[] } = {}) {
  for (const lang of langs) {
    test(`${lang}: a reader finds a past issue on the newsletter page, reads it and follows its story`, async ({ page, context }, info) => {
      test.setTimeout(90_000);
      const subject = `Lettre ${info.project.name} ${Date.now() % 1_000_000}`;
      await logIn(page, EDITOR, lang);
      const id = await startIssue(page, lang, 'newsletter', subject);
      const [story] = await (await addStories(page, lang, 1)).allTextContents();
      await sendAndWait(page, lang, id);
      await context.clearCookies();

      await open(page, info, `/${lang}/newsletter`);
      const item = page.locator('.issue-list li', { hasText: subject });
      await item.getByRole('link', { name: subject }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/newsletter/archive/${id}$`));
      await expect(page.locator('main h1')).toHaveText(subject);
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await expect(page.locator('.issue-story h2')).toHaveText([story.trim()]);
      // One column that fits the screen, its headings starting on the reading side.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const gaps = await page.locator('main h1').evaluate((h1) => {
        const text = document.createRange();
        text.selectNodeContents(h1);
        const [line, box] = [text.getClientRects()[0], h1.getBoundingClientRect()];
        return { left: line.left - box.left, right: box.right - line.right };
      });
      expect(lang === 'ar' ? gaps.right : gaps.left).toBeLessThan(2);

      // Its story opens from the issue.
      await page.locator('.issue-story h2 a').click();
      await expect(page.locator('main h1')).toHaveText(story.trim());

      if (hydrated(info)) {
        // Opened once with the service worker in charge, the issue reads offline.
        await controlled(page);
        await open(page, info, `/${lang}/newsletter/archive/${id}`);
        await context.setOffline(true);
        await page.goto(`/${lang}/newsletter/archive/${id}`);
        await expect(page.locator('main h1')).toHaveText(subject);
        await context.setOffline(false);
      }
    });
  }
}
