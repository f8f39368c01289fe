// Podcasts: a reader finds a programme, opens an episode and listens. Without
// JavaScript the browser's own player plays the file; after hydration the site's
// player plays, pauses from the keyboard, seeks, changes speed and keeps playing while
// the reader moves to another page. The audio is served with byte ranges; each
// programme has a feed podcast apps can subscribe to.
import { expect, type Page, test } from '@playwright/test';
import { expectEdition, expectSameDocument, hydrated, markDocument, open, openMenuIfCollapsed } from './support';

const TEXT = {
  fr: { title: 'Podcasts', programme: 'Spécial SIEL 2025', episode: 'Voix des Amériques : écrire à Montréal', listen: 'Écouter', transcript: 'Résumé et transcription', play: 'Lecture', pause: 'Pause', home: 'Accueil' },
  ar: { title: 'بودكاست', programme: 'خاص بالمعرض الدولي للنشر والكتاب 2025', episode: 'أصوات من الأمريكتين: الكتابة في مونتريال', listen: 'استمع', transcript: 'ملخص ونص الحلقة', play: 'تشغيل', pause: 'إيقاف مؤقت', home: 'الرئيسية' },
} as const;

/** Where the site's player is in the episode, in seconds. */
async function position(page: Page): Promise<number> {
  return page.locator('.audio-player audio').evaluate((a: HTMLAudioElement) => a.currentTime);
}

/** `langs`: editions to go through. */
export function podcastsJourney({ langs = ['fr', 'ar'] as ('fr' | 'ar')[] } = {}) {
  for (const lang of langs) {
    const words = TEXT[lang];

    test(`${lang}: programme → episode → listen`, async ({ page }, info) => {
      await open(page, info, `/${lang}/podcasts`);
      await expectEdition(page, lang);
      await expect(page.locator('h1')).toHaveText(words.title);
      await expect(page.locator('.programme-card')).toHaveCount(2);
      await page.locator('.programme-card a', { hasText: words.programme }).click();
      await expect(page.locator('h1')).toHaveText(words.programme);
      await expect(page.locator('.episode-item')).toHaveCount(6);

      // The programme's podcast feed.
      const feed = await page.request.get((await page.locator('a.feed-link').getAttribute('href'))!);
      expect(feed.status()).toBe(200);
      const xml = await feed.text();
      expect(xml).toContain('xmlns:itunes');
      expect((xml.match(/<enclosure /g) ?? []).length).toBe(6);
      expect(xml).toMatch(/<itunes:duration>0:2\d<\/itunes:duration>/);

      await page.locator('.episode-item h3 a', { hasText: words.episode }).click();
      await expect(page.locator('h1')).toHaveText(words.episode);
      await expect(page.locator('.episode-transcript h2')).toHaveText(words.transcript);
      const download = (await page.locator('a[download]').getAttribute('href'))!;
      const range = await page.request.get(download, { headers: { range: 'bytes=0-43' } });
      expect(range.status()).toBe(206);
      expect(range.headers()['content-type']).toBe('audio/wav');
      expect((await range.body()).subarray(0, 4).toString()).toBe('RIFF');

      if (!hydrated(info)) {
        // The browser's own player, with the file.
        const native = page.locator('audio.native-player');
        await expect(native).toHaveAttribute('controls', '');
        await expect(native).toHaveAttribute('src', download);
        await native.evaluate((a: HTMLAudioElement) => { a.muted = true; return a.play(); });
        await expect.poll(() => native.evaluate((a: HTMLAudioElement) => a.currentTime)).toBeGreaterThan(0.3);
        return;
      }

      await markDocument(page, info);
      await page.getByRole('button', { name: words.listen }).click();
      const player = page.locator('.audio-player');
      await expect(player).toBeVisible();
      await expect(player.locator('.player-title a')).toHaveText(words.episode);
      await expect.poll(() => position(page)).toBeGreaterThan(0.5);
      await expect(player.locator('.player-time')).toHaveText(/^0:0\d \/ 0:2\d$/);

      // Keyboard: the play/pause button toggles with Space.
      const toggle = player.locator('.player-toggle');
      await expect(toggle).toHaveAttribute('aria-label', words.pause);
      await toggle.focus();
      await page.keyboard.press('Space');
      await expect(toggle).toHaveAttribute('aria-label', words.play);
      expect(await player.locator('audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
      await page.keyboard.press('Space');
      await expect(toggle).toHaveAttribute('aria-label', words.pause);

      // Seek and speed.
      await player.locator('input.player-seek').fill('12');
      await expect.poll(() => position(page)).toBeGreaterThanOrEqual(12);
      await player.locator('select').selectOption('1.5');
      expect(await player.locator('audio').evaluate((a: HTMLAudioElement) => a.playbackRate)).toBe(1.5);

      // Go to another page: the player stays and keeps playing.
      const before = await position(page);
      await openMenuIfCollapsed(page);
      await page.locator('#site-nav a', { hasText: words.home }).first().click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/?$`));
      await expectSameDocument(page, info);
      await expect(player).toBeVisible();
      await expect.poll(() => position(page)).toBeGreaterThan(before + 0.5);
      expect(await player.locator('audio').evaluate((a: HTMLAudioElement) => a.paused)).toBe(false);
    });
  }
}
