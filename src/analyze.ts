// Turns words into matcher terms: stop words dropped, concepts folded, any spelling reduced to a phonetic key.
import { editDistance } from "./distance.js";
import { AUXILIARIES, ENGLISH_STOPWORDS, HINDI_STOPWORDS, INTENTS, LETTER_FORMS, MEANING, POSTPOSITIONS, REQUESTS, SUFFIXES } from "./lexicon.js";
import type { Entry } from "./types.js";
import type { Lexicon } from "./vocabulary.js";
import { cleanText, hasDevanagari, tokenize } from "./normalize.js";
import { loose, looseDevanagari, phoneticKey, romanize, spelledLetters, stem, stemHindi } from "./translit.js";

/** One word seen through the matcher's eyes. */
export interface WordForm {
  /** The word as typed (lower-cased, cleaned). */
  readonly surface: string;
  /** Latin spelling: the word itself, or its romanisation when it is Devanagari. */
  readonly latin: string;
  /** Phonetic key shared by the word's spellings in both scripts. */
  readonly key: string;
  /** The Latin spelling loosened (long vowels shortened, doubled letters collapsed), to compare spellings. */
  readonly spelling: string;
  /** A Latin word as typed, before its ending is cut and not loosened ("letter" is not "lesser"), for whole-word typos; "" for a Devanagari word (its romanisation is not how anyone typed it). */
  readonly word: string;
  /** True for a function word that carries no meaning for matching. */
  readonly stop: boolean;
  /** The concept the word belongs to, as `#NAME`, if any. */
  readonly concept?: string;
}

const FORM_CACHE_MAX = 50_000;
const STOP_FORMS = new Set<string>();
const addStops = (words: readonly string[], fold: (latin: string) => string = loose) => {
  for (const w of words) {
    for (const t of tokenize(w)) {
      // Devanagari stop words are matched as written: their romanisations collide with English ("उसे" / "use").
      if (!hasDevanagari(t)) STOP_FORMS.add(fold(t));
      STOP_FORMS.add(t);
    }
  }
};
// Hinglish function words loosely, as Hinglish spells them many ways ("bhee", "bhi"); English ones with a doubled
// consonant typed once ("realy", "wil"), but not with a vowel shortened: a loose "seem" is "sim", a SIM card, and
// "sem" a semester.
addStops(HINDI_STOPWORDS);
addStops(ENGLISH_STOPWORDS, (latin) => latin.replace(/([b-df-hj-np-tv-z])\1+/g, "$1"));
const DEVANAGARI_STOPS = [...STOP_FORMS].filter((w) => hasDevanagari(w) && [...w].length >= 4);
// Devanagari stop words as typed in haste ("हे" for है, "ओर" for और): see looseDevanagari.
const LOOSE_STOPS = new Set([...STOP_FORMS].filter(hasDevanagari).map(looseDevanagari));
// A letter's forms are function words only as written, never one letter off (कराएं is not कमाएं, earn).
addStops(LETTER_FORMS);
const nearStopCache = new Map<string, boolean>();

/**
 * Whether an unknown Devanagari word is a function word typed short: a lone letter ("ह" for है) or one edit
 * from a stop word of four code points or more ("कहत" for कहते).
 */
export function looksLikeStop(surface: string): boolean {
  const length = [...surface].length;
  if (!hasDevanagari(surface) || length > 6) return false;
  if (length === 1) return true;
  let known = nearStopCache.get(surface);
  if (known === undefined) {
    // One edit changes the length by at most one.
    known = DEVANAGARI_STOPS.some((w) => Math.abs(w.length - surface.length) <= 1 && editDistance(surface, w) <= 1);
    if (nearStopCache.size >= FORM_CACHE_MAX) nearStopCache.clear();
    nearStopCache.set(surface, known);
  }
  return known;
}

// Keys shorter than this collide too often (kya, kyu, ki and kab share "k"), so concepts match them by spelling.
const CONCEPT_KEY_MIN = 3;
// A key this long is distinctive enough to join its concept on its own; shorter ones need a near spelling too
// ("closes" and "clash" share "kls").
const CONCEPT_KEY_LONG = 4;
// An unknown Latin word at least this long may be read as a concept one edit away ("salry", "qualifcation").
const CONCEPT_TYPO_MIN = 5;

const devowel = (s: string) => s[0] + s.slice(1).replace(/[aeiouy]/g, "");

