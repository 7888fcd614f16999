// Typo tolerance: finds the corpus word a misspelt or oddly spelt word stands for, via bigrams and Fuse.js.
import Fuse from "fuse.js";
import type { WordForm } from "./analyze.js";
import { editDistance } from "./distance.js";
import type { Tuning } from "./tuning.js";

/** A corrected word may differ from a corpus spelling by at most this share of its letters ("alert" is not "apart"). */
export const SPELLING_SHARE = 0.25;

/** Whether two spellings are one word's: within `share` of their length (at least one edit if `oneEdit`). */
export function spelledAlike(a: string, b: string, share = SPELLING_SHARE, oneEdit = true): boolean {
  return editDistance(a, b) <= Math.max(oneEdit ? 1 : 0, Math.floor(share * Math.max(a.length, b.length)));
}

const bigrams = (key: string): string[] => {
  const s = `^${key}$`;
  const out: string[] = [];
  for (let i = 0; i + 2 <= s.length; i++) out.push(s.slice(i, i + 2));
  return out;
};

/** Words at least this long are corrected as whole words (shorter ones by their keys alone: "khata" is not "khatam"). */
const WORD_TYPO_MIN = 6;

/**
 * A word corrected whole: Latin letters as typed, long enough (see WordForm.word: a Devanagari word has none, since
 * its romanisation is not how anyone typed it: लाते is not "ladate").
 */
const LATIN_WORD = new RegExp(`^[a-z]{${WORD_TYPO_MIN},}$`);

