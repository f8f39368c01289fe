// Renders the app icons (public/icons/*.png) from public/favicon.svg with the project's
// chromium. Run once when the logo changes: node scripts/make-icons.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage();
// Maskable icons keep their artwork inside the central 80% "safe zone".
for (const [name, size, padding] of [['icon-192', 192, 0], ['icon-512', 512, 0], ['maskable-512', 512, 0.14]]) {
  await page.setViewportSize({ width: size, height: size });
  const inner = Math.round(size * (1 - 2 * padding));
  await page.setContent(
    `<body style="margin:0;background:${padding ? '#0b5d4b' : 'transparent'};display:grid;place-items:center;width:${size}px;height:${size}px">` +
      `<div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`,
  );
  await page.screenshot({ path: new URL(`../public/icons/${name}.png`, import.meta.url).pathname, omitBackground: true });
}
await browser.close();