// Phrases are matched on lower-cased text, so their patterns need no case folding, which is slow in Unicode mode.
const lower = (phrases: Lexicon["phrases"]) => phrases.map(([re, by]) => [new RegExp(re.source, re.flags.replace("i", "")), by] as const);
// A phrase whose pattern spells no Devanagari cannot match a text written only in Devanagari, and one that spells
// no Latin letters cannot match a text with none: each text runs only the phrases its scripts can match.
const spellsDevanagari = (source: string) => /[\u0901-\u0963]/u.test(source.replace(/\\u0900-\\u097f/g, ""));
const spellsLatin = (source: string) => /(?<!\\)[a-z]{2,}/.test(source.replace(/\\[a-z]/g, "").replace(/\\p\{[A-Za-z]+\}/g, ""));

// A sentence or clause ends at a mark followed by a space, or at a line break ("B.Com" is one word): in
// "main 12th ke baad job dhundh raha hu, back office kya hota hai" the first clause tells, the second asks.
const SENTENCE_END = /(?<=[.!?।,;:])\s+|\n+/u;

/**
 * Word analysis under one lexicon (the language's and career words, plus what the loaded articles add): concepts
 * folded, phrases read, words keyed. One per loaded corpus; pure apart from its memo of analysed words.
 */
export class Analyzer {
  private readonly byConceptSpelling = new Map<string, string>();
  /** The concepts' words exactly as listed: only these outrank a function word spelt alike (see analyzeWord). */
  private readonly conceptWords = new Set<string>();
  /** Devanagari question words as typed in haste (see looseDevanagari); none where two concepts' words meet. */
  private readonly byIntentLoose = new Map<string, string>();
  private readonly byConceptKey = new Map<string, string>();
  private readonly conceptSpellingsByKey = new Map<string, Set<string>>();
  private readonly formCache = new Map<string, WordForm>();
  private readonly phrases: { all: readonly (readonly [RegExp, string])[]; latin: readonly (readonly [RegExp, string])[]; devanagari: readonly (readonly [RegExp, string])[] };

  /**
   * `written`: the Devanagari words the corpus's own text uses, read only as written: an article about mehndi writes
   * "कोन" for its cone, which is then no hasty "कौन".
   */
  constructor(
    readonly lexicon: Lexicon,
    private readonly written: ReadonlySet<string> = new Set(),
  ) {
    const clashes = new Set<string>();
    for (const [name, words] of Object.entries(lexicon.concepts)) {
      for (const w of words) {
        for (const t of tokenize(w)) {
          this.conceptWords.add(t);
          const latin = stem(hasDevanagari(t) ? romanize(t) : t);
          this.byConceptSpelling.set(loose(latin), `#${name}`);
          if (hasDevanagari(t)) {
            this.byConceptSpelling.set(t, `#${name}`);
            if (INTENTS.includes(`#${name}`)) {
              const hasty = looseDevanagari(t);
              if ((this.byIntentLoose.get(hasty) ?? `#${name}`) === `#${name}`) this.byIntentLoose.set(hasty, `#${name}`);
              else clashes.add(hasty);
            }
          }
          const key = phoneticKey(latin);
          if (key.length >= CONCEPT_KEY_MIN && !this.byConceptKey.has(key)) this.byConceptKey.set(key, `#${name}`);
          if (this.byConceptKey.get(key) === `#${name}`) {
            let set = this.conceptSpellingsByKey.get(key);
            if (!set) this.conceptSpellingsByKey.set(key, (set = new Set()));
            set.add(loose(latin));
          }
        }
      }
    }
    for (const hasty of clashes) this.byIntentLoose.delete(hasty);
    const all = lower(lexicon.phrases);
    this.phrases = {
      all,
      latin: all.filter(([re]) => spellsLatin(re.source) || !spellsDevanagari(re.source)),
      devanagari: all.filter(([re]) => spellsDevanagari(re.source) || !spellsLatin(re.source)),
    };
  }

  /** The loose Latin spellings of the concept words behind each concept key. */
  conceptSpellings(): ReadonlyMap<string, ReadonlySet<string>> {
    return this.conceptSpellingsByKey;
  }

  /** Every (key, concept) pair of the concept table, for typo lookup of concept words. */
  conceptKeys(): ReadonlyMap<string, string> {
    return this.byConceptKey;
  }

