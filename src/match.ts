// Finds the corpus entry a question asks about: an inverted index over phonetic keys and concepts, typo
// lookup of unknown words through Fuse.js over the vocabulary, and a confidence that says "I don't know".
import Fuse from "fuse.js";
import { analyzeText, analyzeWord, conceptKeys, words, type WordForm } from "./analyze.js";
import { detectLang, langVocabulary, type LangVocabulary } from "./lang.js";
import { CONTRASTS, HINGLISH_PARTICLES, INTENTS } from "./lexicon.js";
import { TUNING, type Tuning } from "./tuning.js";
import { QUESTION_LANGS, type Corpus, type Entry, type QuestionLang } from "./types.js";

/** How a query word was understood. */
export type WordMatch =
  | { kind: "term"; term: string; quality: number; via?: string }
  | { kind: "unknown" }
  | { kind: "ignored" };

export interface ExplainedWord {
  readonly word: string;
  readonly key: string;
  /** `stop`, `ignored`, `unknown`, or the term it counted as. */
  readonly as: string;
  /** How it was found: exact, concept, typo of another word, or a split run-together word. */
  readonly how: string;
  readonly weight: number;
}

export interface Candidate {
  readonly id: string;
  /** 0..1: the entry's score, used as confidence. */
  readonly score: number;
  /** Share of the query's weight the entry's best question covers. */
  readonly coverage: number;
  /** The corpus question that matched best. */
  readonly question: string;
  readonly questionLang: QuestionLang;
  /** Query terms found in that entry. */
  readonly matched: readonly string[];
}

export interface MatchResult {
  /** The confident answer, or null. */
  readonly id: string | null;
  readonly confidence: number;
  readonly lang: QuestionLang;
  /** Entries worth offering ("did you mean") when there is no confident answer. */
  readonly suggestions: readonly string[];
  /** Best candidates first (at most a few). */
  readonly candidates: readonly Candidate[];
  /** The cleaned question. */
  readonly clean: string;
  readonly words: readonly ExplainedWord[];
}

interface IndexedQuestion {
  readonly entry: number;
  readonly lang: QuestionLang;
  readonly text: string;
  readonly terms: ReadonlySet<number>;
  /** Sum of the weights of its terms. */
  readonly weight: number;
}

interface QueryTerm {
  term: number;
  quality: number;
}

const BIGRAM = (key: string): string[] => {
  const s = `^${key}$`;
  const out: string[] = [];
  for (let i = 0; i + 2 <= s.length; i++) out.push(s.slice(i, i + 2));
  return out;
};

/** An index over one corpus. Building it is the only costly step; matching does no I/O. */
export class Matcher {
  readonly corpus: Corpus;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly df: number[] = [];
  private readonly idf: number[] = [];
  private readonly postings: number[][] = [];
  private readonly questions: IndexedQuestion[] = [];
  private readonly entryTerms: Set<number>[] = [];
  /** Terms used only by small-talk entries (hello, thanks): dropped when a question has real content. */
  private readonly courtesy = new Set<number>();
  private readonly smalltalk: readonly boolean[];
  /** Words that tell Hinglish from English, learnt from the corpus. */
  readonly langVocabulary: LangVocabulary;
  /** Vocabulary keys a misspelt word can be corrected to, with the term each stands for. */
  private readonly fuzzyKeys: string[] = [];
  private readonly fuzzyTerm: number[] = [];
  private readonly bigrams = new Map<string, number[]>();
  private readonly keyTerm = new Map<string, number>();
  private readonly unknownWeight: number;
  private readonly contrasts: [number, number][] = [];
  // Per-query scratch space, reused so matching allocates little.
  private readonly matchedAcc: Float64Array;
  private readonly plainAcc: Float64Array;

  private readonly t: Tuning;

