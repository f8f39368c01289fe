// ccme-portal's navigation: the phone menu's buttons, and moving between reader pages
// without reloading. Once the page's islands run (<html data-hydrated>), a click on a
// link to another reader page, or a search/filter form sent with GET, fetches that
// page's server HTML and puts it in place of the current one: head, <html lang dir>,
// body. Elements marked
// `data-permanent` (the audio player) are carried over as they are, so an episode keeps
// playing; the new page's islands are then hydrated. Back and forward work the same
// way and put the reader back where they were on the page.
//
// Anything else is left to the browser, which loads the page whole: other sites, the
// back office, files (feeds, audio, PDF), links with a target or `download`, clicks
// with a modifier key, any fetch that fails or answers something else than HTML, and a
// page built by another version of the app (new WASM: a reload picks it up).
'use strict';

(() => {
  const root = document.documentElement;
  if (!('fetch' in window) || !('DOMParser' in window) || !history.pushState) return;

  /** Reader pages live under an edition: /fr, /ar, /en. */
  const READER_PAGE = /^\/(fr|ar|en)(\/|$)/;
  /** Addresses under an edition that are files, not pages. */
  const FILE = /\.(xml|rss|json|webmanifest|pdf|mp3|m4a|ogg|jpe?g|png|webp|avif|gif|svg|zip|epub)$/i;
  /** Head elements that belong to the app (scripts, styles), not to the page shown. */
  const APP_HEAD = 'script, link[rel="stylesheet"], link[rel="modulepreload"], link[rel="preload"], meta[charset], meta[name="viewport"], meta[name="theme-color"]';

  let current = 0;
  /** The page on screen (a change of `#…` alone is no new page). */
  let shown = location.pathname + location.search;
  history.scrollRestoration = 'manual';

  const ready = () => root.dataset.hydrated === 'true' && typeof window.__hydrateIsland === 'function';

  function isReaderPage(url) {
    return url.origin === location.origin && READER_PAGE.test(url.pathname) && !FILE.test(url.pathname);
  }

  /** The build a page belongs to: the app's module it preloads. */
  function build(doc) {
    const link = doc.querySelector('link[rel="modulepreload"]');
    return link ? link.getAttribute('href') : '';
  }

  // Where the reader was on the page being left, for Back.
  function rememberScroll() {
    const state = Object.assign({}, history.state, { scroll: [scrollX, scrollY] });
    history.replaceState(state, '');
  }

  function swapHead(doc) {
    const title = doc.title;
    for (const element of Array.from(document.head.children)) {
      if (!element.matches(APP_HEAD)) element.remove();
    }
    for (const element of Array.from(doc.head.children)) {
      if (!element.matches(APP_HEAD)) document.head.append(document.adoptNode(element));
    }
    document.title = title;
  }

  function swapBody(doc) {
    const body = doc.body;
    // Scripts in fetched HTML never run (they are the server's hydration data).
    for (const script of body.querySelectorAll('script')) script.remove();
    const incoming = Array.from(body.childNodes).map((node) => document.adoptNode(node));
    const fragment = document.createDocumentFragment();
    fragment.append(...incoming);
    // The kept elements never leave this document (an <audio> taken out of it would
    // stop): each takes its twin's place in the new content, which then goes in.
    for (const kept of document.querySelectorAll('[data-permanent][id]')) {
      const twin = fragment.querySelector(`#${CSS.escape(kept.id)}`);
      if (twin) twin.replaceWith(kept);
    }
    for (const { name } of Array.from(document.body.attributes)) document.body.removeAttribute(name);
    for (const { name, value } of Array.from(body.attributes)) document.body.setAttribute(name, value);
    document.body.replaceChildren(fragment);
    for (const island of document.body.querySelectorAll('leptos-island')) {
      // An island around a kept element already runs.
      if (island.querySelector('[data-permanent]') || island.closest('[data-permanent]')) continue;
      window.__hydrateIsland(island, island.dataset.component);
    }
  }

  function show(doc, url, scroll) {
    swapHead(doc);
    for (const name of ['lang', 'dir']) {
      const value = doc.documentElement.getAttribute(name);
      if (value === null) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
    swapBody(doc);
    const target = url.hash && document.getElementById(decodeURIComponent(url.hash.slice(1)));
    if (scroll) scrollTo(scroll[0], scroll[1]);
    else if (target) target.scrollIntoView();
    else scrollTo(0, 0);
    // Screen readers start on the new content, as after a page load.
    if (!target) document.getElementById('content')?.focus({ preventScroll: true });
    window.dispatchEvent(new CustomEvent('ccme:navigated'));
  }

  /** Shows `url` in place; `how` is 'push' (a link), 'replace' or 'pop' (Back). */
  async function go(url, how, scroll) {
    const mine = ++current;
    let response;
    try {
      response = await fetch(url.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' });
    } catch {
      location.assign(url.href);
      return;
    }
    const type = response.headers.get('Content-Type') || '';
    const landed = new URL(response.url || url.href);
    if (!type.startsWith('text/html') || !isReaderPage(landed)) {
      location.assign(landed.href);
      return;
    }
    const html = await response.text();
    if (mine !== current) return;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    if (build(doc) !== build(document)) {
      location.assign(landed.href);
      return;
    }
    landed.hash = url.hash;
    if (how === 'push') {
      rememberScroll();
      history.pushState({}, '', landed.href);
    } else if (how === 'replace') {
      history.replaceState({}, '', landed.href);
    }
    shown = landed.pathname + landed.search;
    show(doc, landed, scroll);
  }

  // The phone menu: its button opens and closes it, its close link closes it (without
  // JavaScript, both are jumps to and from the menu).
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element && event.target.closest('.menu-toggle, .menu-close');
    const menu = document.getElementById('site-nav');
    if (!button || !menu || event.button !== 0) return;
    event.preventDefault();
    const open = button.classList.contains('menu-toggle') && !menu.classList.contains('open');
    menu.classList.toggle('open', open);
    document.querySelector('.menu-toggle')?.setAttribute('aria-expanded', String(open));
  });

  document.addEventListener('click', (event) => {
    if (!ready() || event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element && event.target.closest('a[href]');
    if (!link || (link.target && link.target !== '_self') || link.hasAttribute('download')) return;
    const url = new URL(link.href, location.href);
    if (!isReaderPage(url)) return;
    // A jump within the page is the browser's.
    if (url.pathname === location.pathname && url.search === location.search && url.hash) return;
    event.preventDefault();
    go(url, 'push');
  });

  document.addEventListener('submit', (event) => {
    const form = event.target;
    if (!ready() || event.defaultPrevented || !(form instanceof HTMLFormElement)) return;
    if ((form.getAttribute('method') || 'get').toLowerCase() !== 'get' || (form.target && form.target !== '_self')) return;
    const url = new URL(form.action, location.href);
    if (!isReaderPage(url)) return;
    const data = new FormData(form, event.submitter);
    url.search = new URLSearchParams(Array.from(data, ([key, value]) => [key, String(value)])).toString();
    event.preventDefault();
    go(url, 'push');
  });

  /** For the islands (the search overlay's results): open a reader page like a link. */
  window.ccmeGo = (href) => {
    const url = new URL(href, location.href);
    if (ready() && isReaderPage(url)) go(url, 'push');
    else location.assign(url.href);
  };

  addEventListener('popstate', (event) => {
    if (!ready()) return;
    const url = new URL(location.href);
    if (url.pathname + url.search === shown) return;
    go(url, 'pop', event.state && event.state.scroll);
  });
  // Back to this very page later puts the reader where they were.
  addEventListener('pagehide', rememberScroll);
})();