  /**
   * Whether a short word may join the concept its key points to: a Latin word only as a vowel-less shorthand of
   * a listed spelling ("bnk" for "bank"; not "tax" for "thanks", "form" for "firm"), a Devanagari word only when
   * its romanisation is within an edit of a listed spelling (ग्राहकों, not कार्ड for "kharid").
   */
  private nearSpelling(spelling: string, key: string, devanagari: boolean): boolean {
    for (const s of this.conceptSpellingsByKey.get(key) ?? []) {
      // (Phone shorthand drops the vowels but often keeps a y: "slry" is "salary" as "slr" is.)
      if (devanagari ? editDistance(spelling, s) <= 1 : !/[aeiou]/.test(spelling.slice(1)) && devowel(s) === devowel(spelling)) return true;
    }
    return false;
  }

  /**
   * The concept a misspelt Latin word most likely means ("salry", "qualifcation"): one edit from a listed spelling
   * with the same key and first letter. Only for words the corpus does not know ("policy" is not "police").
   */
  conceptTypo(form: WordForm): string | undefined {
    if (form.concept !== undefined || hasDevanagari(form.surface) || form.spelling.length < CONCEPT_TYPO_MIN) return undefined;
    for (const s of this.conceptSpellingsByKey.get(form.key) ?? []) {
      if (s[0] === form.spelling[0] && editDistance(form.spelling, s) <= 1) return this.byConceptKey.get(form.key);
    }
    return undefined;
  }

  /** Analyses one token from `tokenize`. Pure; memoised because the same words recur constantly. */
  analyzeWord(surface: string): WordForm {
    const cached = this.formCache.get(surface);
    if (cached) return cached;
    // An abbreviation spelt out in Devanagari letter names (बीपीओ) is the Latin one (bpo).
    const letters = hasDevanagari(surface) ? spelledLetters(surface) : undefined;
    if (letters !== undefined) {
      const form = { ...this.analyzeWord(letters), surface };
      this.formCache.set(surface, form);
      return form;
    }
    const devanagari = hasDevanagari(surface);
    const raw = devanagari ? romanize(stemHindi(surface)) : surface;
    const latin = stem(raw);
    const spelling = loose(latin);
    const key = phoneticKey(latin);
    // Devanagari words join a concept by their own spelling or a long key: a short romanisation is ambiguous
    // (the particle ही reads "hi", which is not a greeting).
    // (A Devanagari plural or oblique form is its listed word's: परेशानियां is परेशानी, not the "purushon" its key
    // shares.)
    // (A question or function word typed in haste, unless the corpus writes the word so itself or it is a function
    // word as written.)
    const hasty = devanagari && !this.written.has(surface) && !STOP_FORMS.has(surface) ? looseDevanagari(surface) : undefined;
    const listed = devanagari
      ? (this.byConceptSpelling.get(surface) ?? this.byConceptSpelling.get(stemHindi(surface)) ?? (hasty === undefined ? undefined : this.byIntentLoose.get(hasty)))
      : this.byConceptSpelling.get(spelling);
    const concept =
      listed ??
      (key.length >= CONCEPT_KEY_LONG || (key.length >= CONCEPT_KEY_MIN && this.nearSpelling(spelling, key, devanagari)) ? this.byConceptKey.get(key) : undefined);
    // The plural of a stop word is one too ("wants"), but other endings are not ("evening" is not "even").
    const pluralStop = !devanagari && latin !== raw && raw.endsWith("s") && (STOP_FORMS.has(latin) || STOP_FORMS.has(loose(latin)));
    const listedStop = STOP_FORMS.has(surface) || (devanagari ? hasty !== undefined && LOOSE_STOPS.has(hasty) : STOP_FORMS.has(loose(raw))) || pluralStop;
    // A function word as typed stays one unless a concept lists it so ("nahi" is negation): a concept word spelt
    // alike only loosely or by its stem is another word ("jana", to go, is not "jaanna", to know; "during" is not "dur").
    const asConcept = listed !== undefined && (!STOP_FORMS.has(surface) || this.conceptWords.has(surface));
    const stop = (listedStop && !asConcept) || (!devanagari && surface.length === 1 && !/\d/.test(surface));
    const form: WordForm = { surface, latin, key, spelling, word: devanagari ? "" : raw, stop, concept: stop ? undefined : concept };
    if (this.formCache.size >= FORM_CACHE_MAX) this.formCache.clear();
    this.formCache.set(surface, form);
    return form;
  }