  constructor(corpus: Corpus, tuning: Partial<Tuning> = {}) {
    this.corpus = corpus;
    this.t = { ...TUNING, ...tuning };
    this.smalltalk = corpus.entries.map((e) => e.smalltalk);
    const n = corpus.entries.length;
    // First pass: the vocabulary, so that run-together words ("frontoffice") can be split like a query's.
    const vocabulary = new Set<string>();
    for (const entry of corpus.entries) {
      for (const lang of QUESTION_LANGS) {
        for (const text of entry.questions[lang]) {
          for (const form of analyzeText(text).forms) if (!form.stop) vocabulary.add(termOf(form));
        }
      }
    }
    corpus.entries.forEach((entry, e) => {
      const terms = new Set<number>();
      this.entryTerms.push(terms);
      for (const lang of QUESTION_LANGS) {
        for (const text of entry.questions[lang]) {
          const qTerms = new Set<number>();
          for (const form of analyzeText(text).forms) {
            if (form.stop || (lang === "hi-Latn" && HINGLISH_PARTICLES.includes(form.surface))) continue;
            const parts = splitWord(form.surface, (f) => vocabulary.has(termOf(f)));
            for (const part of parts ?? [form]) qTerms.add(this.intern(termOf(part)));
          }
          if (qTerms.size === 0) continue;
          for (const t of qTerms) terms.add(t);
          this.questions.push({ entry: e, lang, text, terms: qTerms, weight: 0 });
        }
      }
      for (const t of terms) this.df[t] = (this.df[t] ?? 0) + 1;
    });
    for (let t = 0; t < this.termNames.length; t++) {
      this.idf[t] = Math.log(1 + n / (this.df[t] ?? 1));
      this.postings[t] = [];
    }
    this.unknownWeight = Math.log(1 + Math.max(n, 1) / this.t.unknownDf);
    this.questions.forEach((q, i) => {
      let w = 0;
      for (const t of q.terms) {
        w += this.idf[t]!;
        this.postings[t]!.push(i);
      }
      (q as { weight: number }).weight = w;
    });
    this.langVocabulary = langVocabulary(this.questions);
    this.matchedAcc = new Float64Array(this.questions.length);
    this.plainAcc = new Float64Array(this.questions.length);

    // Courtesy terms: every entry using them is small talk.
    for (let t = 0; t < this.termNames.length; t++) {
      let onlySmalltalk = true;
      corpus.entries.forEach((entry, e) => {
        if (!entry.smalltalk && this.entryTerms[e]!.has(t)) onlySmalltalk = false;
      });
      if (onlySmalltalk) this.courtesy.add(t);
    }

    // Typo lookup vocabulary: corpus keys, plus concept spellings that lead to a term the corpus uses.
    const addFuzzy = (key: string, term: number) => {
      // Targets may be a letter shorter than the shortest correctable word ("grwoth" -> "grt").
      if (key.length < this.t.fuzzyMinKeyLength - 1 || this.keyTerm.has(key)) return;
      this.keyTerm.set(key, term);
      const i = this.fuzzyKeys.length;
      this.fuzzyKeys.push(key);
      this.fuzzyTerm.push(term);
      for (const b of new Set(BIGRAM(key))) {
        let list = this.bigrams.get(b);
        if (!list) this.bigrams.set(b, (list = []));
        list.push(i);
      }
    };
    this.termNames.forEach((name, t) => {
      if (!name.startsWith("#")) addFuzzy(name, t);
    });
    for (const [key, concept] of conceptKeys()) {
      const t = this.termIds.get(concept);
      if (t !== undefined) addFuzzy(key, t);
    }
    for (const [a, b] of CONTRASTS) {
      const ta = this.termIds.get(termOf(analyzeWord(a)));
      const tb = this.termIds.get(termOf(analyzeWord(b)));
      if (ta !== undefined && tb !== undefined) this.contrasts.push([ta, tb]);
    }
  }

