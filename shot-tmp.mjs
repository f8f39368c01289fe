import { chromium } from 'playwright-core';
const [,, url, out, w = '1280', h = '900', js = 'on'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, javaScriptEnabled: js === 'on' });
await page.goto(url);
await page.waitForTimeout(800);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