  /** Applies multi-word synonyms and contractions, then splits into words. */
  words(text: string): string[] {
    let s = text.toLowerCase();
    const latin = /[a-z]/.test(s);
    const phrases = latin && hasDevanagari(s) ? this.phrases.all : latin ? this.phrases.latin : this.phrases.devanagari;
    for (const [re, by] of phrases) s = s.replace(re, by);
    return tokenize(s);
  }

  /**
   * Cleans any input and returns its words; the cleaned text is what the user is shown back. User input is cut
   * at the question limit; corpus text passes `Infinity` so no word of a long answer is lost.
   */
  analyzeText(raw: string, maxChars?: number): { clean: string; forms: WordForm[] } {
    const clean = cleanText(raw, maxChars);
    return { clean, forms: this.words(clean).map((w) => this.analyzeWord(w)) };
  }

  /**
   * Analyses a user's question sentence by sentence (clause by clause). When some sentences ask and others only
   * tell ("I'm preparing a session for students. How do the two differ?"), the telling ones' words are an aside.
   */
  analyzeQuestion(raw: string, maxChars?: number): { clean: string; forms: WordForm[]; aside: boolean[] } {
    const clean = cleanText(raw, maxChars);
    const sentences = clean
      .split(SENTENCE_END)
      .filter((s) => s.trim() !== "")
      .map((s) => ({ text: s, forms: this.words(s).map((w) => this.analyzeWord(w)) }));
    const marked = sentences.map((s) => /\?\s*$/u.test(s.text));
    // A sentence asks with a question mark, or with a question word or request even when another has the mark.
    // Naming a meaning asks only when no other sentence asks: "…explain what front office is. I saw it in vacancy
    // notices but am unsure of its meaning." tells why in its second sentence.
    const strong = sentences.map((s, i) => marked[i]! || asks(s.forms, false));
    const asking = sentences.map((s, i) => strong[i]! || (asks(s.forms) && !strong.some(Boolean)));
    const mixed = asking.some(Boolean) && !asking.every(Boolean);
    const forms: WordForm[] = [];
    const aside: boolean[] = [];
    sentences.forEach((s, i) => {
      for (const f of s.forms) {
        forms.push(f);
        aside.push(mixed && !asking[i]);
      }
    });
    return { clean, forms, aside };
  }

  /** `splitRunTogether` under this lexicon. */
  split(surface: string, known: (f: WordForm) => boolean, sure: (f: WordForm) => boolean = known): WordForm[] | undefined {
    return splitRunTogether(surface, (w) => this.analyzeWord(w), known, sure);
  }
}

/**
 * Which of a question's words to analyse when it has more than `limit`: a long letter asks in one clause among
 * many that tell, often near its end ("Dear Sir, … I would be grateful if you could explain what the back office
 * does"), so the asking clauses' words come first (`aside` is false for them: see analyzeQuestion, which splits
 * at commas too), then the telling words before them, nearest first, and the words after the last asking one (a
 * sign-off) last. When no clause stands out as asking, or every one does, the first `limit` words. Indexes in the
 * message's order.
 */
export function wordsToKeep(aside: readonly boolean[], limit: number): number[] {
  const n = aside.length;
  const all = aside.map((_, i) => i);
  if (n <= limit) return all;
  // Each word's distance to the nearest asking word, in one pass each way; after the last asking word, beyond all.
  const distance = new Array<number>(n);
  let seen = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!aside[i]) seen = i;
    distance[i] = i - seen;
  }
  seen = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (!aside[i]) seen = i;
    distance[i] = seen === Infinity ? n + i : Math.min(distance[i]!, seen - i);
  }
  const asked = all.filter((i) => !aside[i]);
  const told = all.filter((i) => aside[i]).sort((a, b) => distance[a]! - distance[b]! || a - b);
  return [...asked, ...told].slice(0, limit).sort((a, b) => a - b);
}

/** The analyzer of a loaded corpus: its lexicon, its own Devanagari words read only as written (see `written`). */
export function corpusAnalyzer(corpus: { readonly lexicon: Lexicon; readonly entries: readonly Entry[] }): Analyzer {
  return new Analyzer(corpus.lexicon, writtenDevanagari(corpus.entries));
}

