// A deploy while readers have the app open. The test changes what the server serves to
// every reader (one more built asset, so a new service worker), so it runs in projects of
// its own after all the others (playwright.config.ts), never beside another journey.
import { expect, test } from '@playwright/test';
import { unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { controlled } from './offline';
import { hydrated, open } from './support';

export function deployJourney() {
  test('a new build is picked up: notice, reload, new assets, old caches gone', async ({ page }, info) => {
    test.skip(!hydrated(info), 'needs the service worker');
    await open(page, info, '/fr/');
    await controlled(page);
    const precaches = () => page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('precache-')));
    await expect.poll(precaches).toHaveLength(1);
    const [before] = await precaches();
    // A "deploy": one more file among the built assets (the server lists them anew).
    const name = `e2e-build-${info.project.name}-${Date.now()}.txt`;
    const file = join(__dirname, '../../target/site/pkg', name);
    writeFileSync(file, 'new build');
    try {
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
      const notice = page.locator('.update-notice');
      await expect(notice).toBeVisible();
      await Promise.all([page.waitForEvent('load'), notice.locator('button').click()]);
      await page.waitForSelector('html[data-hydrated="true"]');
      await expect.poll(precaches).toHaveLength(1);
      const [after] = await precaches();
      expect(after).not.toBe(before);
      const keys = await page.evaluate(async (cache) => (await (await caches.open(cache)).keys()).map((r) => new URL(r.url).pathname), after);
      expect(keys).toContain(`/pkg/${name}`);
      await expect(page.locator('.update-notice')).toBeHidden();
    } finally {
      unlinkSync(file);
    }
  });

}
