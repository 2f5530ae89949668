// Shared helpers. Transcript text is untrusted: it is only ever inserted with textContent, except the
// server's snippets, which are HTML-escaped text whose only markup is <mark>.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Inserts a server snippet after checking that its only tags are <mark> and </mark>. */
export function snippet(node, html) {
  const safe = String(html ?? '').replace(/<(?!\/?mark>)/g, '&lt;');
  node.innerHTML = safe;
  return node;
}

export function clock(seconds) {
  if (seconds === null || seconds === undefined) return '';
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(r)}` : `${m}:${pad(r)}`;
}

export class ApiError extends Error {
  constructor(status, title, detail) {
    super(detail || title);
    this.status = status;
    this.title = title;
  }
}

const TOKEN_KEY = 'verbatim.token';
let tokenPrompt = null;

/**
 * Asks for an access token in a modal form and keeps it for this browser session (sessionStorage: gone
 * when the tab closes). One prompt at a time, however many requests were refused.
 */
function askForToken(message) {
  if (tokenPrompt) return tokenPrompt;
  tokenPrompt = new Promise((resolve) => {
    const input = el('input', { type: 'password', id: 'token-input', name: 'token', autocomplete: 'off', required: true,
      'aria-describedby': 'token-help', spellcheck: 'false' });
    const form = el('form', { method: 'dialog', class: 'token-form' },
      el('h2', {}, 'This archive needs an access token'),
      el('p', { id: 'token-help' }, message),
      el('label', { for: 'token-input' }, 'Token'),
      input,
      el('button', { type: 'submit', id: 'token-submit' }, 'Continue'));
    const dialog = el('dialog', { id: 'token-dialog', 'aria-labelledby': 'token-title' }, form);
    form.querySelector('h2').id = 'token-title';
    dialog.addEventListener('cancel', (ev) => ev.preventDefault());
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const token = input.value.trim();
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      dialog.close();
      dialog.remove();
      tokenPrompt = null;
      resolve(token);
    });
    document.body.append(dialog);
    dialog.showModal();
    input.focus();
  });
  return tokenPrompt;
}

function authHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/**
 * GET a JSON endpoint; throws ApiError with the server's problem detail, or a TypeError when unreachable.
 * When the server asks for a token (401), the page asks the user for one and tries again.
 */
export function getJson(url, signal) {
  return requestJson(url, { signal });
}

/** POST a JSON body to an endpoint and read its JSON answer, as {@link getJson} does. */
export function postJson(url, body) {
  return requestJson(url, { method: 'POST', body: JSON.stringify(body), contentType: 'application/json' });
}

async function requestJson(url, { signal, method = 'GET', body, contentType } = {}) {
  for (;;) {
    let res;
    const headers = { Accept: 'application/json', ...authHeaders() };
    if (contentType) headers['Content-Type'] = contentType;
    try {
      res = await fetch(url, { signal, method, body, headers });
    } catch (e) {
      if (e.name === 'AbortError') throw e;
      throw new ApiError(0, 'Unreachable', 'The Verbatim server cannot be reached. Is it running?');
    }
    let answer = null;
    try { answer = await res.json(); } catch { answer = null; }
    if (res.status === 401) {
      const had = sessionStorage.getItem(TOKEN_KEY);
      sessionStorage.removeItem(TOKEN_KEY);
      await askForToken(had
        ? 'That token was not accepted. Check it and paste it again, or ask an administrator for a new one.'
        : 'Paste the token an administrator gave you. It is kept only until you close this tab.');
      continue;
    }
    if (!res.ok) {
      throw new ApiError(res.status, answer?.title || res.statusText, answer?.detail || `The server answered ${res.status}.`);
    }
    return answer;
  }
}

/**
 * Makes a link download through fetch, so that the request carries the access token (a plain link
 * cannot); the file name comes from the server's Content-Disposition.
 */
export function downloadWithToken(link) {
  link.addEventListener('click', async (ev) => {
    if (!sessionStorage.getItem(TOKEN_KEY)) return; // no token in use: the plain link works
    ev.preventDefault();
    const res = await fetch(link.href, { headers: authHeaders() });
    if (!res.ok) return;
    const name = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') || '')?.[1] || 'download.csv';
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: name, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });
}

export function showAlert(node, message) {
  node.textContent = message;
  node.hidden = !message;
}
