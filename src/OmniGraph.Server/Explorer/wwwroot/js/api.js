// The explorer's one way to the server: JSON over the HTTP routes (docs/server.md) with the bearer token, asking for a
// token when the server answers 401 and retrying once it is given.

const TOKEN_KEY = 'omnigraph.explorer.token';
let token = sessionStorage.getItem(TOKEN_KEY);
let pendingToken = null;
const listeners = new Set();

/** An error envelope ({error, code, details}) from the server, with the HTTP status. */
export class ApiError extends Error {
  constructor(status, envelope) {
    super(envelope?.error ?? `HTTP ${status}`);
    this.status = status;
    this.code = envelope?.code ?? 'http_' + status;
    this.details = envelope?.details;
  }
}

/** Calls fn(hasToken) whenever the token changes. */
export function onTokenChange(fn) { listeners.add(fn); fn(!!token); }

/** Forgets the token (the next 401 asks again). */
export function signOut() { setToken(null); }

function setToken(value) {
  token = value;
  if (value) sessionStorage.setItem(TOKEN_KEY, value); else sessionStorage.removeItem(TOKEN_KEY);
  listeners.forEach(fn => fn(!!value));
}

function askToken(reason) {
  // One prompt for every request that got a 401 meanwhile.
  if (pendingToken) return pendingToken;
  const dialog = document.getElementById('token-dialog');
  const input = document.getElementById('token-input');
  document.getElementById('token-reason').textContent = reason;
  input.value = '';
  pendingToken = new Promise(resolve => {
    dialog.addEventListener('close', () => {
      pendingToken = null;
      resolve(input.value || null);
    }, { once: true });
  });
  dialog.showModal();
  input.focus();
  return pendingToken;
}

/**
 * Sends one request and answers {body, ms, headers}; ms is the whole round trip as the page sees it.
 * A 401 asks for a token and retries; any other failure throws an ApiError with the server's code.
 */
export async function request(path, { method = 'GET', body } = {}) {
  for (;;) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = 'Bearer ' + token;
    const started = performance.now();
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const ms = performance.now() - started;
    let parsed = null;
    try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { error: text }; }
    if (response.status === 401) {
      const given = await askToken(parsed?.error ?? 'The server asked for a bearer token.');
      if (!given) throw new ApiError(401, parsed);
      setToken(given);
      continue;
    }
    if (!response.ok) throw new ApiError(response.status, parsed);
    return { body: parsed, ms, headers: response.headers };
  }
}

/** GET or POST a JSON body and answer the parsed answer. */
export async function json(path, options) { return (await request(path, options)).body; }

/** The path of a per-graph route. */
export function graphPath(graph, route) { return `/graphs/${encodeURIComponent(graph)}${route}`; }