/** The Devanagari words an article's text writes, its questions, titles and answers: see Analyzer's `written`. */
function writtenDevanagari(entries: readonly Entry[]): Set<string> {
  const written = new Set<string>();
  for (const e of entries) {
    for (const text of [...Object.values(e.questions).flat(), ...Object.values(e.title), ...Object.values(e.answer)]) {
      // (A text with no Devanagari has no such word: skipping it halves the work at start-up.)
      if (hasDevanagari(text)) for (const w of tokenize(text)) if (hasDevanagari(w)) written.add(w);
    }
  }
  return written;
}

/** Whether words ask something: a question word, asking what a word means (unless `meaning` is false), or a request ("please explain"). */
export function asks(forms: readonly WordForm[], meaning = true): boolean {
  return forms.some((f) => (f.concept !== undefined && (INTENTS.includes(f.concept) || (meaning && f.concept === MEANING))) || REQUEST_FORMS.has(f.surface));
}

const REQUEST_FORMS = new Set(REQUESTS);

/** The matcher's name for a word: its concept, else its phonetic key. */
export function termName(form: WordForm): string {
  return form.concept ?? form.key;
}

// Halves of a run-together word must be this long: a Latin word's first half three letters ("bak" + "office"),
// its second four, so that "helpful" is not read as "help" + "ful", nor "backend" as "back" + "end".
const SPLIT_MIN = 3;
const SPLIT_MIN_SECOND = 4;
const SPLIT_MIN_DEVANAGARI = 3;
// An auxiliary is split off a word at least this long, or off a question word ("kyahai").
const AUXILIARY_AFTER = 4;
// A word typed onto the next is split at most into this many parts ("frontofficestaff", "frontvsback").
const SPLIT_MAX_PARTS = 3;

/**
 * Splits a run-together word ("backoffice", "bankme", "frontofficestaff", "kyahota", "फ्रंटऑफिस") into known
 * words, at most three: a trailing postposition or auxiliary is dropped. Three parts must be `sure` words, and
 * inside a longer word a known two-letter concept may stand between two words ("front" + "vs" + "back").
 */
function splitRunTogether(
  surface: string,
  analyzeWord: (surface: string) => WordForm,
  known: (f: WordForm) => boolean,
  sure: (f: WordForm) => boolean = known,
  parts = SPLIT_MAX_PARTS,
  inner = false,
): WordForm[] | undefined {
  const devanagari = hasDevanagari(surface);
  const min = devanagari ? SPLIT_MIN_DEVANAGARI : inner ? 2 : SPLIT_MIN;
  const minSecond = devanagari ? SPLIT_MIN_DEVANAGARI : SPLIT_MIN_SECOND;
  if (surface.length < min + 2) return undefined;
  const lefts: [number, WordForm][] = [];
  for (let i = min; i <= surface.length - 2; i++) {
    // Devanagari words are split only before a letter, never before a vowel sign, virama or nasal mark.
    if (devanagari && /[\u0900-\u0903\u093a-\u094f\u0951-\u0957\u0962\u0963]/.test(surface[i]!)) continue;
    const left = analyzeWord(surface.slice(0, i));
    if (left.stop || !known(left) || (i < SPLIT_MIN && left.concept === undefined)) continue;
    lefts.push([i, left]);
  }
  // Two parts before three: "backoffice" is "back" + "office", not "bac" + "k" + "office".
  for (const [i, left] of lefts) {
    const right = analyzeWord(surface.slice(i));
    if (right.stop && POSTPOSITIONS.includes(right.surface)) return [left];
    if (right.stop && AUXILIARIES.includes(right.surface) && (i >= AUXILIARY_AFTER || INTENTS.includes(left.concept ?? ""))) return [left];
    if (parts >= 2 && !right.stop && surface.length - i >= minSecond && known(right) && !SUFFIXES.includes(right.surface)) return [left, right];
  }
  if (parts < 2) return undefined;
  // Three parts: the longest word first, and only words known for sure (spelt like a corpus word, not just
  // sharing its key), or "backofficekyahai" reads "backo" + "ffice".
  for (const [i, left] of lefts.reverse()) {
    if (!sure(left)) continue;
    const rest = splitRunTogether(surface.slice(i), analyzeWord, sure, sure, parts - 1, true);
    if (rest) return [left, ...rest];
  }
  return undefined;
}
