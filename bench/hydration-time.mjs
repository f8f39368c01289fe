// Time from navigation start to `data-hydrated` on a page, under Lighthouse's mobile
// throttling (150 ms RTT, 1.6 Mbps down, 750 kbps up, CPU slowed 4×) in Debian
// chromium, cold cache, no service worker: median and each of five visits. Called by
// bench/lighthouse with the address of a running release server and a page's path.
import { chromium } from '@playwright/test';

const [base, path] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});
const times = [];
for (let visit = 0; visit < 5; visit++) {
  const context = await browser.newContext({
    serviceWorkers: 'block', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75,
    isMobile: true, hasTouch: true,
  });
  // The moment the app marks the document hydrated, taken in the page itself.
  await context.addInitScript(() => {
    // (The document has no <html> element yet when this runs: watch the document.)
    new MutationObserver((_, observer) => {
      if (document.documentElement?.dataset.hydrated === 'true') {
        window.__hydratedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-hydrated'] });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + path, { waitUntil: 'commit' });
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 120_000 });
  times.push(await page.evaluate(() => Math.round(window.__hydratedAt)));
  await context.close();
}
await browser.close();
const sorted = [...times].sort((a, b) => a - b);
console.log(`data-hydrated on ${decodeURI(path)}: median ${sorted[2]} ms (visits: ${times.join(', ')} ms)`);