  private intern(name: string): number {
    let id = this.termIds.get(name);
    if (id === undefined) {
      id = this.termNames.length;
      this.termIds.set(name, id);
      this.termNames.push(name);
    }
    return id;
  }

  /** Number of distinct terms (keys and concepts) in the index. */
  get vocabularySize(): number {
    return this.termNames.length;
  }

  get questionCount(): number {
    return this.questions.length;
  }

  /** Finds the closest vocabulary key to a misspelt one: bigram candidates, ranked by Fuse.js. */
  private correct(key: string): { term: number; key: string } | undefined {
    // The first vowel is the one part of a key left in; spellings disagree on it (आफिस / ऑफिस / office).
    if (/^[aeiou]/.test(key)) {
      for (const v of "aeiou") {
        const t = v === key[0] ? undefined : this.termIds.get(v + key.slice(1));
        if (t !== undefined) return { term: t, key: v + key.slice(1) };
      }
    }
    if (key.length < this.t.fuzzyMinKeyLength) return undefined;
    const grams = new Set(BIGRAM(key));
    const shared = new Map<number, number>();
    for (const g of grams) {
      for (const i of this.bigrams.get(g) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
    }
    // A single edit changes at most two bigrams (three for a transposition).
    const need = Math.max(1, grams.size - 3);
    const pool: string[] = [];
    const sorted = [...shared].filter(([i, c]) => c >= need && Math.abs(this.fuzzyKeys[i]!.length - key.length) <= 1);
    sorted.sort((a, b) => b[1] - a[1]);
    for (const [i] of sorted.slice(0, this.t.fuzzyCandidates)) pool.push(this.fuzzyKeys[i]!);
    if (pool.length === 0) return undefined;
    const fuse = new Fuse(pool, {
      includeScore: true,
      threshold: this.t.fuzzyThreshold,
      ignoreLocation: true,
      isCaseSensitive: true,
      shouldSort: true,
    });
    // Fuse.js matches the pattern anywhere in the text; accept only a real near-spelling of the whole key.
    const allowed = key.length >= 7 ? 2 : 1;
    const hit = fuse.search(key, { limit: 5 }).find((h) => editDistance(key, h.item) <= allowed);
    if (!hit) return undefined;
    return { term: this.keyTerm.get(hit.item)!, key: hit.item };
  }

  /** How one query word is understood. */
  private understand(form: WordForm): { match: WordMatch; extra?: WordForm } {
    if (form.stop) return { match: { kind: "ignored" } };
    const exact = this.termIds.get(termOf(form));
    if (exact !== undefined) return { match: { kind: "term", term: this.termNames[exact]!, quality: 1, via: form.concept ? "concept" : "exact" } };
    const parts = splitWord(form.surface, (f) => this.termIds.has(termOf(f)));
    if (parts && parts[0]) {
      return {
        match: { kind: "term", term: termOf(parts[0]), quality: this.t.splitQuality, via: `split ${form.surface}` },
        extra: parts[1],
      };
    }
    const fixed = this.correct(form.key);
    if (fixed) {
      return { match: { kind: "term", term: this.termNames[fixed.term]!, quality: this.t.fuzzyQuality, via: `typo of ${fixed.key}` } };
    }
    // Very short unknown Latin words are noise more often than content ("ca" from "can't", "rs").
    if (!/[\u0900-\u097f]/.test(form.surface) && form.surface.length <= 2) return { match: { kind: "ignored" } };
    return { match: { kind: "unknown" } };
  }

  /** Answers one question: best entry or none, confidence, language and suggestions. */
  match(question: string): MatchResult {
    const { clean, forms } = analyzeText(question);
    const lang = detectLang(clean, this.langVocabulary);
    const explained: ExplainedWord[] = [];
    const query = new Map<number, number>(); // term -> quality
    const unknown = new Set<string>();
    const pending = forms.slice(0, this.t.maxQueryTerms);
    while (pending.length > 0) {
      const form = pending.shift()!;
      const { match, extra } = this.understand(form);
      if (extra) pending.unshift(extra);
      if (match.kind === "term") {
        const t = this.termIds.get(match.term)!;
        query.set(t, Math.max(query.get(t) ?? 0, match.quality));
        explained.push({ word: form.surface, key: form.key, as: match.term, how: match.via ?? "exact", weight: this.idf[t]! * match.quality });
      } else if (match.kind === "unknown") {
        unknown.add(form.key);
        explained.push({ word: form.surface, key: form.key, as: "unknown", how: "not in the corpus", weight: this.unknownWeight });
      } else {
        explained.push({ word: form.surface, key: form.key, as: form.stop ? "stop" : "ignored", how: "-", weight: 0 });
      }
    }
    const none = (candidates: Candidate[] = [], suggestions: string[] = []): MatchResult => ({
      id: null,
      confidence: candidates[0]?.score ?? 0,
      lang,
      suggestions,
      candidates,
      clean,
      words: explained,
    });
    // Question words alone ("what is?", "kaise ho") ask about no topic: only small talk may answer them.
    const onlyIntents = unknown.size === 0 && [...query.keys()].every((t) => INTENTS.includes(this.termNames[t]!));

    // Greetings and thanks do not dilute a real question: entries other than small talk ignore them.
    let unknownTotal = 0;
    for (const key of unknown) unknownTotal += key.length <= 2 ? this.unknownWeight / 2 : this.unknownWeight;
    let total = unknownTotal;
    let content = unknownTotal;
    for (const [t] of query) {
      total += this.idf[t]!;
      if (!this.courtesy.has(t)) content += this.idf[t]!;
    }
    if (content === 0) content = total;

    const candidates = this.score(query, total, content);
    const vetoed = this.vetoed(query);
    const ranked = candidates.filter((c) => !vetoed.has(c.entry) && (!onlyIntents || this.smalltalk[c.entry])).slice(0, 6);
    const out: Candidate[] = ranked.map((c) => this.describe(c, query));
    const best = out[0];
    if (!best) return none();
    const second = out[1];
    // Two entries that cover the query equally, one ahead only because its question is shorter: ask which.
    const ambiguous =
      second !== undefined && best.score - second.score < this.t.ambiguityMargin && best.coverage <= second.coverage;
    if (best.score >= this.t.answerThreshold && best.coverage >= this.t.minCoverage && !ambiguous) {
      return { id: best.id, confidence: round(best.score), lang, suggestions: [], candidates: out, clean, words: explained };
    }
    const suggestions = out
      .filter((c) => c.score >= this.t.suggestThreshold)
      .slice(0, this.t.maxSuggestions)
      .map((c) => c.id);
    return none(out, suggestions);
  }

  /** Scores entries: best single question (F-beta of coverage both ways) plus a share of pooled coverage. */
  private score(query: Map<number, number>, total: number, content: number) {
    const matched = this.matchedAcc;
    const plain = this.plainAcc;
    const touched: number[] = [];
    const n = this.corpus.entries.length;
    const rareDf = Math.max(this.t.candidateDf, n * this.t.candidateDfShare);
    const terms = [...query].sort((a, b) => this.df[a[0]]! - this.df[b[0]]!);
    const gathering = terms.filter(([t]) => this.df[t]! <= rareDf);
    const gatherAll = gathering.length === 0;
    for (const [t, quality] of gatherAll ? terms : gathering) {
      const w = this.idf[t]!;
      for (const q of this.postings[t]!) {
        if (matched[q] === 0 && plain[q] === 0) touched.push(q);
        matched[q]! += w * quality;
        plain[q]! += w;
      }
    }
    if (!gatherAll) {
      for (const [t, quality] of terms) {
        if (this.df[t]! <= rareDf) continue;
        const w = this.idf[t]!;
        for (const q of touched) {
          if (this.questions[q]!.terms.has(t)) {
            matched[q]! += w * quality;
            plain[q]! += w;
          }
        }
      }
    }
    const beta2 = this.t.beta * this.t.beta;
    const best = new Map<number, { q: number; f: number; recall: number }>();
    const smalltalk = this.smalltalk;
    for (const q of touched) {
      const e = this.questions[q]!.entry;
      const recall = matched[q]! / (smalltalk[e] ? total : content);
      const precision = plain[q]! / this.questions[q]!.weight;
      const f = recall > 0 ? ((1 + beta2) * precision * recall) / (beta2 * precision + recall) : 0;
      const cur = best.get(e);
      if (!cur || f > cur.f) best.set(e, { q, f, recall });
      matched[q] = 0;
      plain[q] = 0;
    }
    const out: { entry: number; q: number; score: number; recall: number }[] = [];
    for (const [e, { q, f, recall }] of best) {
      let pooled = 0;
      for (const [t, quality] of query) if (this.entryTerms[e]!.has(t)) pooled += this.idf[t]! * quality;
      const score = Math.min(1, f + this.t.entryPoolShare * Math.max(0, pooled / (smalltalk[e] ? total : content) - recall));
      out.push({ entry: e, q, score, recall });
    }
    out.sort((a, b) => b.score - a.score || a.entry - b.entry);
    return out;
  }

  /** Entries about only the other side of a contrast the query names one side of. */
  private vetoed(query: Map<number, number>): Set<number> {
    const out = new Set<number>();
    for (const [a, b] of this.contrasts) {
      const hasA = query.has(a);
      const hasB = query.has(b);
      if (hasA === hasB) continue;
      const [mine, other] = hasA ? [a, b] : [b, a];
      this.entryTerms.forEach((terms, e) => {
        if (terms.has(other) && !terms.has(mine)) out.add(e);
      });
    }
    return out;
  }

  private describe(c: { entry: number; q: number; score: number; recall: number }, query: Map<number, number>): Candidate {
    const entry: Entry = this.corpus.entries[c.entry]!;
    const q = this.questions[c.q]!;
    return {
      id: entry.id,
      score: round(c.score),
      coverage: round(c.recall),
      question: q.text,
      questionLang: q.lang,
      matched: [...query.keys()].filter((t) => this.entryTerms[c.entry]!.has(t)).map((t) => this.termNames[t]!),
    };
  }

  /** The corpus questions closest to a partial question, for autocomplete and inline search. */
  complete(text: string, limit: number): { id: string; question: string; score: number }[] {
    const forms = words(text).map(analyzeWord);
    if (forms.every((f) => f.stop)) return [];
    const result = this.match(text);
    const langWanted = result.lang;
    return result.candidates
      .filter((c) => c.score >= this.t.suggestThreshold)
      .slice(0, limit)
      .map((c) => {
        const entry = this.corpus.byId.get(c.id)!;
        const question = c.questionLang === langWanted ? c.question : (entry.questions[langWanted][0] ?? c.question);
        return { id: c.id, question, score: c.score };
      });
  }
}

function termOf(form: WordForm): string {
  return form.concept ?? form.key;
}

// Halves of a run-together word must be this long, so that "helpful" is not read as "help" + "ful".
const SPLIT_MIN = 4;

/** Splits a run-together word ("backoffice", "bankme") into a known word and a known word or stop word. */
function splitWord(surface: string, known: (f: WordForm) => boolean): WordForm[] | undefined {
  if (surface.length < SPLIT_MIN + 2 || /[\u0900-\u097f]/.test(surface)) return undefined;
  for (let i = SPLIT_MIN; i <= surface.length - 2; i++) {
    const left = analyzeWord(surface.slice(0, i));
    const right = analyzeWord(surface.slice(i));
    if (left.stop || !known(left)) continue;
    if (right.stop) return [left];
    if (surface.length - i >= SPLIT_MIN && known(right)) return [left, right];
  }
  return undefined;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1);
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[n]!;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
