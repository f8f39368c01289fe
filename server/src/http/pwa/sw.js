// ccme-portal service worker. The server fills in VERSION and PRECACHE from the build's
// hashed /pkg/ files (server/src/http/pwa.rs), so a new build is a new worker.
'use strict';

const VERSION = '__VERSION__';
const PRECACHE = `precache-${VERSION}`;
const PAGES = 'pages-v1';
const IMAGES = 'images-v1';
const SAVED = 'saved-v1';
const ASSETS = __PRECACHE__;
const LANGS = __LANGS__;
const OFFLINE_PAGES = LANGS.map((lang) => `/${lang}/offline`);
/** Pages kept from reading (oldest dropped first) and images kept. */
const MAX_PAGES = 60;
const MAX_IMAGES = 120;
/** How long a page may take before the cached copy is shown instead. */
const NETWORK_TIMEOUT_MS = 3000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(PRECACHE).then((cache) => cache.addAll([...ASSETS, ...OFFLINE_PAGES])));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith('precache-') && n !== PRECACHE).map((n) => caches.delete(n)));
      // Pages kept from the previous version point at its assets, which are gone: keep
      // only what can be refreshed now, and refresh saved articles.
      await refresh(PAGES, true);
      await refresh(SAVED, false);
      await self.clients.claim();
    })(),
  );
});

/** Fetches every entry of cache `name` again; `dropOnFailure` removes what fails. */
async function refresh(name, dropOnFailure) {
  const cache = await caches.open(name);
  for (const request of await cache.keys()) {
    try {
      const response = await fetch(request.url, { cache: 'no-store' });
      if (mayKeep(response)) await cache.put(request.url, response);
      else if (dropOnFailure) await cache.delete(request);
    } catch {
      if (dropOnFailure) await cache.delete(request);
    }
  }
}

self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'skip-waiting') self.skipWaiting();
  if (data.type === 'keep-pages' && Array.isArray(data.urls)) {
    event.waitUntil(keepPages(data.urls));
  }
});

/** Addresses never kept: server functions, the back office and its previews. */
function isPrivate(pathname) {
  return pathname.startsWith('/api/') || pathname === '/admin' || pathname.startsWith('/admin/') ||
    /^\/[a-z]{2}\/preview\//.test(pathname);
}

/** Stores pages the reader has open (the first page loads before the worker runs). */
async function keepPages(urls) {
  const cache = await caches.open(PAGES);
  for (const url of urls.filter((u) => !isPrivate(new URL(u, self.location.origin).pathname))) {
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (mayKeep(response)) await cache.put(url, response);
    } catch {
      /* offline: nothing to keep */
    }
  }
  await trim(PAGES, MAX_PAGES);
}

function isHtml(response) {
  return (response.headers.get('content-type') || '').includes('text/html');
}

/** Whether a page may be kept for offline reading: never one the server marks
 * `no-store` (personal pages, such as the confirmation and unsubscribe links' pages,
 * whose address holds a reader's token). */
function mayKeep(response) {
  return response.ok && isHtml(response) && !/no-store/i.test(response.headers.get('cache-control') || '');
}

/** Drops the oldest entries of cache `name` beyond `max`. */
async function trim(name, max) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Form posts, server functions, the back office and other sites: always the
  // network, never a cache (back-office pages are private to their account).
  if (request.method !== 'GET' || url.origin !== self.location.origin || isPrivate(url.pathname)) return;
  if (url.pathname.startsWith('/pkg/') || ASSETS.includes(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else if (url.pathname.startsWith('/media/')) {
    // Pictures are kept for offline reading. Audio, video and PDFs are read in byte
    // ranges by players and viewers, which a cache cannot answer (it stores whole
    // 200 responses only): those go to the network untouched.
    if (request.headers.has('range') || !/\.(avif|webp|jpe?g|png|gif|svg)$/i.test(url.pathname)) return;
    event.respondWith(staleWhileRevalidate(event, request));
  } else if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, url));
  }
});

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) (await caches.open(PRECACHE)).put(request, response.clone());
  return response;
}

async function staleWhileRevalidate(event, request) {
  const cached = await caches.match(request);
  const update = fetch(request)
    .then(async (response) => {
      if (response.ok) {
        await (await caches.open(IMAGES)).put(request, response.clone());
        await trim(IMAGES, MAX_IMAGES);
      }
      return response;
    })
    .catch(() => cached || Response.error());
  if (cached) {
    event.waitUntil(update);
    return cached;
  }
  return update;
}

async function networkFirst(request, url) {
  const network = fetch(request).then(async (response) => {
    if (mayKeep(response)) {
      const cache = await caches.open(PAGES);
      await cache.delete(url.pathname + url.search); // re-adding moves it to the newest end
      await cache.put(request, response.clone());
      await trim(PAGES, MAX_PAGES);
    }
    return response;
  });
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), NETWORK_TIMEOUT_MS));
  try {
    const first = await Promise.race([network.catch(() => null), timeout]);
    if (first) return first;
  } catch {
    /* fall through to the caches */
  }
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  try {
    return await network; // slow but alive: wait for it after all
  } catch {
    // Not kept: go to the edition's offline page (a real address, so the app hydrates
    // the page it expects).
    const lang = LANGS.find((l) => url.pathname.startsWith(`/${l}/`) || url.pathname === `/${l}`) || LANGS[0];
    const offline = `/${lang}/offline`;
    if (url.pathname === offline) return (await caches.match(offline)) || Response.error();
    return Response.redirect(offline, 302);
  }
}
