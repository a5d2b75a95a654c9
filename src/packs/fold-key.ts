/**
 * The exact-match key of a word or name: lower case, diacritics stripped, apostrophes removed,
 * and the few Latin letters that do not decompose (ə, ı, ø, ł...) mapped to plain ones. Two
 * spellings that differ only in these ways ("Şuşa"/"Susa", "T’aghlar"/"Taghlar",
 * "Köhnə"/"Kohne") share a key; real transliteration differences ("Kh"/"X") do not (see
 * `nameKey` for those).
 *
 * @example
 * foldKey('Köhnə Tağlar') // 'kohne taglar'
 */
export function foldKey(s: string): string {
  if (ASCII_WORD.test(s)) return s.toLowerCase();
  let out = s.normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, '').toLowerCase();
  if (SPECIAL.test(out)) out = out.replace(SPECIAL_ALL, (c) => SPECIAL_MAP[c] ?? c);
  return out;
}

const ASCII_WORD = /^[A-Za-z0-9]*$/;
const MARKS = /\p{M}+/gu;
/** Apostrophes and look-alikes used in transliterations and possessives. */
export const APOSTROPHE_CHARS = "'’ʼ‘`´ʻ";
const APOSTROPHES = new RegExp(`[${APOSTROPHE_CHARS}]`, 'g');
const SPECIAL_MAP: Readonly<Record<string, string>> = {
  ə: 'e',
  ı: 'i',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ŀ: 'l',
};
const SPECIAL = /[əıøłđðþßæœŀ]/;
const SPECIAL_ALL = /[əıøłđðþßæœŀ]/g;
