/**
 * A transliteration-tolerant key for names, used as a fallback when a capitalised word matches no
 * alias exactly. It folds the usual variations of Armenian, Azerbaijani and Russian names in
 * English, Norwegian, French and German texts: kh/x/h, sh/sj/sch/ş, ch/ç/tch, gh/ğ/g, q/g,
 * dzh/dj/j, zh/j, -yan/-ian/-jan, y/i, e/ə/a, ou/u, w/v, word-final d/t, apostrophes, doubled
 * letters. It is deliberately lossy: use it only after exact matching failed.
 *
 * @example
 * nameKey('Pasjinian') === nameKey('Pashinyan') // true
 * nameKey('Kelbajar') === nameKey('Kalbajar')   // true
 * nameKey('Xankəndi') === nameKey('Khankendi')  // true
 */
export function nameKey(s: string): string {
  const hit = memo.get(s);
  if (hit !== undefined) return hit;
  const k = compute(s);
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(s, k);
  return k;
}

/** Words repeat across articles: remember recent keys (bounded). */
const memo = new Map<string, string>();
const MEMO_MAX = 50_000;

/** {@link nameKey} without the memo (for indexing many aliases once at start-up). */
export function computeNameKey(s: string): string {
  return compute(s);
}

function compute(s: string): string {
  let k = s.toLowerCase();
  if (NON_ASCII.test(k)) {
    k = k.replace(PRE, (c) => PRE_MAP[c] ?? c).normalize('NFD').replace(MARKS, '');
  }
  k = k.replace(APOSTROPHES, '').replace(NOT_LETTER, ' ').trim();
  if (k === '') return '';
  for (const [re, to] of RULES) k = k.replace(re, to);
  return k
    .split(/\s+/)
    .map((w) => w.replace(SUFFIX_IAN, 'ian').replace(FINAL_D, 't').replace(/y/g, 'i').replace(/(.)\1+/g, '$1'))
    .join(' ');
}

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’ʼ‘`´ʻ]+/g;
/** Everything but letters becomes a word break (after apostrophes vanished). */
const NOT_LETTER = /[^\p{L}\s]+/gu;
const PRE_MAP: Readonly<Record<string, string>> = {
  ş: 'sh',
  š: 'sh',
  ç: 'ch',
  č: 'ch',
  ğ: 'gh',
  ə: 'e',
  ı: 'i',
  ž: 'zh',
  ø: 'o',
  ł: 'l',
  ß: 'ss',
};
const PRE = /[şšçčğəıžøłß]/g;
/** Applied in order; later rules see the output of earlier ones. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/sj/g, 'sh'],
  [/tch/g, 'ch'],
  [/dzh/g, 'j'],
  [/dj/g, 'j'],
  [/zh/g, 'j'],
  [/kh/g, 'h'],
  [/x/g, 'h'],
  [/gh/g, 'g'],
  [/q/g, 'g'],
  [/ch/g, 'c'],
  [/ou/g, 'u'],
  [/w/g, 'v'],
  [/ph/g, 'p'],
  [/th/g, 't'],
  [/e/g, 'a'],
];
const SUFFIX_IAN = /(?:ian|yan|jan)$/;
const FINAL_D = /d$/;
