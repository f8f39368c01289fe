// axe-core finds no violations on the main pages, in French and in Arabic.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { hydrated, open } from './support';

const PAGES = {
  fr: ['/fr/', '/fr/section/medias-et-migration', '/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres'],
  ar: ['/ar/', '/ar/section/الإعلام-والهجرة', '/ar/article/تحويلات-مغاربة-العالم-تبلغ-مستوى-قياسيا'],
};

export function accessibilityJourney() {
  for (const [lang, paths] of Object.entries(PAGES)) {
    for (const path of paths) {
      test(`${lang}: no axe violations on ${path}`, async ({ browser }, info) => {
        // axe runs as a script in the page, so the "JavaScript off" twin audits the server
        // HTML with the app's own scripts blocked instead of with JavaScript disabled.
        const context = await browser.newContext({ ...info.project.use, javaScriptEnabled: true });
        if (!hydrated(info)) {
          await context.route('**/pkg/**', (route) => route.abort());
        }
        const page = await context.newPage();
        const response = await open(page, info, path);
        expect(response?.status()).toBe(200);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        await context.close();
      });
    }
  }
}
