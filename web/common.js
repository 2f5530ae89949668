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

/** GET a JSON endpoint; throws ApiError with the server's problem detail, or a TypeError when unreachable. */
export async function getJson(url, signal) {
  let res;
  try {
    res = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'Unreachable', 'The Verbatim server cannot be reached. Is it running?');
  }
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (!res.ok) {
    throw new ApiError(res.status, body?.title || res.statusText, body?.detail || `The server answered ${res.status}.`);
  }
  return body;
}

export function showAlert(node, message) {
  node.textContent = message;
  node.hidden = !message;
}
