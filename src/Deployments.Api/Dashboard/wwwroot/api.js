// The JSON API, called with the key the user signed in with. The key lives in sessionStorage: it is
// gone when the tab closes, and never lands in a URL, a cookie or a log.
const KEY = 'deployments.key';

export const session = {
  get key() { return sessionStorage.getItem(KEY); },
  signIn(key) { sessionStorage.setItem(KEY, key); },
  signOut() { sessionStorage.removeItem(KEY); },
};

/** An RFC 9457 problem document the API answered with. */
export class Problem extends Error {
  constructor(status, document) {
    super(document?.detail || document?.title || `The API answered ${status}.`);
    this.status = status;
    this.document = document ?? {};
  }
}

export async function call(path, { method = 'GET', body, signal, key } = {}) {
  const headers = { Accept: 'application/json', 'x-functions-key': key ?? session.key ?? '' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, signal, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { title: text }; }
  if (!response.ok) throw new Problem(response.status, data);
  return { data, index: response.headers.get('X-Modify-Index'), status: response.status };
}

export const get = async (path, options) => (await call(path, options)).data;

export const post = async (path, body) => (await call(path, { method: 'POST', body: body ?? {} })).data;

/** A query string from an object; arrays repeat the name, empty values are left out. */
export function query(values) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    for (const one of [].concat(value ?? [])) {
      if (one !== '' && one !== null && one !== undefined) search.append(name, String(one));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A problem as one readable line: what went wrong, why, and which fields. */
export function describe(error) {
  if (!(error instanceof Problem)) return error?.message ?? String(error);
  const { title, detail, errors } = error.document;
  const fields = errors ? Object.entries(errors).map(([field, messages]) => `${field}: ${[].concat(messages).join('; ')}`) : [];
  return [title, detail, ...fields].filter((part, i, all) => part && all.indexOf(part) === i).join(' — ');
}
