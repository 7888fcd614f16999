// Text clean-up and tokenisation shared by matching, language detection and every channel.
import { TUNING } from "./tuning.js";

// Zero-width characters, bidi controls, soft hyphen, BOM: invisible, and they split or glue words.
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufe00-\ufe0f]/gu;
// C0/C1 controls other than the whitespace we turn into spaces.
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/gu;
const SPACES = /\s+/gu;

/**
 * Makes any string safe to process and show: well-formed UTF-16, NFC, no control or invisible characters,
 * single spaces, trimmed, and cut to `maxChars` code points.
 */
export function cleanText(raw: string, maxChars: number = TUNING.maxQuestionChars): string {
  // Cut first (generously) so a megabyte of input costs no more than a long question.
  let s = raw.length > maxChars * 4 ? raw.slice(0, maxChars * 4) : raw;
  s = s.toWellFormed().replace(/\ufffd/gu, " ").normalize("NFC");
  s = s.replace(INVISIBLE, "").replace(CONTROL, " ").replace(SPACES, " ").trim();
  // Code points never outnumber UTF-16 units: only a long string can need cutting.
  if (s.length <= maxChars) return s;
  const points = Array.from(s);
  return points.length > maxChars ? points.slice(0, maxChars).join("").trim() : s;
}

const DEVANAGARI = /[\u0900-\u097f]/u;
export function hasDevanagari(s: string): boolean {
  return DEVANAGARI.test(s);
}

// A word: letters, combining marks and digits. Devanagari and Latin runs are split apart ("officeमें").
const WORD = /[\u0900-\u0963\u0966-\u097f]+|(?:(?![\u0900-\u097f])[\p{L}\p{M}\p{N}])+/gu;

/** Lower-cased words of a cleaned text; the nukta is dropped, chandrabindu folded into anusvara, ाॅ into ॉ, a final ये/यी into ए/ई. */
export function tokenize(text: string): string[] {
  const s = text
    .toLowerCase()
    .normalize("NFC")
    .replace(/\u093c/gu, "")
    .replace(/\u0901/gu, "\u0902")
    // "जाॅब" typed as aa and a candra sign is "जॉब": one vowel sign, the candra o.
    .replace(/\u093e\u0945/gu, "\u0949")
    // A glide typed at a word's end is the plain vowel: "गये" and "गए", "लिये" and "लिए", "कमायी" and "कमाई" are one.
    .replace(/(?<=[\u0901-\u0963\u0971-\u097f])य([\u0947\u0940])(\u0902?)(?![\u0900-\u0963\u0971-\u097f])/gu, (_, sign: string, nasal: string) => (sign === "\u0947" ? "\u090f" : "\u0908") + nasal);
  const out: string[] = [];
  for (const m of s.matchAll(WORD)) {
    const w = m[0];
    // Devanagari marks are letters of the word and stay.
    // Latin words lose their accents ("café" -> "cafe"); plain ASCII needs no work.
    out.push(DEVANAGARI.test(w) || !/[^\x00-\x7f]/.test(w) ? w : w.normalize("NFD").replace(/\p{M}/gu, ""));
  }
  return out.filter((w) => w.length > 0);
}