/** Every way to drop one letter of a word, and the word itself. */
function withOneDeleted(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Words of this many letters may differ by a changed or swapped letter; shorter ones so differ as other words ("behan", "began"). */
const WORD_CHANGE_MIN = 7;

/** Whether two words one edit apart are more likely two words than a slip: a changed or swapped letter in a short word. */
function otherWord(word: string, near: string): boolean {
  return word.length === near.length && word.length < WORD_CHANGE_MIN;
}

/**
 * Whole words by their one-letter deletions (as SymSpell indexes them): two words one edit apart, a letter
 * added, dropped, changed or swapped, share a deletion. A word whose ending the stemmer did not recognise
 * ("editng" for "editing") keeps no key near its word's, but its letters are near.
 */
class WordIndex {
  private readonly byDeletion = new Map<string, Set<string>>();
  private readonly termsOf = new Map<string, Set<number>>();

  add(word: string, term: number): void {
    if (!LATIN_WORD.test(word)) return;
    let terms = this.termsOf.get(word);
    if (terms === undefined) {
      this.termsOf.set(word, (terms = new Set()));
      for (const d of withOneDeleted(word)) {
        let words = this.byDeletion.get(d);
        if (words === undefined) this.byDeletion.set(d, (words = new Set()));
        words.add(word);
      }
    }
    terms.add(term);
  }

  /** The one term the indexed words within one edit of `word` stand for, with the first letter kept; none if they disagree. */
  nearest(word: string): Correction | undefined {
    if (!LATIN_WORD.test(word)) return undefined;
    let found: Correction | undefined;
    for (const d of withOneDeleted(word)) {
      for (const near of this.byDeletion.get(d) ?? []) {
        if (near[0] !== word[0] || near === word || editDistance(near, word) > 1 || otherWord(word, near)) continue;
        for (const term of this.termsOf.get(near)!) {
          if (found !== undefined && found.term !== term) return undefined;
          found = { term, key: near };
        }
      }
    }
    return found;
  }
}

export interface Correction {
  readonly term: number;
  /** The vocabulary key (or whole word, see WordIndex) the word was corrected to. */
  readonly key: string;
}

/**
 * The corpus vocabulary as spellings: for each term the loose Latin spellings seen, and the phonetic keys a
 * misspelt word can be corrected to. Keys collide ("deal" and "delhi", "vacancy" and "vikas" come close), so a
 * correction must match both the key and, roughly, the spelling.
 */
export class Spelling {
  private readonly spellings = new Map<number, Set<string>>();
  private readonly keys: string[] = [];
  /** Key indexes by bigram and key length: a correction differs by at most one letter in length. */
  private readonly byBigram = new Map<string, number[]>();
  /** The terms each correctable key stands for (a key can be a plain word and a concept spelling at once). */
  private readonly keyTerms = new Map<string, number[]>();
  private readonly memo = new Map<string, Correction | undefined>();
  private readonly words = new WordIndex();

  constructor(
    private readonly t: Tuning,
    /** The term a key names exactly, if any. */
    private readonly termOfKey: (key: string) => number | undefined,
  ) {}

  /** Records a spelling of a term. */
  add(term: number, spelling: string): void {
    let set = this.spellings.get(term);
    if (!set) this.spellings.set(term, (set = new Set()));
    if (set.size < 24) set.add(spelling);
  }

  /** Makes a whole word (see WordForm.word) a target for corrections to its term. */
  addWord(term: number, word: string): void {
    this.words.add(word, term);
  }

  /** Makes a key a target for corrections. */
  addKey(key: string, term: number): void {
    // Targets may be a letter shorter than the shortest correctable word ("grwoth" -> "grt").
    if (key.length < this.t.fuzzyMinKeyLength - 1) return;
    const terms = this.keyTerms.get(key);
    if (terms) {
      if (!terms.includes(term)) terms.push(term);
      return;
    }
    this.keyTerms.set(key, [term]);
    const i = this.keys.length;
    this.keys.push(key);
    for (const b of new Set(bigrams(key))) {
      const bucket = `${b}${key.length}`;
      let list = this.byBigram.get(bucket);
      if (!list) this.byBigram.set(bucket, (list = []));
      list.push(i);
    }
  }

  /** Whether a word is spelt like one the corpus uses for `term` (within `share` of its length; at least one edit if `oneEdit`). */
  alike(form: WordForm, term: number, share: number, oneEdit = true): boolean {
    const mine = form.spelling;
    const seen = this.spellings.get(term);
    if (!seen) return false;
    for (const s of seen) if (spelledAlike(mine, s, share, oneEdit)) return true;
    return false;
  }

  /** The term a word not in the vocabulary most likely means, if any (memoised: the vocabulary is fixed). */
  correct(form: WordForm): Correction | undefined {
    const memo = `${form.key} ${form.latin} ${form.word}`;
    if (this.memo.has(memo)) return this.memo.get(memo);
    const found = this.find(form) ?? this.words.nearest(form.word);
    if (this.memo.size >= 20_000) this.memo.clear();
    this.memo.set(memo, found);
    return found;
  }

  /** Bigram candidates of the same length give or take a letter, ranked by Fuse.js, verified by edit distance. */
  private find(form: WordForm): Correction | undefined {
    const key = form.key;
    // The first vowel is the one part of a key left in; spellings disagree on it (आफिस / ऑफिस / office).
    if (/^[aeiou]/.test(key)) {
      for (const v of "aeiou") {
        const variant = v + key.slice(1);
        const t = v === key[0] ? undefined : this.termOfKey(variant);
        if (t !== undefined && this.alike(form, t, SPELLING_SHARE)) return { term: t, key: variant };
      }
    }
    // A short key must match whole, but its word may still be misspelt ("salry" and "salary" are both "slr").
    if (key.length < this.t.fuzzyMinKeyLength) {
      const term = this.keyTerms.get(key)?.find((t) => this.alike(form, t, SPELLING_SHARE));
      return term === undefined ? undefined : { term, key };
    }
    const grams = new Set(bigrams(key));
    const shared = new Map<number, number>();
    for (const g of grams) {
      for (let len = key.length - 1; len <= key.length + 1; len++) {
        for (const i of this.byBigram.get(`${g}${len}`) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
      }
    }
    // A single edit changes at most two bigrams (three for a transposition).
    const need = Math.max(1, grams.size - 3);
    const pool = [...shared]
      .filter(([, c]) => c >= need)
      .sort((a, b) => b[1] - a[1])
      .slice(0, this.t.fuzzyCandidates)
      .map(([i]) => this.keys[i]!);
    if (pool.length === 0) return undefined;
    const fuse = new Fuse(pool, { includeScore: true, threshold: this.t.fuzzyThreshold, ignoreLocation: true, isCaseSensitive: true, shouldSort: true });
    // Fuse.js matches the pattern anywhere in the text; accept only a real near-spelling of the whole key,
    // spelt like a word the corpus uses ("vacancy" is not a typo of "vikas", though their keys are near).
    const allowed = key.length >= 7 ? 2 : 1;
    for (const hit of fuse.search(key, { limit: 5 })) {
      // People rarely mistype a word's first sound; words that differ there are other words ("operation" is
      // not "cooperation").
      if (hit.item[0] !== key[0] || editDistance(key, hit.item) > allowed) continue;
      const term = this.keyTerms.get(hit.item)!.find((t) => this.alike(form, t, SPELLING_SHARE));
      if (term !== undefined) return { term, key: hit.item };
    }
    return undefined;
  }
}
