// ccme-portal in the browser as an app: registers the service worker (release builds
// only: <html data-sw="on">), says when the reader is offline, keeps articles for
// offline reading, lists them, offers installation and announces new versions.
// Plain JavaScript beside the WASM app: it only reads and toggles server-rendered
// elements (texts are translated on the server), so hydration never sees a difference.
'use strict';

(() => {
  const SAVED = 'saved-v1';
  const PAGES = 'pages-v1';
  const root = document.documentElement;
  /** The edition on screen: /nav.js can change it without a reload. */
  const edition = () => root.lang || 'fr';
  const canCache = 'serviceWorker' in navigator && 'caches' in window;

  const $ = (selector, scope = document) => scope.querySelector(selector);
  const $$ = (selector, scope = document) => Array.from(scope.querySelectorAll(selector));

  // --- service worker and updates -------------------------------------------------
  if (canCache && root.dataset.sw === 'on') {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).then((registration) => {
      // A browser that blocks workers (a policy, an automated browser) may resolve
      // without a registration instead of refusing: nothing to do then.
      if (!registration) return;
      const offerUpdate = (worker) => {
        const notice = $('.update-notice');
        if (!notice || !worker) return;
        notice.hidden = false;
        $('button', notice).onclick = () => worker.postMessage({ type: 'skip-waiting' });
      };
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(worker);
        });
      });
      // Keep the page being read and the edition's home for offline reading.
      navigator.serviceWorker.ready.then((ready) =>
        ready.active?.postMessage({ type: 'keep-pages', urls: [location.pathname + location.search, `/${edition()}/`] }),
      );
    });
    let reloading = false;
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      if (root.dataset.swControlled === 'yes' && !reloading) {
        reloading = true;
        location.reload();
      }
      root.dataset.swControlled = 'yes';
    });
    if (navigator.serviceWorker.controller) root.dataset.swControlled = 'yes';
  }

  /** Every cached URL path of the edition, in the caches `names`. */
  async function cachedPaths(names) {
    const paths = new Set();
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) paths.add(new URL(request.url).pathname);
    }
    return paths;
  }

  // --- the edition to open next time ---------------------------------------------------
  // `/` opens the edition read last (the `lang` cookie). The server sets no cookie on a
  // page, or no shared cache could keep it (issue 17): the page remembers its edition
  // here when it is read, and again when the reader switches edition in the app.
  const rememberEdition = () => {
    document.cookie = `lang=${edition()}; Path=/; Max-Age=31536000; SameSite=Lax`;
  };
  rememberEdition();
  new MutationObserver(rememberEdition).observe(root, { attributes: true, attributeFilter: ['lang'] });

  // --- honest offline state -----------------------------------------------------------
  async function showConnection() {
    const offline = !navigator.onLine;
    root.classList.toggle('is-offline', offline);
    const banner = $('.offline-banner');
    if (banner) banner.hidden = !offline;
    if (!canCache) return;
    const available = offline ? await cachedPaths([PAGES, SAVED]) : new Set();
    for (const link of $$('main a[href^="/"], .site-header a[href^="/"]')) {
      const path = new URL(link.href).pathname;
      link.classList.toggle('unavailable-offline', offline && !available.has(path));
    }
  }
  window.addEventListener('online', showConnection);
  window.addEventListener('offline', showConnection);
  showConnection();

  // Offline, links load pages whole (not /nav.js's fetch in place), so the service
  // worker answers with the page or its offline page, as for any page load.
  window.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element && event.target.closest('a[href]');
      if (!navigator.onLine && link && link.origin === location.origin) event.stopPropagation();
    },
    true,
  );

  // --- save for offline -------------------------------------------------------------
  function enhanceSaveButton(saveButton) {
    saveButton.dataset.ready = 'yes';
    const path = location.pathname;
    const label = (saved) => saveButton.setAttribute('aria-pressed', String(saved));
    caches.open(SAVED).then(async (cache) => label(Boolean(await cache.match(path))));
    saveButton.hidden = false;
    saveButton.addEventListener('click', async () => {
      const cache = await caches.open(SAVED);
      if (await cache.match(path)) {
        await cache.delete(path);
        label(false);
        return;
      }
      // The article and its own pictures (not the cards beside it), each once.
      const images = $$('article.article img')
        .map((img) => img.currentSrc || img.src)
        .filter((src) => src && new URL(src).origin === location.origin);
      await cache.addAll([...new Set([path, ...images])]);
      label(true);
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist();
    });
  }

  // --- lists of what can be read offline (saved page, offline page) -------------------
  async function fillList(list, names) {
    if (!list || !canCache) return;
    const items = [];
    for (const name of names) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const path = new URL(request.url).pathname;
        if (!path.startsWith(`/${edition()}/article/`) || items.some((i) => i.path === path)) continue;
        const html = await (await cache.match(request)).text();
        const title = new DOMParser().parseFromString(html, 'text/html').querySelector('h1');
        items.push({ path, title: title ? title.textContent.trim() : decodeURIComponent(path) });
      }
    }
    for (const { path, title } of items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = path;
      a.textContent = title;
      li.append(a);
      list.append(li);
    }
    const empty = $('.offline-list-empty', list.parentElement);
    if (empty) empty.hidden = items.length > 0;
  }
  // Pages rendered later by the app's own navigation get the same treatment.
  function enhance() {
    if (!canCache) return;
    const button = $('.save-offline:not([data-ready])');
    if (button) enhanceSaveButton(button);
    for (const [selector, names] of [['.saved-list', [SAVED]], ['.offline-list', [SAVED, PAGES]]]) {
      const list = $(`${selector}:not([data-filled])`);
      if (list) {
        list.dataset.filled = 'yes';
        fillList(list, names);
      }
    }
  }
  // Lists and buttons belong to the WASM app: touch them once it has hydrated (the
  // frontend marks <html data-hydrated>), or after a while if it never does.
  function whenHydrated(run) {
    if (root.dataset.hydrated === 'true') return run();
    let done = false;
    const once = () => {
      if (!done) {
        done = true;
        run();
      }
    };
    new MutationObserver(() => root.dataset.hydrated === 'true' && once()).observe(root, { attributes: true });
    setTimeout(once, 10000);
  }
  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      enhance();
      showConnection();
    });
  });
  whenHydrated(() => {
    enhance();
    observer.observe(document.body, { childList: true, subtree: true });
  });

  // --- install ---------------------------------------------------------------------------
  // (Looked up when needed: /nav.js puts a new footer, with a new button, on each page.)
  let deferred = null;
  const showInstall = () => {
    const install = $('.install-app');
    if (install) install.hidden = !deferred;
  };
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event;
    showInstall();
  });
  window.addEventListener('ccme:navigated', showInstall);
  document.addEventListener('click', async (event) => {
    const install = event.target instanceof Element && event.target.closest('.install-app');
    if (!install || !deferred) return;
    deferred.prompt();
    await deferred.userChoice;
    deferred = null;
    showInstall();
  });
  const ios = /iphone|ipad|ipod/i.test(navigator.userAgent) && !window.matchMedia('(display-mode: standalone)').matches;
  const showIosHelp = () => {
    const iosHelp = $('.install-ios');
    if (iosHelp) iosHelp.hidden = !ios;
  };
  showIosHelp();
  window.addEventListener('ccme:navigated', showIosHelp);
})();
