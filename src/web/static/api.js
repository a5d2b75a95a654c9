// Talking to the Sitrep API; errors are problem+json documents.

/** GETs JSON from `path` with query `params` (arrays become repeated keys). */
export async function getJson(path, params = {}) {
  const res = await fetch(withQuery(path, params));
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body && body.detail ? body.detail : `${res.status} ${res.statusText}`);
  return body;
}

/** `path?query` from a parameter object, leaving out empty values. */
export function withQuery(path, params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
