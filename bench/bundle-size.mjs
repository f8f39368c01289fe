// What a phone downloads before a page is interactive, per reader route: every WASM and
// JS file the browser fetches from /pkg/ between the navigation and `data-hydrated`
// (Debian chromium, network log, no cache, no service worker), as raw, gzip -9 and
// brotli (quality 11) bytes of the files on disk. Then the total of all chunks of the
// build. Called by bench/bundle-size with the address of a running release server.
import { chromium } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const base = process.argv[2];
const pkg = process.argv[3];
/** Budgets of issue 15 (KB of gzip, 1 KB = 1,000 B): article, home, section ≤ 150. */
const BUDGET = { first: 150_000, other: 200_000 };

const sizes = new Map();
function measure(name) {
  if (!sizes.has(name)) {
    const bytes = readFileSync(`${pkg}/${name}`);
    sizes.set(name, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizes.get(name);
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
});

/** The first link on `path` whose address matches `pattern`, to find real slugs. */
async function firstLink(path, pattern) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + path);
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  await context.close();
  const found = hrefs.find((h) => pattern.test(h));
  if (!found) throw new Error(`no link matching ${pattern} on ${path}`);
  return found;
}

const routes = [
  ['home', '/fr/', 'first'],
  ['home ar', '/ar/', 'first'],
  ['section', await firstLink('/fr/', /^\/fr\/section\/[^/?]+$/), 'first'],
  ['article', await firstLink('/fr/', /^\/fr\/article\/[^/?]+$/), 'first'],
  ['article ar', await firstLink('/ar/', /^\/ar\/article\/[^/?]+$/), 'first'],
  ['search', '/fr/search?q=maroc', 'other'],
  ['faces', '/ar/faces', 'other'],
  ['face', await firstLink('/fr/faces', /^\/fr\/faces\/[^/?]+$/), 'first'],
  ['interviews', '/fr/interviews', 'other'],
  ['library', '/fr/publications', 'other'],
  ['publication', await firstLink('/fr/publications', /^\/fr\/publications\/[^/?]+$/), 'other'],
  ['podcasts', '/fr/podcasts', 'other'],
  ['episode', await firstLink('/fr/podcasts', /^\/fr\/podcasts\/episode\/[^/?]+$/), 'other'],
  ['newsletter', '/fr/newsletter', 'other'],
  ['contact', '/fr/contact', 'other'],
  ['tribune', '/fr/tribune', 'other'],
  ['privacy', '/fr/privacy', 'other'],
  ['offline', '/fr/offline', 'other'],
  ['saved', '/fr/saved', 'other'],
];

const kb = (n) => (n / 1000).toFixed(1).padStart(8);
console.log(`${'route'.padEnd(12)} ${'files'.padStart(5)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}  budget (gzip)  address`);
const rows = [];
for (const [name, path, budget] of routes) {
  const context = await browser.newContext({
    serviceWorkers: 'block',
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const fetched = new Set();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/pkg/') && /\.(wasm|js)$/.test(url.pathname)) {
      fetched.add(url.pathname.slice('/pkg/'.length));
    }
  });
  await page.goto(base + path);
  await page.waitForSelector('html[data-hydrated="true"]', { timeout: 30_000 });
  await context.close();
  const files = [...fetched].sort();
  const total = files.map(measure).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, br: a.br + s.br }), { raw: 0, gzip: 0, br: 0 });
  const limit = BUDGET[budget];
  const verdict = total.gzip <= limit ? `≤ ${limit / 1000} ok` : `> ${limit / 1000} OVER`;
  rows.push({ name, path, files, total });
  console.log(`${name.padEnd(12)} ${String(files.length).padStart(5)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.br)}  ${verdict.padEnd(13)}  ${path}`);
}
await browser.close();

const all = readdirSync(pkg).filter((f) => /\.(wasm|js)$/.test(f)).map(measure)
  .reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, br: a.br + s.br }), { raw: 0, gzip: 0, br: 0 });
const count = readdirSync(pkg).filter((f) => /\.(wasm|js)$/.test(f)).length;
console.log(`${'all chunks'.padEnd(12)} ${String(count).padStart(5)} ${kb(all.raw)} ${kb(all.gzip)} ${kb(all.br)}  (every WASM/JS file of the build)`);
if (process.env.BUNDLE_FILES) {
  for (const { name, files } of rows) console.log(`${name}: ${files.join(' ')}`);
}
