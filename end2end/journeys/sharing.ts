// Sharing an article: the share bar under the title leads to each network's real share
// address with the page's title and link encoded, opens it in a new tab that cannot
// reach this page, and (with JavaScript) copies the link or opens the device's share
// sheet. Without JavaScript the links still work and the two buttons are not offered.
import { expect, test } from '@playwright/test';
import { expectEdition, hydrated, open } from './support';

const ARTICLES = [
  { lang: 'fr', path: '/fr/article/l-ue-soutient-le-maroc-dans-ses-efforts-d-integration-des-immigres', copied: 'Lien copié', byHand: 'Copiez l’adresse sélectionnée' },
  { lang: 'ar', path: '/ar/article/' + encodeURIComponent('شباب-الجالية-المجلس-يطلق-جامعة-صيفية-بإفران'), copied: 'تم نسخ الرابط', byHand: 'انسخ العنوان المحدد' },
  { lang: 'en', path: '/en/article/remittances-from-moroccans-abroad-reach-a-record', copied: 'Link copied', byHand: 'Copy the selected address' },
] as const;

export function sharingJourney() {
  for (const { lang, path, copied, byHand } of ARTICLES) {
    test(`${lang}: share links carry the encoded title and address`, async ({ page }, info) => {
      await open(page, info, path);
      await expectEdition(page, lang);
      const url = page.url();
      const title = (await page.locator('h1').textContent())!.trim();
      const u = encodeURIComponent(url);
      const t = encodeURIComponent(title);
      const bar = page.locator('.share-bar');
      await expect(bar).toBeVisible();
      const expected: Record<string, string> = {
        facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
        x: `https://x.com/intent/post?url=${u}&text=${t}`,
        linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
        tumblr: `https://www.tumblr.com/widgets/share/tool?canonicalUrl=${u}&title=${t}`,
        email: `mailto:?subject=${t}&body=${t}%0A%0A${u}`,
        whatsapp: `https://wa.me/?text=${t}%20${u}`,
      };
      for (const [key, href] of Object.entries(expected)) {
        await expect(bar.locator(`a.share-${key}`)).toHaveAttribute('href', href);
      }
      const pin = await bar.locator('a.share-pinterest').getAttribute('href');
      expect(pin).toContain(`https://pinterest.com/pin/create/button/?url=${u}&media=`);
      expect(pin).toContain(`&description=${t}`);
      // Networks open in a new tab with no handle back on this page; e-mail stays here.
      for (const key of ['facebook', 'x', 'pinterest', 'linkedin', 'tumblr', 'whatsapp']) {
        await expect(bar.locator(`a.share-${key}`)).toHaveAttribute('target', '_blank');
        await expect(bar.locator(`a.share-${key}`)).toHaveAttribute('rel', 'noopener noreferrer');
      }
      await expect(bar.locator('a.share-email')).not.toHaveAttribute('target', /.*/);
      // Every link has a translated name for screen readers.
      await expect(bar.locator('a.share-facebook')).toHaveAttribute('aria-label', /Facebook/);
      if (!hydrated(info)) {
        await expect(bar.locator('.share-copy')).toBeHidden();
        await expect(bar.locator('.share-native')).toBeHidden();
      }
    });

    test(`${lang}: copy link puts the address on the clipboard`, async ({ page, context }, info) => {
      test.skip(!hydrated(info), 'copying needs JavaScript');
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await open(page, info, path);
      await page.locator('.share-copy').click();
      await expect(page.locator('.share-status')).toHaveText(copied);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    });

    test(`${lang}: when the clipboard refuses, the address is shown selected`, async ({ page }, info) => {
      test.skip(!hydrated(info), 'copying needs JavaScript');
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', {
          get: () => ({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) }),
        });
        // The legacy command is refused too: the reader copies by hand.
        document.execCommand = () => false;
      });
      await open(page, info, path);
      await page.locator('.share-copy').click();
      await expect(page.locator('.share-status')).toContainText(byHand);
      const field = page.locator('.share-url');
      await expect(field).toBeVisible();
      await expect(field).toHaveValue(page.url());
      await expect(field).toBeFocused();
      const selected = await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!);
      expect(selected).toBe(page.url().length);
    });

    test(`${lang}: the device's share sheet gets the title and address`, async ({ page }, info) => {
      test.skip(!hydrated(info), 'the Web Share API needs JavaScript');
      await page.addInitScript(() => {
        const w = window as unknown as { shared: unknown[] };
        w.shared = [];
        (navigator as unknown as { share: (d: unknown) => Promise<void> }).share = async (data) => {
          w.shared.push(data);
        };
      });
      await open(page, info, path);
      await page.locator('.share-native').click();
      const shared = await page.evaluate(() => (window as unknown as { shared: { url: string; title: string }[] }).shared);
      expect(shared).toEqual([{ url: page.url(), title: (await page.locator('h1').textContent())!.trim() }]);
    });
  }
}
