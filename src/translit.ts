// Maps Devanagari and Latin spellings of a word to one comparable form: a romanisation, then a phonetic key.

const CONSONANTS: Record<string, string> = {
  "क": "k", "ख": "kh", "ग": "g", "घ": "gh", "ङ": "n", "च": "ch", "छ": "chh", "ज": "j", "झ": "jh", "ञ": "n",
  "ट": "t", "ठ": "th", "ड": "d", "ढ": "dh", "ण": "n", "त": "t", "थ": "th", "द": "d", "ध": "dh", "न": "n",
  "प": "p", "फ": "ph", "ब": "b", "भ": "bh", "म": "m", "य": "y", "र": "r", "ल": "l", "ळ": "l", "व": "v",
  "श": "sh", "ष": "sh", "स": "s", "ह": "h", "ऩ": "n", "ऱ": "r", "ऴ": "l",
};
const VOWELS: Record<string, string> = {
  "अ": "a", "आ": "aa", "इ": "i", "ई": "ii", "उ": "u", "ऊ": "uu", "ऋ": "ri", "ए": "e", "ऐ": "ai", "ओ": "o",
  "औ": "au", "ऑ": "o", "ऍ": "e", "ऎ": "e", "ऒ": "o", "ॠ": "ri", "ऌ": "li",
};
const MATRAS: Record<string, string> = {
  "ा": "aa", "ि": "i", "ी": "ii", "ु": "u", "ू": "uu", "ृ": "ri", "े": "e", "ै": "ai", "ो": "o", "ौ": "au",
  "ॉ": "o", "ॅ": "e", "ॆ": "e", "ॊ": "o", "ॄ": "ri", "ॢ": "li",
};
const VIRAMA = "्";
const ANUSVARA = "ं";
const VISARGA = "ः";

/**
 * Romanises a Devanagari word the way Indians commonly type it: inherent "a" after each consonant except at
 * the end of the word, anusvara as n (m before p, b, m). Other characters pass through.
 */
export function romanize(word: string): string {
  let out = "";
  let schwa = false; // a consonant was written and still carries its inherent "a"
  for (const ch of word) {
    const c = CONSONANTS[ch];
    if (c !== undefined) {
      if (schwa) out += "a";
      out += c;
      schwa = true;
      continue;
    }
    const m = MATRAS[ch];
    if (m !== undefined) {
      out += m;
      schwa = false;
      continue;
    }
    if (ch === VIRAMA) {
      schwa = false;
      continue;
    }
    if (schwa) out += "a";
    schwa = false;
    if (ch === ANUSVARA) out += "N";
    else if (ch === VISARGA) out += "h";
    else if (VOWELS[ch] !== undefined) out += VOWELS[ch];
    else if (ch >= "०" && ch <= "९") out += String(ch.charCodeAt(0) - 0x0966);
    else if (ch === "ॐ") out += "om";
    else out += ch;
  }
  return out.replace(/N(?=[pbm])/g, "m").replace(/N/g, "n");
}

// English letter names as Hindi writes them, for abbreviations typed in Devanagari: बीपीओ is BPO, एचआर is HR.
const LETTER_NAMES: readonly (readonly [string, string])[] = Object.entries({
  "ए": "a", "बी": "b", "सी": "c", "डी": "d", "ई": "e", "एफ": "f", "जी": "g", "एच": "h", "आई": "i", "जे": "j",
  "के": "k", "एल": "l", "एम": "m", "एन": "n", "ओ": "o", "पी": "p", "क्यू": "q", "आर": "r", "एस": "s", "टी": "t",
  "यू": "u", "वी": "v", "डब्ल्यू": "w", "एक्स": "x", "वाई": "y", "जेड": "z",
}).sort((x, y) => y[0].length - x[0].length);

/**
 * The Latin abbreviation a Devanagari word spells letter by letter ("बीपीओ" -> "bpo", "आईटी" -> "it"), if it is
 * made only of English letter names, two or more.
 */
export function spelledLetters(word: string): string | undefined {
  let rest = word;
  let out = "";
  while (rest.length > 0) {
    const hit = LETTER_NAMES.find(([name]) => rest.startsWith(name));
    if (!hit) return undefined;
    out += hit[1];
    rest = rest.slice(hit[0].length);
  }
  return out.length >= 2 ? out : undefined;
}

