// What the benchmarks that act as an editor share: logging in to the back office and
// posting its forms as the site's own pages do (the cross-site guard reads
// Sec-Fetch-Site), without a browser.

/// Headers of a post from the site's own pages.
export const fromSite = { 'sec-fetch-site': 'same-origin' };

/// Logs in at `base` and returns the session cookie (`name=value`).
export async function logIn(base, email, password) {
  const login = await fetch(`${base}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: fromSite,
    body: new URLSearchParams({ email, password, next: '/admin' }),
  });
  const cookie = (login.headers.get('set-cookie') || '').split(';')[0];
  if (!cookie) throw new Error(`log-in refused: ${login.status}`);
  return cookie;
}

/// Posts `fields` to `base + path` with the session `cookie`; returns where the answer
/// (a 303, else an error) leads.
export async function postForm(base, path, fields, cookie) {
  const response = await fetch(base + path, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...fromSite, cookie },
    body: new URLSearchParams(fields),
  });
  if (response.status !== 303) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.headers.get('location');
}
