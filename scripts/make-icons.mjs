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
// The share card (og:image / twitter:image) of pages without a picture of their own:
// 1200×630, the size OpenGraph and Twitter cards expect.
await page.setViewportSize({ width: 1200, height: 630 });
await page.setContent(
  `<body style="margin:0;width:1200px;height:630px;background:#0b5d4b;color:#fff;display:flex;align-items:center;gap:56px;padding:0 88px;box-sizing:border-box;font-family:'Noto Sans','Noto Sans Arabic',sans-serif">` +
    `<div style="flex:none;width:260px;height:260px;background:#fff;border-radius:32px;display:grid;place-items:center">${svg.replace('<svg ', '<svg width="220" height="220" ')}</div>` +
    `<div><div style="font-size:96px;font-weight:700;letter-spacing:2px">CCME</div>` +
    `<div style="font-size:34px;margin-top:12px">Conseil de la communauté marocaine à l’étranger</div>` +
    `<div style="font-size:38px;margin-top:14px" dir="rtl" lang="ar">مجلس الجالية المغربية بالخارج</div>` +
    `<div style="font-size:30px;margin-top:14px;opacity:.85">Council of the Moroccan Community Abroad</div></div></body>`,
);
await page.screenshot({ path: new URL('../public/og-default.png', import.meta.url).pathname });
await browser.close();