/** English plural, -ing and -ed endings, so "duties", "offices", "working" and "worked" meet "duty", "office", "work". */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith("ies")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  // Past tense as -ing is: "needed", "trained" and "applied" meet "need", "train" and "apply" ("speed" keeps its "eed").
  if (w.length > 5 && w.endsWith("ied")) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith("ed") && !w.endsWith("eed")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !/[suia]s$/.test(w)) return w.slice(0, -1);
  return w;
}

// Hindi plural and oblique endings, longest first: कंपनियों/कंपनी, नौकरियां/नौकरी, ग्राहकों/ग्राहक, बातें/बात.
const HINDI_ENDINGS: readonly [string, string][] = [
  ["ियों", "ी"],
  ["ियां", "ी"],
  ["ाएं", "ा"],
  ["ाओं", "ा"],
  ["ों", ""],
  ["ें", ""],
];

/** Strips a Hindi plural or oblique ending when enough of the word is left to stay recognisable. */
export function stemHindi(w: string): string {
  for (const [ending, by] of HINDI_ENDINGS) {
    if (w.endsWith(ending) && w.length - ending.length >= 3) return w.slice(0, -ending.length) + by;
  }
  return w;
}

// Hindi verb endings, longest first, as typed in Latin letters and in Devanagari: "milegi", "milta" and "milna"
// are one verb, "मिलेगा" and "मिलता" too. (A noun may end alike, so these only join a word the corpus lacks to a
// corpus word that ends in one as well: see verbStem.)
const VERB_ENDING_LATIN = /^([a-z]{3,}?)(enge|unga|ungi|ega|egi|oge|ogi|iye|oon|un|na|ni|ne|ta|ti|te|ie|ye|o|u|e|i|a)$/;
const VERB_ENDING_DEVANAGARI = /^([\u0900-\u097f]{2,}?)(ेंगे|ूंगा|ूंगी|ेगा|ेगी|ोगे|िए|ूं|ूँ|ना|नी|ने|ता|ती|ते|ें|े|ो|ा|ी|ू|ि)$/u;

/** A word's stem without a Hindi verb ending, in its own script, or undefined when it has none. */
export function verbStem(surface: string): string | undefined {
  const m = (/[\u0900-\u097f]/.test(surface) ? VERB_ENDING_DEVANAGARI : VERB_ENDING_LATIN).exec(surface);
  return m === null ? undefined : `${m[1]}-`;
}

/**
 * A Devanagari word as it is often typed in haste: without its virama, with the vowel signs ै and ौ typed as े and ो
 * ("कया" and "क्या", "कोन" and "कौन", "हे" and "है" meet). (A nukta is gone already: see tokenize.) These signs tell
 * some words apart too ("कोन" is also a mehndi cone, "फैल" spreading, not "फेल"), so only question and function words
 * are read so (see Analyzer.analyzeWord); never ी/ि nor ऐ/ए ("जाति" is no "जाती", an air conditioner's "एसी" no "ऐसी").
 */
export function looseDevanagari(word: string): string {
  return word.replace(/\u094d/gu, "").replace(/\u0948/gu, "\u0947").replace(/\u094c/gu, "\u094b").replace(/औ/gu, "ओ");
}

/** A loose spelling: long vowels shortened and doubled letters collapsed ("jaroori" and "jaruri" meet). */
export function loose(latin: string): string {
  return latin.replace(/ee/g, "i").replace(/oo/g, "u").replace(/(.)\1+/g, "$1");
}

/**
 * A phonetic skeleton of a Latin word: digraphs folded (ph/f, sh/s, z/j, w/v, aspirates), soft and hard c
 * told apart, then the first letter kept and later vowels, y and h dropped. "front office" and the
 * romanised "फ्रंट ऑफिस" both become "frnt ofs"; jimmedari, zimmedari and जिम्मेदारी become "jmdr".
 */
export function phoneticKey(latin: string): string {
  let s = latin.toLowerCase();
  if (/^\d+$/.test(s)) return s;
  s = s
    .replace(/tion/g, "shan")
    .replace(/ch/g, "C")
    .replace(/ck/g, "k")
    .replace(/c(?=[eiy])/g, "s")
    .replace(/c/g, "k")
    .replace(/C/g, "c")
    .replace(/qu/g, "kv")
    .replace(/ph/g, "f")
    .replace(/([aeiou])w(?![aeiou])/g, "$1")
    .replace(/w/g, "v")
    .replace(/q/g, "k")
    .replace(/x/g, "ks")
    .replace(/z/g, "j")
    .replace(/(?<=.)h/g, "")
    .replace(/(.)\1+/g, "$1");
  if (s.length === 0) return s;
  return s[0] + s.slice(1).replace(/[aeiouy]/g, "");
}
