// Time from "publish" in the back office to the new version served through the cache
// in front (issue 17: at most a second), for bench/cache-throughput: an editor logs in
// through Varnish, publishes a story, then corrects its summary again and again; each
// time, the clock runs from sending the correction until a reader's read through
// Varnish shows it (the first read after the back office's answer, or the next ones).
// Usage: node bench/publish-latency.mjs CACHE_BASE EMAIL PASSWORD [ROUNDS]
import { logIn, postForm } from './back-office.mjs';

const [base, email, password, rounds = '20'] = process.argv.slice(2);
if (!password) throw new Error('usage: node bench/publish-latency.mjs CACHE_BASE EMAIL PASSWORD [ROUNDS]');

const cookie = await logIn(base, email, password);
const post = (path, fields) =>
  postForm(base, path, { lang: 'fr', kind: 'article', body: 'Un paragraphe.', ...fields }, cookie);

const title = `Mesure de publication ${Date.now()}`;
const editor = (await post('/admin/stories/new', { title, summary: 'v0', action: 'publish' })).replace(/\?.*$/, '');
const page = await (await fetch(base + editor, { headers: { cookie } })).text();
const address = page.match(/href="([^"]*\/fr\/article\/[^"]+)"/)[1].replace(/^https?:\/\/[^/]+/, '');

const read = async () => {
  const response = await fetch(base + address);
  return { cache: response.headers.get('x-cache'), body: await response.text() };
};
const times = [];
let firstReads = 0;
for (let round = 1; round <= Number(rounds); round++) {
  // The page is kept by the cache before each correction.
  while ((await read()).cache !== 'HIT');
  const started = performance.now();
  await post(editor, { title, summary: `v${round}`, action: 'save' });
  let reads = 0;
  for (;;) {
    reads++;
    if ((await read()).body.includes(`<p class="lede">v${round}<`)) break;
    if (performance.now() - started > 10_000) throw new Error(`round ${round}: not served within 10 s`);
  }
  times.push(performance.now() - started);
  if (reads === 1) firstReads++;
}
times.sort((a, b) => a - b);
const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
console.log(`publish → served through the cache (${times.length} corrections of a live story):`);
console.log(`  median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${times[times.length - 1].toFixed(0)} ms; ` +
  `the first read after the back office's answer showed it ${firstReads} of ${times.length} times`);
