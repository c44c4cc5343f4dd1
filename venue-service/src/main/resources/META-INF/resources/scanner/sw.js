/*
 * Keeps the scanner page's own files on the phone, so that it opens again (a reload, a phone restarted) when
 * the venue has no network, with the page's words (/words.js: every reason, for the verdicts given offline). Network first, so a new version is picked up whenever the network is there; the
 * API is never cached (offline answers come from the offline kit and the queue, see offline.js).
 */
const CACHE = 'kulturpass-scanner-v5';
const FILES = ['./', 'index.html', 'scanner.css', 'core.js', 'passtoken.js', 'offline.js', 'camera.js', 'answer.js', 'pairing.js',
  'scanner.js', 'vendor/zxing/umd/index.min.js', '/words.js', '/kulturpass/page.js'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== CACHE).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  const pageFile = url.pathname.startsWith('/scanner/') || url.pathname === '/kulturpass/page.js' || url.pathname === '/words.js';
  if (event.request.method !== 'GET' || url.origin !== location.origin || !pageFile) return;
  event.respondWith(fetch(event.request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
      }
      return response;
    })
    .catch(() => caches.match(event.request, { ignoreSearch: true })));
});
