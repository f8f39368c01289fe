// The load and the editor of bench/two-servers: readers load both servers (autocannon,
// 8 connections each, 40 s, the home pages, an article, a section and a search) while
// an editor, logged in once (the session is in the database both servers share),
// publishes stories through one server and then the other, schedules three a few
// seconds ahead, and sends a newsletter issue. Prints the load's answers and
// `scheduled: N` for the script's checks.
// Usage: node bench/two-servers.mjs BASE_A BASE_B EMAIL PASSWORD
import autocannon from 'autocannon';
import { logIn, postForm } from './back-office.mjs';

const [a, b, email, password] = process.argv.slice(2);
if (!password) throw new Error('usage: node bench/two-servers.mjs BASE_A BASE_B EMAIL PASSWORD');
const cookie = await logIn(a, email, password);
const post = (base, path, fields) => postForm(base, path, fields, cookie);

const story = (base, title, action, extra = {}) =>
  post(base, '/admin/stories/new', {
    lang: 'fr', kind: 'article', title, summary: 'Sous charge.', body: 'Un paragraphe.', action, ...extra,
  }).then((location) => Number(location.match(/\/admin\/stories\/(\d+)/)[1]));

const home = await (await fetch(`${a}/fr/`)).text();
const article = home.match(/href="(\/fr\/article\/[^"]+)"/)[1];
const pages = ['/fr/', '/ar/', article, '/fr/section/actualites', '/fr/search?q=maroc'];

function load(base) {
  return new Promise((resolve, reject) =>
    autocannon({
      url: base,
      connections: 8,
      duration: 40,
      requests: pages.map((path) => ({ method: 'GET', path })),
    }, (err, result) => (err ? reject(err) : resolve(result))));
}

const loads = [load(a), load(b)];
const started = Date.now();
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
await pause(3000);

// Publishing under load, through both servers.
const published = [];
for (let n = 0; n < 6; n++) {
  published.push(await story(n % 2 ? b : a, `Publié sous charge ${started} ${n}`, 'publish'));
  await pause(1000);
}
// Three stories due a few seconds from now: the scheduler of either server publishes each.
const utc = (ms) => new Date(ms).toISOString().slice(0, 19);
let scheduled = 0;
for (let n = 0; n < 3; n++) {
  await story(n % 2 ? b : a, `Programmé sous charge ${started} ${n}`, 'schedule', {
    publish_at: utc(Date.now() + 8000 + n * 4000),
    tz_offset: '0',
  });
  scheduled++;
}
// The newsletter: an issue with the first story, sent now.
const issue = (await post(a, '/admin/mailings', { list: 'newsletter', lang: 'fr', subject: `Lettre ${started}` }))
  .match(/\/admin\/mailings\/(\d+)/)[1];
await post(b, `/admin/mailings/${issue}`, { action: 'add', story: String(published[0]) });
await post(b, `/admin/mailings/${issue}`, { action: 'send' });

for (const [name, result] of [['server A', await loads[0]], ['server B', await loads[1]]]) {
  console.log(`${name}: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, ` +
    `p99 ${result.latency.p99} ms, errors ${result.errors}, timeouts ${result.timeouts}, ` +
    `non-2xx ${result.non2xx}`);
}
console.log(`published under load: ${published.length}`);
console.log(`scheduled: ${scheduled}`);
