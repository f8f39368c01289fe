// Interviews: the listing shows who is interviewed, their role and country; a reader
// filters by country of residence and opens an interview, whose questions stand apart
// from the answers. French and Arabic (RTL), with and without JavaScript.
import { expect, test } from '@playwright/test';
import { expectEdition, open } from './support';

const TEXT = {
  fr: { title: 'Entretiens', all: '8 entretiens', canada: 'Canada (2)', two: '2 entretiens', question: 'Comment avez-vous fait reconnaître votre diplôme ?', doctor: 'Un médecin à Montréal', who: 'Un médecin', role: 'Urgentiste', portrait: 'Portrait (illustration) : Un médecin' },
  ar: { title: 'حوارات', all: '6 حوارات', canada: 'كندا (2)', two: 'حواران', question: 'كيف حصلت على معادلة شهادتك؟', doctor: 'طبيب في مونتريال', who: 'طبيب', role: 'طبيب مستعجلات', portrait: 'صورة (رسم توضيحي): طبيب' },
} as const;

/** `langs`: editions to go through. */
export function interviewsJourney({ langs = ['fr', 'ar'] as ('fr' | 'ar')[] } = {}) {
  for (const lang of langs) {
    const words = TEXT[lang];
    test(`${lang}: list, filter by country, read an interview`, async ({ page }, info) => {
      await open(page, info, `/${lang}/interviews`);
      await expectEdition(page, lang);
      await expect(page.locator('h1')).toHaveText(words.title);
      // The editor's journey publishes French interviews beside this one (one database):
      // the French count is at least the demo's.
      const count = page.locator('p.count');
      if (lang === 'fr') {
        await expect(count).toHaveText(/^\d+ entretiens$/);
        expect(parseInt((await count.textContent())!, 10)).toBeGreaterThanOrEqual(8);
      } else {
        await expect(count).toHaveText(words.all);
      }
      await expect(page.locator('.interview-card .interviewee').first()).not.toBeEmpty();
      await page.locator('select[name="country"]').selectOption({ label: words.canada });
      await page.locator('.library-filters button[type="submit"]').click();
      await expect(page).toHaveURL(/country=CA/);
      await expect(page.locator('p.count')).toHaveText(words.two);
      await page.locator('.interview-card h2 a', { hasText: words.doctor }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/interviews/`));
      await expect(page.locator('h1')).toContainText(words.doctor);
      // Who is interviewed: portrait, name, role and country, beside the text.
      const person = page.locator('.person-box');
      await expect(person.locator('.person-name')).toHaveText(words.who);
      await expect(person.locator('.person-role')).toHaveText(words.role);
      await expect(person.locator('img')).toHaveAttribute('alt', words.portrait);
      const question = page.locator('article.interview .article-body h2', { hasText: words.question });
      await expect(question).toBeVisible();
      // The question is set apart on the reading side (right in Arabic, left otherwise).
      const side = await question.evaluate((h) => getComputedStyle(h)[document.dir === 'rtl' ? 'borderRightWidth' : 'borderLeftWidth']);
      expect(side).toBe('4px');
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/${lang}/interviews/`));
    });
  }
}
