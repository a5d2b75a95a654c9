/**
 * How a report's source is named wherever Sitrep shows one (contradictions, the page's claims):
 * the outlet, else the claimants quoted in the report, else "unknown outlet". Never an article
 * id (#17 item 3): an id such as `000_fa41b…` tells an analyst nothing about who says so.
 */

/** The name shown for a report whose outlet and claimants are all unknown. */
export const UNKNOWN_OUTLET = 'unknown outlet';

/** The names a report is attributed to: `[outlet]`, else the distinct claimant names, else `[UNKNOWN_OUTLET]`. */
export function reportSources(outlet: string | null | undefined, claimants: readonly (string | null | undefined)[] = []): string[] {
  const name = outlet?.trim();
  if (name) return [name];
  const names = [...new Set(claimants.map((c) => c?.trim() ?? '').filter((c) => c !== ''))];
  return names.length > 0 ? names : [UNKNOWN_OUTLET];
}
