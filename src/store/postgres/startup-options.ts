/**
 * Adds a server setting to a PostgreSQL connection URL as a startup parameter (`options=-c …`),
 * keeping any `options` the URL already has (a `search_path`, say). node-postgres lets the URL's
 * `options` win over an `options` given beside it, so the setting must go into the URL itself.
 *
 * @example
 * withStartupOption('postgres://db/sitrep?options=-c%20search_path%3Dx', '-c synchronous_commit=off')
 * // 'postgres://db/sitrep?options=-c+search_path%3Dx+-c+synchronous_commit%3Doff'
 */
export function withStartupOption(url: string, option: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const existing = parsed.searchParams.get('options');
  parsed.searchParams.set('options', existing ? `${existing} ${option}` : option);
  return parsed.toString();
}
