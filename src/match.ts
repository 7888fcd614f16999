// Finds the corpus entry a question asks about: an inverted index over phonetic keys and concepts, scored by
// how much of the question a corpus question covers, with a confidence that says "I don't know".
import { boostedChance } from "./boosted.js";
import { SPARSE_CALIBRATION } from "./calibration-data.js";
import { corpusAnalyzer, looksLikeStop, termName, wordsToKeep, type Analyzer, type WordForm } from "./analyze.js";
import { Spelling, SPELLING_SHARE, spelledAlike } from "./spelling.js";
import { detectLang, langVocabulary, type LangVocabulary } from "./lang.js";
import { HINGLISH_PARTICLES, HOWTO, INTENTS, MEANING, NEGATING, NEGATION, THANKS } from "./lexicon.js";
import { TUNING, type Tuning } from "./tuning.js";
import { QUESTION_LANGS, type Corpus, type Entry, type QuestionLang } from "./types.js";
import { BASE_LEXICON, type Lexicon, type SubjectLabel } from "./vocabulary.js";
import { CAREER_WORDS, FIELDS } from "./career.js";
import { editDistance } from "./distance.js";
import { hasDevanagari } from "./normalize.js";
import { stemHindi, verbStem } from "./translit.js";
import { Surface } from "./surface.js";
import { KindModel, kindWords, SCOPE_NEAR_MISS, shippedKinds, shippedScope } from "./kinds.js";
import { MIN_SUBJECT_ENTRIES } from "./careers.js";
import { CAREER_NAMES } from "./careers-data.js";
import { CALIBRATION_FEATURES, CALIBRATION_INPUT, CALIBRATION_INPUT_NAMES, logistic, type Calibration, type CalibrationModel } from "./calibration.js";
import { barsText, firstObjecting, judgedByModel, unsure, type GuardFacts } from "./guards.js";

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
  /** The corpus question that matched best (an entry's title is one of them, see askedWays). */
  readonly question: string;
  readonly questionLang: QuestionLang;
  /** Query terms found in that entry. */
  readonly matched: readonly string[];
}

/** What the conversation around a question tells the matcher. */
export interface MatchContext {
  /** Careers the message's question before it named, when it named them and was declined (see parts.ts). */
  readonly careers?: readonly string[];
  /** The entry the conversation last answered: a follow-up ("and the pay?") goes on about its article. */
  readonly follows?: string;
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
  /** Why it answered or not, in words, for `--explain`. */
  readonly decision: string;
  /**
   * The stage that decided: "every guard passed", "as written" (one of the entry's own phrasings, which the calibrated
   * guard alone would have declined), "roles", "thanks", "retrieve", or "guard <name>" (see GUARDS in guards.ts).
   */
  readonly stage: string;
  /**
   * Other walks of life it names that the corpus never uses (fields and learnt career names, before the other-field
   * guard asks whether the best entry's article names its own), or, naming none, those its message's question before it named.
   */
  readonly careers: readonly string[];
  /** Declined because it asks what the corpus never answers: a procedure, pay, documents and the like. */
  readonly uncovered: boolean;
  /** ...and which subject that is, named for the user. */
  readonly subject?: SubjectLabel;
  /** For an article's entry, the calibrated guard's inputs and verdict (see Matcher.calibration). */
  readonly calibration?: Calibration;
  /**
   * Set when it followed up an article's entry (MatchContext.follows) but names another career: another article's
   * subject, or a line of work the corpus never speaks of. The conversation is no longer about that article.
   */
  readonly leavesFollowUp?: true;
}

interface IndexedQuestion {
  readonly entry: number;
  readonly lang: QuestionLang;
  readonly text: string;
  /** Its terms are `termData[start..end)`, sorted: one shared array costs far less than a Set per question. */
  readonly start: number;
  readonly end: number;
  /** Sum of the weights of its terms. */
  readonly weight: number;
}

/** A word's weight among `n` entries when `count` of them use it: the rarer, the heavier (a word none uses, as one). */
const rarity = (n: number, count: number) => Math.log(1 + n / Math.max(count, 1));

/** An index over one corpus. Building it is the only costly step; matching does no I/O. */
export class Matcher {
  readonly corpus: Corpus;
  private readonly termIds = new Map<string, number>();
  private readonly termNames: string[] = [];
  private readonly df: number[] = [];
  private readonly idf: number[] = [];
  private readonly postings: Int32Array[] = [];
  /** The sorted terms of every question, back to back (see IndexedQuestion.start/end). */
  private readonly termData: Int32Array;
  private readonly questions: IndexedQuestion[] = [];
  private readonly entryTerms: Set<number>[] = [];
  /** Per entry: how typical each of its terms is of it (see typicalTerms): evidence about the entry, not one question. */
  private readonly typical: ReadonlyMap<number, number>[] = [];
  /** Terms of each entry's answers. */
  private readonly answerTerms: Set<number>[] = [];
  /** Terms used only by small-talk entries (hello, thanks): dropped when a question has real content. */
  private readonly courtesy = new Set<number>();
  /** A verb's stem (see verbStem) -> the corpus term of a question word with that stem. */
  private readonly verbStems = new Map<string, number>();
  /** Pairs of terms some corpus question writes one after the other ("back office"), as `pairCode`s. */
  private readonly adjacent = new Set<number>();
  /** Run-together words the index split into a pair the corpus writes apart (see the constructor): a query reads them so too. */
  private readonly indexSplits = new Map<string, readonly WordForm[]>();
  /** Each phrasing of the corpus, by writtenKey: the entry it belongs to, or -1 when two entries write it alike. */
  private readonly writtenBy = new Map<string, number>();
  /** Words a question wrote apart that the corpus writes as one (see joinWritten) -> the two as typed, for `--explain`. */
  private readonly joined = new WeakMap<WordForm, string>();
  /** The terms of the lexicon's fixed concepts, looked up once: absent when the corpus never uses them. */
  private readonly fixed: {
    readonly negation?: number;
    readonly negating: readonly number[];
    readonly narrowing: readonly number[];
    readonly thanks?: number;
    readonly intents: ReadonlySet<number>;
  };
  private readonly smalltalk: readonly boolean[];
  /** Per term: how small talk's questions spell it, for terms small talk uses (see spelledUnlikeSmallTalk). */
  private readonly smalltalkSpellings = new Map<number, Set<string>>();
  /** Each entry's article (index into corpus.articles), -1 for small talk. */
  private readonly articleOf: Int32Array;
  /** Entry id -> its index. */
  private readonly entryIndex: ReadonlyMap<string, number>;
  /** Per term: the one article whose questions use it (its subject words), else -1. Empty with one article. */
  private readonly subjectOf: Int32Array;
  /** Per article: how its questions spell the subject words they use, by script (see spelledByArticle). */
  private readonly subjectSpellings: ReadonlyMap<number, ScriptSpellings>[];
  /** Words that tell Hinglish from English, learnt from the corpus. */
  readonly langVocabulary: LangVocabulary;
  private readonly unknownWeight: number;
  /** Per article: how much a word the corpus lacks weighs against its entries, relative to unknownWeight. */
  private readonly unknownScale: Float64Array;
  /** Per article: its words' weights and an unknown word's, as if it were loaded alone (see articleWeights). */
  private readonly frames: readonly Frame[];
  /** Per question of an article: its weight in its article's frame (see frames). */
  private readonly frameWeight: Float64Array;
  /** Per entry: its questions are questions[firstQuestion[e]..firstQuestion[e + 1]). */
  private readonly firstQuestion: Int32Array;
  /** Per article: 1 when one of its entries is about a procedure (see explainsProcedures), counted when first needed. */
  private explaining?: Uint8Array;
  /** Per article: the calibrated guard's model, by how sparse the article is (see TUNING.calibratedSparseness). */
  private readonly models: readonly CalibrationModel[];
  /** Per article: its entries (their number for chance(), themselves for the letters). */
  private readonly entriesOf: readonly (readonly number[])[];
  /** Per article: its questions by their letters, for ranking a sparse article and for the calibrated guard (see Surface). */
  private readonly surfaces: readonly Surface[];
  /** Kinds of question (pay, training, growth...) as career articles word them, learned across them (see KindModel). */
  private readonly kinds: KindModel;
  /** Whether a question reads like the near misses career articles' readers ask (see nearMissOdds). */
  private readonly scope: KindModel;
  /** Per entry of a sparse article: the kinds its questions ask, on average (see KindModel); empty otherwise. */
  private readonly kindsOf: readonly Float64Array[];
  /** Each question's kinds, by its words (see kindsAsked). */
  private readonly kindsMemo = new WeakMap<readonly WordForm[], Float64Array>();
  /** Other lines of work and walks of life (career.ts FIELDS) that no corpus question uses, as typed. */
  private readonly fields: ReadonlySet<string>;
  /** Career names (see careers.ts) that no corpus question or answer uses, as typed: another field to an article whose own career is not named too. */
  private readonly careerFields: ReadonlySet<string>;
  /** Per article: the terms that name its career, in nearly every one of its entries (TUNING.ownSubjectShare); none in a dense article of many topics. */
  private readonly careerTerms: Set<number>[];
  /** ...the same, as term names (the words the near-miss model reads: see nearMissOdds). */
  private readonly careerNames: readonly ReadonlySet<string>[];
  /** Words that only classify a job ("office", "job", "which"): a role question may use them (see onlyClassifies). */
  private readonly classifying = new Set<number>();
  /** The terms of the sides articles contrast ("front", "back"): a question naming one is about that article. */
  private readonly sides = new Set<number>();
  /** Per contrast: its two terms, and flags for the entries that use only the first, or only the second. */
  private readonly contrasts: { a: number; b: number; names: readonly [string, string]; only: readonly [Uint8Array, Uint8Array]; head: number | undefined }[] = [];
  /** The terms of all contrasts. */
  private readonly contrastTerms = new Set<number>();
  /** The word each contrast's sides name together, where one stands out (see contrastHead). */
  private readonly contrastHeads = new Set<number>();
  // Per-query scratch space, reused so matching allocates little.
  private readonly matchedAcc: Float64Array;
  private readonly plainAcc: Float64Array;
  private readonly bestF: Float64Array;
  /**
   * Per entry: the F-beta of its second-best question, for the calibrated guard (see evidence()): as first found,
   * before the best question's adjustments (the other side, negation, credit from the entry), which score() makes
   * for the best question only; and, for a question of common words only, among the questions walked.
   */
  private readonly secondF: Float64Array;
  private readonly bestQ: Int32Array;
  private readonly bestRecall: Float64Array;
  private readonly bestPrecision: Float64Array;

  private readonly t: Tuning;
  /** What a misspelt or oddly spelt word may stand for. */
  private readonly spelling: Spelling;
  /** Word analysis under the corpus's lexicon (built-in words plus the articles' own). */
  readonly analyzer: Analyzer;
  /** Concepts only an entry whose questions use them may answer (pay, a procedure...), with their names. */
  private readonly subjects: Lexicon["subjects"];
  /** The subjects some article says it does not cover (their `not_covered`), as concept names. */
  private readonly notCovered: ReadonlySet<string>;
  /** Roles the articles assign to entries, each role as the term names of its words. */
  private readonly roles: readonly { readonly entry: number; readonly phrases: readonly (readonly WordForm[])[] }[];
  /** Sides named by description, as concept or key names. */
  private readonly described: readonly { readonly terms: readonly string[]; readonly negated: boolean; readonly side: string }[];

  /** `learned`: what the test articles taught, the shipped models unless given (bin/calibrate.ts gives others). */
  constructor(corpus: Corpus, tuning: Partial<Tuning> = {}, learned: Partial<Learned> = {}) {
    const { kinds = shippedKinds(), careers = CAREER_NAMES, scope = shippedScope() } = learned;
    this.corpus = corpus;
    this.t = { ...TUNING, ...tuning };
    if (!(this.t.chanceSmoothing > 0)) throw new Error("tuning: chanceSmoothing must be above 0 (a word no phrasing uses would make every chance 0)");
    for (const name of ["denseCalibration", "smallCalibration"] as const) {
      if (this.t[name].length !== CALIBRATION_FEATURES) throw new Error(`tuning: ${name} needs ${CALIBRATION_FEATURES} weights (see bin/calibrate.ts), not ${this.t[name].length}`);
    }
    if (SPARSE_CALIBRATION.inputs !== CALIBRATION_FEATURES) throw new Error(`src/calibration-data.ts was fitted on ${SPARSE_CALIBRATION.inputs} inputs, not ${CALIBRATION_FEATURES}: run bin/calibrate.ts --write`);
    this.analyzer = corpusAnalyzer(corpus);
    const analyzer = this.analyzer;
    const nameOf = (word: string) => termName(analyzer.analyzeWord(word.toLowerCase()));
    this.subjects = corpus.lexicon.subjects;
    this.notCovered = new Set(corpus.articles.flatMap((a) => a.notCovered));
    const entryIndex = (this.entryIndex = new Map(corpus.entries.map((e, i) => [e.id, i])));
    this.roles = Object.entries(corpus.lexicon.roles).flatMap(([id, list]) => {
      const entry = entryIndex.get(id);
      if (entry === undefined) return [];
      const phrases = list.map((p) => analyzer.analyzeText(p, Infinity).forms.filter((f) => !f.stop)).filter((p) => p.length > 0);
      return [{ entry, phrases }];
    });
    this.described = corpus.lexicon.described.map((d) => ({ terms: d.words.map(nameOf), negated: d.negated, side: nameOf(d.side) }));
    this.spelling = new Spelling(this.t, (key) => this.termIds.get(key));
    this.smalltalk = corpus.entries.map((e) => e.smalltalk);
    const n = corpus.entries.length;
    const files = new Map(corpus.articles.map((a, i) => [a.file, i]));
    this.articleOf = Int32Array.from(corpus.entries, (e) => files.get(e.file) ?? -1);
    // First pass: the vocabulary, so that run-together words ("frontoffice") can be split like a query's.
    const vocabulary = new Set<string>();
    const analysed = corpus.entries.map((entry, e) =>
      QUESTION_LANGS.flatMap((lang) =>
        askedWays(entry, lang).map((text) => {
          const key = writtenKey(text);
          const by = this.writtenBy.get(key);
          this.writtenBy.set(key, by === undefined || by === e ? e : -1);
          const forms = analyzer.analyzeText(text, Infinity).forms.filter((f) => !f.stop && !(lang === "hi-Latn" && HINGLISH_PARTICLES.includes(f.surface)));
          for (const f of forms) vocabulary.add(termName(f));
          return { lang, text, forms };
        }),
      ),
    );
    // A run-together word is split only into a pair the corpus also writes apart ("frontoffice" and
    // "front office"), so "passbook" stays whole. First the splits that are possible, then which are attested:
    // spelt alike, not merely keyed alike ("पास बाइक" is no "पास बुक": keys collide, and with "पासबुक" split in the
    // index but whole in a query, the shipped "पासबुक अपडेट कौन करता है?" no longer found itself).
    const possible = new Map<string, WordForm[]>();
    for (const { forms } of analysed.flat()) {
      for (const f of forms) {
        if (possible.has(f.surface)) continue;
        const parts = analyzer.split(f.surface, (p) => vocabulary.has(termName(p)));
        if (parts?.length === 2) possible.set(f.surface, parts);
      }
    }
    const wanted = new Set([...possible.values()].map(([a, b]) => `${termName(a!)} ${termName(b!)}`));
    const written = new Map<string, [string, string][]>(); // wanted key pair -> the spellings the corpus writes it in
    if (wanted.size > 0) {
      for (const { forms } of analysed.flat()) {
        for (let i = 1; i < forms.length; i++) {
          const [a, b] = [forms[i - 1]!, forms[i]!];
          const pair = `${termName(a)} ${termName(b)}`;
          if (wanted.has(pair)) (written.get(pair) ?? written.set(pair, []).get(pair)!).push([a.spelling, b.spelling]);
        }
      }
    }
    // (A half shorter than six letters must be spelt the same: "bike" is no "bake".)
    const alike = (x: string, y: string) => spelledAlike(x, y, 1 / 6, false);
    const attested = (a: WordForm, b: WordForm) =>
      (written.get(`${termName(a)} ${termName(b)}`) ?? []).some(([x, y]) => alike(a.spelling, x) && alike(b.spelling, y));
    const termList: number[] = [];
    for (const [surface, [a, b]] of possible) if (attested(a!, b!)) this.indexSplits.set(surface, [a!, b!]);
    // The answers' words: in the article's vocabulary, so never "unknown", and weak evidence for their entry.
    const answerSpellings = new Map<string, Set<string>>(); // term name -> every loose spelling the answers use
    const answerNames = corpus.entries.map((entry) => {
      const names = new Map<string, string>(); // term name -> a loose spelling
      for (const text of [entry.answer.en, entry.answer.hi]) {
        for (const f of analyzer.analyzeText(text, Infinity).forms) {
          if (f.stop) continue;
          const name = termName(f);
          names.set(name, f.spelling);
          let spellings = answerSpellings.get(name);
          if (!spellings) answerSpellings.set(name, (spellings = new Set()));
          spellings.add(f.spelling);
        }
      }
      return names;
    });
    const nonSmalltalkDf = new Map<number, number>();
    // Per article: term -> how its questions spell it (kept below for subject words only).
    const articleSpellings = corpus.articles.map(() => new Map<number, Set<string>>());
    const stemmed = new Set<string>(); // surfaces whose verb stem is looked at (each once: the corpus repeats its words)
    analysed.forEach((questions, e) => {
      const terms = new Set<number>();
      this.entryTerms.push(terms);
      const termsByLang: { lang: QuestionLang; terms: Iterable<number> }[] = [];
      for (const { lang, text, forms } of questions) {
        const qTerms = new Set<number>();
        let previous = -1;
        for (const form of forms) {
          for (const part of this.indexSplits.get(form.surface) ?? [form]) {
            const t = this.intern(termName(part));
            qTerms.add(t);
            if (!stemmed.has(part.surface)) {
              stemmed.add(part.surface);
              const stem = verbStem(part.surface);
              if (stem !== undefined && !this.verbStems.has(stem)) this.verbStems.set(stem, t);
            }
            this.spelling.add(t, part.spelling);
            this.spelling.addWord(t, part.word);
            const bySpelling = articleSpellings[this.articleOf[e]!];
            bySpelling?.set(t, (bySpelling.get(t) ?? new Set<string>()).add(scriptSpelling(part)));
            if (corpus.entries[e]!.smalltalk) {
              const spelt = this.smalltalkSpellings.get(t) ?? new Set<string>();
              this.smalltalkSpellings.set(t, spelt.add(part.spelling));
            }
            if (previous !== -1) this.adjacent.add(pairCode(previous, t));
            previous = t;
          }
        }
        if (qTerms.size === 0) continue;
        termsByLang.push({ lang, terms: qTerms });
        for (const t of qTerms) terms.add(t);
        const start = termList.length;
        termList.push(...[...qTerms].sort((a, b) => a - b));
        this.questions.push({ entry: e, lang, text, start, end: termList.length, weight: 0 });
      }
      this.typical.push(typicalTerms(termsByLang));
      for (const t of terms) {
        this.df[t] = (this.df[t] ?? 0) + 1;
        if (!corpus.entries[e]!.smalltalk) nonSmalltalkDf.set(t, (nonSmalltalkDf.get(t) ?? 0) + 1);
      }
    });
    this.termData = Int32Array.from(termList);
    // Entries and questions per article, counted once: an article's density is questions per entry.
    const entriesOf = corpus.articles.map((): number[] => []);
    this.articleOf.forEach((a, e) => a >= 0 && entriesOf[a]!.push(e));
    this.entriesOf = entriesOf;
    const sizes = entriesOf.map((list) => list.length);
    const questionsOf = new Array<number>(corpus.articles.length).fill(0);
    this.firstQuestion = new Int32Array(corpus.entries.length + 1).fill(this.questions.length);
    for (let i = this.questions.length - 1; i >= 0; i--) this.firstQuestion[this.questions[i]!.entry] = i;
    for (let e = corpus.entries.length - 1; e >= 0; e--) this.firstQuestion[e] = Math.min(this.firstQuestion[e]!, this.firstQuestion[e + 1]!);
    // (The author's questions only: a title is matched like one, but says nothing of how many ways readers ask.)
    corpus.entries.forEach((entry, e) => {
      const a = this.articleOf[e]!;
      if (a >= 0) questionsOf[a]! += QUESTION_LANGS.reduce((n, lang) => n + entry.questions[lang].length, 0);
    });
    // A word that runs through one article's entries and hardly another's names that article's subject ("nurse",
    // "front office"); the built-in language and career words (pay, job, duties) are shared and name none.
    this.subjectOf = new Int32Array(corpus.articles.length > 0 ? this.termNames.length : 0).fill(-1);
    this.careerTerms = corpus.articles.map(() => new Set<number>());
    if (this.subjectOf.length > 0) {
      const shared = new Set([...Object.keys(BASE_LEXICON.concepts).map((name) => `#${name}`), ...CAREER_WORDS.map(nameOf)]);
      const uses = this.termNames.map(() => new Float64Array(corpus.articles.length));
      this.entryTerms.forEach((terms, e) => {
        const a = this.articleOf[e]!;
        if (a >= 0) for (const t of terms) uses[t]![a]! += 1 / sizes[a]!;
      });
      uses.forEach((share, t) => {
        const name = this.termNames[t]!;
        if (shared.has(name) || /^\d+$/.test(name)) return;
        // (Counted in whole entries: nine of ten is 0.9, whatever the sum of tenths.)
        share.forEach((x, a) => {
          if (sizes[a]! >= MIN_SUBJECT_ENTRIES && Math.round(x * sizes[a]!) >= this.t.ownSubjectShare * sizes[a]! - 1e-9) this.careerTerms[a]!.add(t);
        });
        const top = share.indexOf(Math.max(...share));
        const dominant = share.every((x, a) => a === top || x * this.t.subjectDominance <= share[top]!);
        if (share[top]! >= this.t.subjectShare && dominant) this.subjectOf[t] = top;
      });
    }
    // The sides an article's data contrasts ("front", "back") name its subject, however much another article uses
    // them ("the hotel's front office"), unless another article declares them too.
    const declared = new Map<number, number>();
    corpus.articles.forEach((article, a) => {
      for (const word of article.named) {
        const t = this.termIds.get(nameOf(word));
        if (t !== undefined) declared.set(t, declared.has(t) && declared.get(t) !== a ? -1 : a);
      }
    });
    for (const [t, a] of declared) {
      this.sides.add(t);
      if (a >= 0) this.subjectOf[t] = a;
    }
    // For subject words only: the veto compares them with a question's (see spelledByArticle).
    const byScript = (set: ReadonlySet<string>): ScriptSpellings => ({ latin: [...set].filter((s) => !hasDevanagari(s)), devanagari: [...set].filter(hasDevanagari) });
    this.subjectSpellings = articleSpellings.map((terms) => new Map([...terms].filter(([t]) => this.subjectOf[t]! >= 0).map(([t, set]) => [t, byScript(set)])));
    articleSpellings.length = 0; // (the constructor's closures would keep every word's spellings alive)
    for (const name of [...CAREER_WORDS.map(nameOf), ...CLASSIFYING]) {
      const t = this.termIds.get(name);
      if (t !== undefined) this.classifying.add(t);
    }
    const answerDf = new Map<number, number>();
    for (const names of answerNames) {
      const terms = new Set<number>();
      for (const [name, spelling] of names) {
        const t = this.intern(name);
        this.spelling.add(t, spelling);
        terms.add(t);
        answerDf.set(t, (answerDf.get(t) ?? 0) + 1);
      }
      this.answerTerms.push(terms);
    }
    for (let t = 0; t < this.termNames.length; t++) {
      this.df[t] ??= 0;
      this.idf[t] = rarity(n, this.df[t] || answerDf.get(t) || 0);
    }
    this.capSubjects(this.idf);
    // A field the corpus's questions use is an ordinary word, spelt alike, not merely sharing a key ("movie" is not
    // "moves", though both are "mvs").
    const usedByCorpus = (word: string, answersToo = false) => {
      const form = analyzer.analyzeWord(word.toLowerCase());
      const name = termName(form);
      const t = this.termIds.get(name);
      if (t === undefined) return false;
      if ((this.df[t] ?? 0) > 0 && (form.concept !== undefined || this.spelling.alike(form, t, SPELLING_SHARE))) return true;
      return answersToo && (form.concept !== undefined ? answerDf.has(t) : [...(answerSpellings.get(name) ?? [])].some((spelt) => spelledAlike(form.spelling, spelt)));
    };
    this.fields = new Set(FIELDS.filter((word) => !usedByCorpus(word)));
    // Career names the test articles taught that no question or answer of this corpus uses (see otherCareers).
    this.careerFields = new Set(careers.filter((word) => !this.fields.has(word) && !usedByCorpus(word, true)));
    const postings: number[][] = this.termNames.map(() => []);
    // A word the corpus lacks says less when the corpus asks each thing few ways: an article with six phrasings
    // an entry lacks most everyday words, one with a hundred lacks mostly other subjects.
    const articleEntries = sizes.reduce((x, y) => x + y, 0);
    // An article that asks each thing six ways lacks most of its readers' words: its best fits score lower than a
    // dense article's, for right answers as for wrong ones, so its sparseness (from 0, a hundred phrasings an entry or
    // more, towards 1) chooses the calibrated guard's model.
    const sparse: CalibrationModel = { name: "sparse", chance: (x) => boostedChance(SPARSE_CALIBRATION, x), bar: this.t.calibratedBar };
    // (Trees say nothing sure beyond the articles they were fitted on, of eight to ten entries: one of fewer than six is
    // judged by the logistic model, whose one weight an input reads a tie or a subject no entry asks about as it must.)
    const smallWeights = this.t.smallCalibration;
    const small: CalibrationModel = { name: "sparse", chance: (x) => logistic(smallWeights, x), bar: this.t.smallCalibratedBar };
    const denseWeights = this.t.denseCalibration;
    const dense: CalibrationModel = { name: "dense", chance: (x) => logistic(denseWeights, x), bar: this.t.denseCalibratedBar };
    // (The letters see the texts the words were read from, titles among them.)
    this.surfaces = entriesOf.map((list) => new Surface(list.flatMap((e) => analysed[e]!.map(({ text }) => ({ entry: e, text })))));
    this.models = sizes.map((entries, a) => {
      const sparseness = entries > 0 ? Math.max(0, 1 - questionsOf[a]! / entries / this.t.unknownDensity) : 0;
      return sparseness < this.t.calibratedSparseness ? dense : entries < this.t.treesMinEntries ? small : sparse;
    });
    // (The share was measured on sparse articles: a dense one, of many workplaces, is not judged so.)
    this.models.forEach((model, a) => model.name !== "sparse" && this.careerTerms[a]!.clear());
    this.careerNames = this.careerTerms.map((terms) => new Set([...terms].map((t) => this.termNames[t]!)));
    this.kinds = kinds;
    this.scope = scope;
    this.kindsOf = corpus.entries.map((_, e) => {
      if (this.model(e)?.name !== "sparse" || kinds.size === 0) return new Float64Array(0);
      const mean = new Float64Array(kinds.size);
      const texts = analysed[e]!;
      for (const { text } of texts) kinds.posterior(kindWords(analyzer.analyzeQuestion(text, Infinity).forms)).forEach((p, k) => (mean[k]! += p / texts.length));
      return mean;
    });
    const density = articleEntries > 0 ? questionsOf.reduce((x, y) => x + y, 0) / articleEntries : this.t.unknownDensity;
    const unknownShare = (d: number) => Math.min(1, Math.max(this.t.unknownSparseMin, Math.sqrt(d / this.t.unknownDensity)));
    this.unknownWeight = Math.log(1 + Math.max(n, 1) / this.t.unknownDf) * unknownShare(density);
    // ...and each article's entries are judged by its own density: a sparse article beside a dense one keeps its
    // leniency.
    this.unknownScale = Float64Array.from(sizes, (entries, a) => (entries > 0 ? unknownShare(questionsOf[a]! / entries) / unknownShare(density) : 1));
    this.frames = corpus.articles.length > 1 ? this.articleWeights(sizes, questionsOf, answerDf, unknownShare) : [];
    this.frameWeight = new Float64Array(this.frames.length > 0 ? this.questions.length : 0);
    for (let i = 0; i < this.frameWeight.length; i++) {
      const q = this.questions[i]!;
      const frame = this.frames[this.articleOf[q.entry]!];
      if (frame !== undefined) for (let k = q.start; k < q.end; k++) this.frameWeight[i]! += frame.idf[this.termData[k]!]!;
    }
    this.questions.forEach((q, i) => {
      let w = 0;
      for (let k = q.start; k < q.end; k++) {
        const t = this.termData[k]!;
        w += this.idf[t]!;
        postings[t]!.push(i);
      }
      (q as { weight: number }).weight = w;
    });
    // Lightest questions first, so a walk over a common word's questions can stop early (see score()).
    for (const list of postings) {
      list.sort((a, b) => this.questions[a]!.weight - this.questions[b]!.weight);
      this.postings.push(Int32Array.from(list));
    }
    this.langVocabulary = langVocabulary(this.questions);
    const ids = (names: readonly string[]) => names.map((name) => this.termIds.get(name)).filter((t) => t !== undefined);
    this.fixed = {
      negation: this.termIds.get(NEGATION),
      negating: ids(NEGATING),
      narrowing: ids(corpus.lexicon.narrowing.map(nameOf)),
      thanks: this.termIds.get(THANKS),
      intents: new Set(ids(INTENTS)),
    };
    this.matchedAcc = new Float64Array(this.questions.length);
    this.plainAcc = new Float64Array(this.questions.length);
    this.bestF = new Float64Array(n);
    this.secondF = new Float64Array(n);
    this.bestQ = new Int32Array(n).fill(-1);
    this.bestRecall = new Float64Array(n);
    this.bestPrecision = new Float64Array(n);

    // Courtesy terms: every entry using them is small talk.
    for (let t = 0; t < this.termNames.length; t++) if (this.df[t]! > 0 && !nonSmalltalkDf.has(t)) this.courtesy.add(t);

    // Typo lookup vocabulary: corpus keys, plus concept spellings that lead to a term the corpus uses.
    this.termNames.forEach((name, t) => {
      if (!name.startsWith("#")) this.spelling.addKey(name, t);
    });
    for (const [key, concept] of analyzer.conceptKeys()) {
      const t = this.termIds.get(concept);
      if (t === undefined) continue;
      this.spelling.addKey(key, t);
      for (const spelt of analyzer.conceptSpellings().get(key) ?? []) this.spelling.add(t, spelt);
    }
    // ...and the concept words the corpus uses, in Latin letters as listed ("course"), for whole-word typos.
    for (const [name, words] of Object.entries(corpus.lexicon.concepts)) {
      const t = this.termIds.get(`#${name}`);
      if (t !== undefined) for (const w of words) this.spelling.addWord(t, w.toLowerCase());
    }
    for (const [a, b] of corpus.lexicon.contrasts) {
      const ta = this.termIds.get(nameOf(a));
      const tb = this.termIds.get(nameOf(b));
      if (ta === undefined || tb === undefined) continue;
      // An entry is about one side when some of its questions name that side alone and none the other alone.
      const aAlone = new Uint8Array(n);
      const bAlone = new Uint8Array(n);
      for (const q of this.questions) {
        const hasA = this.has(q, ta);
        if (hasA !== this.has(q, tb)) (hasA ? aAlone : bAlone)[q.entry] = 1;
      }
      const onlyA = aAlone.map((a, e) => (a && !bAlone[e] ? 1 : 0));
      const onlyB = bAlone.map((b, e) => (b && !aAlone[e] ? 1 : 0));
      const head = this.contrastHead(ta, tb);
      this.contrasts.push({ a: ta, b: tb, names: [nameOf(a), nameOf(b)], only: [onlyA, onlyB], head });
      this.contrastTerms.add(ta).add(tb);
      if (head !== undefined) this.contrastHeads.add(head);
    }
  }

  /**
   * Each article's frame: its word weights (idf) and an unknown word's weight as if it were loaded alone with small
   * talk. A word rare in one article ("jimmedari" where one entry is about duties) is common across ninety: weighed
   * by all of them, an article's entries would fit their own questions less well, and tie, the more articles are
   * loaded. Which article a question is for is judged by the corpus's weights; which of its entries, and how sure,
   * by its frame. A word only other articles use weighs what an unknown word does. (With one article, the frame is
   * the corpus's weights, so none is built.)
   */
  private articleWeights(sizes: readonly number[], questionsOf: readonly number[], answerDf: ReadonlyMap<number, number>, unknownShare: (density: number) => number): Frame[] {
    const terms = this.termNames.length;
    // Entry counts per term: small talk's (shared by every frame), then each article's.
    const shared = { df: new Int32Array(terms), answers: new Int32Array(terms), entries: 0 };
    const own = sizes.map(() => ({ df: new Int32Array(terms), answers: new Int32Array(terms) }));
    this.entryTerms.forEach((used, e) => {
      const a = this.articleOf[e]!;
      const counts = a < 0 ? shared : own[a]!;
      if (a < 0) shared.entries += 1;
      for (const t of used) counts.df[t]! += 1;
      for (const t of this.answerTerms[e]!) counts.answers[t]! += 1;
    });
    return sizes.map((entries, a) => {
      const n = entries + shared.entries;
      const unknown = Math.log(1 + Math.max(n, 1) / this.t.unknownDf) * unknownShare(entries > 0 ? questionsOf[a]! / entries : this.t.unknownDensity);
      const { df, answers } = own[a]!;
      const idf = new Float64Array(terms);
      const lacks = new Uint8Array(terms);
      for (let t = 0; t < terms; t++) {
        // (As the corpus's weights count: questions first, else answers.)
        const count = df[t]! + shared.df[t]! || answers[t]! + shared.answers[t]!;
        const elsewhere = (this.df[t] ?? 0) > 0 || answerDf.has(t);
        idf[t] = count === 0 && elsewhere ? unknown : rarity(n, count);
        if (count === 0 && elsewhere) lacks[t] = 1;
      }
      // (A subject only other articles ask about weighs as a word the article lacks: alone it would be one.)
      this.capSubjects(idf, lacks);
      return { idf, lacks, unknownRatio: unknown / this.unknownWeight };
    });
  }

  /** A required concept ("how do I…") says what kind of question it is, like a question word: it weighs no more. */
  private capSubjects(idf: number[] | Float64Array, lacks?: Uint8Array): void {
    const how = this.termIds.get("#HOW");
    if (how === undefined) return;
    for (const name of Object.keys(this.subjects)) {
      const t = this.termIds.get(name);
      if (t !== undefined && lacks?.[t] !== 1) idf[t] = Math.min(idf[t]!, idf[how]!);
    }
  }

  /** Whether a question uses a term: a binary search in its slice of `termData`. */
  private has(q: IndexedQuestion, term: number): boolean {
    let lo = q.start;
    let hi = q.end - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.termData[mid]!;
      if (v === term) return true;
      if (v < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
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

  /** Whether a concept is a subject only entries about it answer (pay, a procedure...). */
  isSubject(concept: string): boolean {
    return concept in this.subjects;
  }

  /** Subjects (pay, qualifications...) that no entry's questions ask about: what the corpus cannot answer. */
  uncoveredSubjects(): SubjectLabel[] {
    return Object.entries(this.subjects)
      .filter(([name]) => {
        const t = this.termIds.get(name);
        return t === undefined || [...this.entryTerms.entries()].every(([e, terms]) => this.smalltalk[e] || !terms.has(t));
      })
      .map(([, label]) => label);
  }

  /** Number of distinct terms (keys and concepts) in the index. */
  get vocabularySize(): number {
    return this.termNames.length;
  }

  get questionCount(): number {
    return this.questions.length;
  }

  /** How one query word is understood. */
  private understand(form: WordForm): { match: WordMatch; extra?: WordForm[]; concept?: string; spelt?: WordForm } {
    if (form.stop) return { match: { kind: "ignored" } };
    // A word the index split is read as the index reads it, though its whole key is a term too: "लेनदेन" is "लेन देन"
    // in the questions that write it so, whatever "lenden" elsewhere is keyed.
    const indexed = this.indexSplits.get(form.surface);
    if (indexed !== undefined) return { match: { kind: "term", term: termName(indexed[0]!), quality: 1, via: `split ${form.surface}` }, extra: indexed.slice(1), spelt: indexed[0]! };
    let exact = this.termIds.get(termName(form));
    // Keys of one or two letters collide ("deal" and "delhi" are both "dl"): the spelling must agree too.
    if (exact !== undefined && !form.concept && form.key.length <= 2 && !/^\d+$/.test(form.key) && !this.spelling.alike(form, exact, 0)) {
      exact = undefined;
    }
    if (exact !== undefined) return { match: { kind: "term", term: this.termNames[exact]!, quality: 1, via: form.concept ? "concept" : "exact" }, spelt: form };
    // A question word the corpus never asks with ("कहां" to an article that never asks where) asks about no topic.
    // Nor does asking what a word means ("matlab kya hai") to a corpus that never asks so: it asks what the thing is.
    if (form.concept !== undefined && asksOnly(form.concept)) return { match: { kind: "ignored" } };
    // Any other concept the corpus never uses is a subject it lacks, not a misspelling of some other word.
    if (form.concept) return { match: { kind: "unknown" } };
    // An amount or count the corpus never writes ("500 connections", "5000 me", "५०००", "2lakh") is context about the
    // asker, not a subject, nor a misspelling of a number the corpus does write.
    if (AMOUNT.test(form.latin)) return { match: { kind: "ignored" } };
    // The parts must be spelt like corpus words, or be pairs the corpus writes apart ("back" + "ofis"); else
    // any long word splits on key collisions ("logistics" is not "log" + "stock").
    const known = (f: WordForm) => this.termIds.has(termName(f));
    // A part of a split word gets no free edit: a short part must be spelt as the corpus spells it ("luck" is not
    // "look", so "lucknow" stays whole).
    const spelt = (f: WordForm) => this.speltAsCorpus(f);
    const parts = this.analyzer.split(form.surface, known, spelt);
    if (parts) {
      const attested = (a?: WordForm, b?: WordForm) =>
        a !== undefined && b !== undefined && this.adjacent.has(pairCode(this.termIds.get(termName(a))!, this.termIds.get(termName(b))!));
      if (parts.every((p, i) => spelt(p) || attested(parts[i - 1], p) || attested(p, parts[i + 1]))) {
        return {
          match: { kind: "term", term: termName(parts[0]!), quality: this.t.splitQuality, via: `split ${form.surface}` },
          extra: parts.slice(1),
          spelt: parts[0]!,
        };
      }
    }
    const fixed = this.spelling.correct(form);
    if (fixed) {
      return { match: { kind: "term", term: this.termNames[fixed.term]!, quality: this.t.fuzzyQuality, via: `typo of ${fixed.key}` } };
    }
    // Another form of a verb the corpus uses ("milegi" to a corpus that asks "milti hai?").
    const stem = verbStem(form.surface);
    const inflected = stem === undefined ? undefined : this.verbStems.get(stem);
    if (inflected !== undefined) return { match: { kind: "term", term: this.termNames[inflected]!, quality: this.t.fuzzyQuality, via: `form of ${this.termNames[inflected]}` } };
    // A misspelt subject the corpus lacks ("salry" when no entry is about pay) is still that subject.
    const typo = this.analyzer.conceptTypo(form);
    if (typo !== undefined) return { match: { kind: "unknown" }, concept: typo };
    // Very short unknown Latin words are noise more often than content ("ca" from "can't", "rs").
    if (shortLatin(form)) return { match: { kind: "ignored" } };
    // ...nor a Hindi function word typed short ("ह", "कहत").
    if (looksLikeStop(form.surface)) return { match: { kind: "ignored" } };
    // Nor is a class or rank ("12th", "12वीं"): context about the asker, not a subject.
    if (RANK.test(form.surface)) return { match: { kind: "ignored" } };
    return { match: { kind: "unknown" } };
  }

  /**
   * Answers one question: best entry or none, confidence, language and suggestions. A pipeline of the stages
   * below, in order: understand the words, weigh the query, rank entries, judge the best against the guards,
   * decide. (A message is segmented into its questions before this, in parts.ts.)
   */
  match(question: string, context: MatchContext = {}): MatchResult {
    const analysed = this.analyzer.analyzeQuestion(question);
    const { clean } = analysed;
    const { forms, aside } = this.joinWritten(clean, analysed.forms, analysed.aside);
    const lang = detectLang(clean, this.langVocabulary);
    const q = this.understandQuery(clean, lang, forms, aside, context.careers ?? []);
    const weights = this.weigh(q);
    // A follow-up is first asked of the article the conversation is about, as if it were loaded alone: with several
    // articles loaded, "how long does the training take?" could be any of theirs. When that article has no answer,
    // the whole corpus is asked.
    const followed = this.followedArticle(q, context.follows);
    if (followed !== undefined) {
      const result = this.decideRanking({ ...q, followUp: this.corpus.articles[followed]!.title }, this.rank(q, weights, followed));
      if (result.id !== null) return result;
    }
    const result = this.decideRanking(q, this.rank(q, weights));
    return this.namesOtherCareer(q, context.follows) ? { ...result, leavesFollowUp: true } : result;
  }

  /** Whether a question names a career other than the article of `follows`, an article's entry (see leavesFollowUp). */
  private namesOtherCareer(q: Understanding, follows: string | undefined): boolean {
    const article = this.articleFollowed(follows);
    return article >= 0 && (q.fields.length > 0 || q.careers.length > 0 || this.namesOtherSubject(q, article));
  }

  /** The article of the entry a conversation follows up, when several articles are loaded; else -1. */
  private articleFollowed(follows: string | undefined): number {
    const entry = follows === undefined || this.frames.length === 0 ? undefined : this.entryIndex.get(follows);
    return entry === undefined ? -1 : this.articleOf[entry]!;
  }

  /** Whether a question uses a word that names another article's subject than `article`'s. */
  private namesOtherSubject(q: Understanding, article: number): boolean {
    return [...q.query.keys()].some((t) => this.subjectOf[t]! >= 0 && this.subjectOf[t] !== article);
  }

  /** Stages "judge" and "decide" over a ranking. */
  private decideRanking(q: Understanding, ranking: Ranking): MatchResult {
    const { ranked, out, vetoed } = ranking;
    if (out.length === 0) return this.declined(q, "retrieve", () => "no corpus question shares a word with it");
    return this.decide(q, ranked, out, vetoed, this.judge(q, ranking));
  }

  /**
   * The article a follow-up goes on about: that of the entry the conversation last answered (`follows`), when several
   * articles are loaded and the question names no other article's subject and uses no word that article never uses
   * ("and the pay?" goes on about it; "where do I buy wax?", to an article that never speaks of wax, does not).
   */
  private followedArticle(q: Understanding, follows: string | undefined): number | undefined {
    const article = this.articleFollowed(follows);
    if (article < 0) return undefined;
    const { lacks } = this.frames[article]!;
    return [...q.query.keys()].some((t) => lacks[t] === 1) || this.namesOtherSubject(q, article) ? undefined : article;
  }

  /**
   * Two words the corpus writes as one ("होम गार्ड" to an article of "होमगार्ड"), read as that one word: Hindi writes
   * many compounds either way. Only two words side by side in one clause, when one of the two is no corpus word alone,
   * and the joined word is one the corpus's questions use, spelt as they spell it (the reverse of a run-together word
   * split, see understand).
   */
  private joinWritten(clean: string, forms: readonly WordForm[], aside: readonly boolean[]): { forms: readonly WordForm[]; aside: readonly boolean[] } {
    const known = (f: WordForm) => this.speltAsCorpus(f);
    const asked = (f: WordForm) => (this.df[this.termIds.get(termName(f))!] ?? 0) > 0;
    const out: WordForm[] = [];
    const outAside: boolean[] = [];
    for (let i = 0; i < forms.length; i++) {
      const [a, b] = [forms[i]!, forms[i + 1]];
      const apart = b !== undefined && aside[i] === aside[i + 1] && !a.stop && !b.stop && clean.includes(`${a.surface} ${b.surface}`);
      const joined = !apart || (known(a) && known(b)) || hasDevanagari(a.surface) !== hasDevanagari(b.surface) ? undefined : this.analyzer.analyzeWord(a.surface + b.surface);
      if (joined !== undefined && !joined.stop && joined.concept === undefined && known(joined) && asked(joined)) {
        this.joined.set(joined, `${a.surface} ${b!.surface}`);
        out.push(joined);
        outAside.push(aside[i]!);
        i++;
      } else {
        out.push(a);
        outAside.push(aside[i]!);
      }
    }
    return out.length === forms.length ? { forms, aside } : { forms: out, aside: outAside };
  }

  /** Whether a word is a corpus word spelt as the corpus spells it, with no free edit (a concept by its concept). */
  private speltAsCorpus(f: WordForm): boolean {
    const t = this.termIds.get(termName(f));
    return t !== undefined && (f.concept !== undefined || this.spelling.alike(f, t, SPELLING_SHARE, false));
  }

  /**
   * Stage "understand": each word of the question as a query term, an unknown word or nothing, plus the subjects it
   * requires and other fields it names; the word-by-word record is what `--explain` shows.
   */
  private understandQuery(clean: string, lang: QuestionLang, forms: readonly WordForm[], aside: readonly boolean[], context: readonly string[]): Understanding {
    const explained: ExplainedWord[] = [];
    const query = new Map<number, number>(); // term -> quality
    const unknown = new Map<string, number>(); // key -> length of the word as typed
    const unknownForms = new Set<string>(); // keys of unknown English -ing/-ed/-ly words
    const unknownAsked = new Set<string>(); // keys of unknown words found in a sentence that asks (others are asides)
    const unknownScoped = new Map<string, number>(); // key -> its weight's share against a sparse article (see scopedWeight)
    const required = new Set<string>(); // required concepts the question uses
    const fields: string[] = []; // other walks of life it asks about (see career.ts FIELDS)
    const careers: string[] = []; // career names no corpus question or answer uses (see otherCareers)
    const free = new Set<number>(); // terms found other than right after one of those (there, part of its name: "dialysis technician")
    // Term -> the share of an unknown word's weight its words would weigh to an article that lacks it, as unknown
    // words weigh (see weigh): dense, then sparse (with the near-miss model's share, see scopedWeight).
    const lacking = new Map<number, [number, number]>();
    let afterCareer = false;
    const spellings = new Map<number, WordForm[]>(); // term -> the words it was found by as spelt (not corrected)
    const pending = wordsToKeep(aside, this.t.maxQueryTerms).map((i) => ({ form: forms[i]!, isAside: aside[i]! }));
    while (pending.length > 0) {
      const { form, isAside } = pending.shift()!;
      if (!isAside && this.fields.has(form.surface)) fields.push(form.surface);
      const career = !isAside && this.careerFields.has(form.surface);
      if (career) careers.push(form.surface);
      // A subject named only in a sentence that tells ("Many openings mention front office. How do the two
      // differ?") is context, not what is asked.
      if (form.concept !== undefined && form.concept in this.subjects && !isAside) required.add(form.concept);
      const { match, extra, concept, spelt } = this.understand(form);
      if (concept !== undefined && concept in this.subjects && !isAside) required.add(concept);
      if (extra) pending.unshift(...extra.map((f) => ({ form: f, isAside })));
      if (match.kind === "term") {
        const t = this.termIds.get(match.term)!;
        query.set(t, Math.max(query.get(t) ?? 0, match.quality));
        // What it would weigh to an article that lacks it, loaded alone: nothing if that article would ignore it,
        // else as weigh() weighs a word the corpus lacks. (Only frames ask: with one article, none is built.)
        if (this.frames.length > 0) {
          const share = extra === undefined && ignoredAlone(form) ? 0 : (isAside ? this.t.asideWeight : 1) * (lightUnknown(form) ? 0.5 : 1);
          const scoped = share * this.scopedWeight(form);
          const had = lacking.get(t);
          lacking.set(t, had === undefined ? [share, scoped] : [Math.max(had[0], share), Math.max(had[1], scoped)]);
        }
        if (!afterCareer) free.add(t);
        if (spelt !== undefined) {
          const words = spellings.get(t);
          if (words) words.push(spelt);
          else spellings.set(t, [spelt]);
        }
        const typed = this.joined.get(form);
        explained.push({ word: typed ?? form.surface, key: form.key, as: match.term, how: typed === undefined ? (match.via ?? "exact") : `joined ${typed}`, weight: this.idf[t]! * match.quality });
      } else if (match.kind === "unknown") {
        unknown.set(form.key, Math.max(unknown.get(form.key) ?? 0, [...form.surface].length));
        if (ENGLISH_FORM.test(form.surface)) unknownForms.add(form.key);
        if (!isAside) unknownAsked.add(form.key);
        unknownScoped.set(form.key, Math.max(unknownScoped.get(form.key) ?? 0, this.scopedWeight(form)));
        explained.push({ word: form.surface, key: form.key, as: "unknown", how: isAside ? "not in the corpus, an aside" : "not in the corpus", weight: this.unknownWeight * (isAside ? this.t.asideWeight : 1) });
      } else {
        explained.push({ word: form.surface, key: form.key, as: form.stop ? "stop" : "ignored", how: "-", weight: 0 });
      }
      afterCareer = career;
    }
    // "Is housekeeping front office or back office?": a question naming a side an article contrasts is about that
    // article, whatever line of work it names.
    const namesSide = [...query.keys()].some((t) => this.sides.has(t));
    // A question that names no line of work goes on about the one the message's question before it named ("how to
    // become a tattoo artist and how much do they earn"): `context`, that question's careers (see parts.ts).
    const named = fields.length > 0 || careers.length > 0 ? careers : context;
    return { clean, lang, forms, explained, query, spellings, unknown, unknownForms, unknownAsked, unknownScoped, required, fields: namesSide ? [] : fields, careers: namesSide ? [] : named, free, lacking };
  }

  /**
   * Stage "weigh": how much the query weighs in all (small talk must cover it), in content (an article's entries
   * must cover that), and against each article (see unknownScale), so that scores are shares of the question.
   */
  private weigh({ query, unknown, unknownForms, unknownAsked, unknownScoped }: Understanding): Weights {
    // Greetings and thanks do not dilute a real question: entries other than small talk ignore them.
    let unknownTotal = 0;
    let unknownSparse = 0;
    // A one- or two-letter unknown word is more often a typo or chat noise ("hm", "ok") than a topic, and an
    // English verb form or adverb ("hunting", "nodded", "honestly") more often context than the subject.
    // Nor is a word the corpus lacks that stands only in a sentence that tells, beside one that asks ("I'm
    // preparing a session for students. How do the two differ?"): context, not the subject asked about.
    for (const [key, length] of unknown) {
      const weight = length <= LIGHT_LENGTH || unknownForms.has(key) ? this.unknownWeight / 2 : this.unknownWeight;
      const asked = unknownAsked.has(key) ? weight : weight * this.t.asideWeight;
      unknownTotal += asked;
      unknownSparse += asked * unknownScoped.get(key)!;
    }
    // Only greetings or thanks, with chatter around them ("thanks a lot, that finally makes sense"): the
    // chatter does not stand between them and small talk.
    const courtesyOnly = query.size > 0 && [...query.keys()].every((t) => this.courtesy.has(t));
    let total = courtesyOnly ? 0 : unknownTotal;
    let content = unknownTotal;
    for (const [t] of query) {
      total += this.idf[t]!;
      if (!this.courtesy.has(t)) content += this.idf[t]!;
    }
    if (content === 0) content = total;
    // What the query weighs against each article's entries (see unknownScale).
    const contents = Array.from(this.unknownScale, (scale, a) =>
      Math.max(content - unknownTotal + (this.models[a]?.name === "sparse" ? unknownSparse : unknownTotal) * scale, Number.MIN_VALUE),
    );
    return { total, content, contents, unknown: unknownTotal, unknownSparse };
  }

  /**
   * Stage "rank": retrieve and score entries, drop those the question rules out (vetoed) or that may not answer
   * it, put the entries that cover its required subjects first, and keep the best few. `within`: only that article's
   * entries and small talk (a follow-up, see match).
   */
  private rank(q: Understanding, weights: Weights, within?: number): Ranking {
    const { forms, query, spellings, unknown, required } = q;
    const { total, content, contents } = weights;
    // Question words alone ("what is?", "kaise ho") ask about no topic: only small talk may answer them.
    const { intents } = this.fixed;
    const onlyIntents = unknown.size === 0 && [...query.keys()].every((t) => intents.has(t));
    const vetoed = this.vetoed(query, spellings, impliedSide(this.described, forms, (name) => this.hasTerm(query, name)));
    const allowed = (c: Scored) => !vetoed(c.entry) && (!onlyIntents || this.smalltalk[c.entry]) && (within === undefined || this.articleOf[c.entry] === within || this.smalltalk[c.entry]!);
    let candidates = this.score(query, total, content, contents);
    // Candidates come from the question's rare words. When those find no entry it may have (another article's rare
    // word, in entries the question rules out or that score nothing), the questions of its rarest common word are
    // walked as for a question of only common words: with 132 articles loaded, "bank", "back" and "office" are each
    // in too many entries to gather, and "बैंक का हेडक्वार्टर बैक ऑफिस है क्या?", a question of the shipped
    // article word for word, found nothing.
    if (!onlyIntents && !candidates.some(allowed)) {
      const rareDf = this.rareDf();
      const terms = [...query.keys()];
      if (terms.some((t) => this.df[t]! <= rareDf) && terms.some((t) => this.df[t]! > rareDf)) candidates = this.score(query, total, content, contents, true);
    }
    const eligible = candidates.filter(allowed);
    // Pay, papers and the like are answered only by an entry whose questions ask about them: the gate judges the
    // entry, not its one best question. Such entries go first; when there is none, the others stay as
    // suggestions. A procedure ("how do I…") is a form of question, not a subject: it promotes no entry, and
    // the best question itself must be one (see `lackingSubject`).
    const subjects = [...required].filter((name) => name !== HOWTO);
    const covering = subjects.length === 0 ? [] : eligible.filter((c) => !this.smalltalk[c.entry] && this.covers(c.entry, subjects, c.q));
    const all = this.byEvidence(covering.length > 0 ? covering : eligible, q, weights, true);
    const ranked = all.slice(0, 6);
    const out: Candidate[] = ranked.map((c) => this.describe(c, query));
    // The best entry's rivals in its own article are found among all candidates, not only the best few: entries of
    // other articles crowding those places must not change how sure it looks (the rival's place among the best six
    // no longer matters).
    // (A walk that stops at the few it needs: with thousands of entries the candidates are many.)
    const article = ranked[0] === undefined ? -1 : this.articleOf[ranked[0].entry]!;
    const rivals: Scored[] = [];
    for (let i = 1; article >= 0 && i < all.length && rivals.length < ranked.length - 1; i++) if (this.articleOf[all[i]!.entry] === article) rivals.push(all[i]!);
    const pool = covering.length > 0 ? covering : eligible;
    // (Another article's frame weighs the words only others use as unknown words, whatever their sentence: sureAlone's
    // bar share was measured so, and with words weighed as that article alone would, its rivals look sure too often.)
    const alone = (a: number) => this.byEvidence(pool.filter((c) => this.articleOf[c.entry] === a), q, weights, false);
    return { ranked, out, vetoed, rivals, alone };
  }

  /**
   * Stage "judge": the facts about the best candidate that the guards (GUARDS) rule on, each found by a method
   * of its own.
   */
  private judge(q: Understanding, { ranked, out, rivals, alone }: Ranking): GuardFacts {
    const best = out[0]!;
    const second = out[1];
    const ambiguous = this.ambiguous(q.query, ranked, out, () => this.otherArticleSure(q, ranked, alone));
    const lacking = this.lackingSubject(q.required, ranked[0]!);
    const offTopic = this.offTopic(ranked[0]!.entry, q);
    const { scoreBar, coverageBar } = this.bars(q, best, second);
    const calibration = this.calibration(q, ranked, rivals, lacking !== undefined);
    const fields = [...q.fields, ...this.otherCareers(q, ranked[0]!.entry)];
    const declared = lacking !== undefined && this.declaresNotCovered(ranked[0]!.entry, lacking);
    const asWritten = this.asWritten(q, ranked[0]!);
    return { best, second, lacking, declared, lackingLabel: lacking === undefined ? undefined : this.subjects[lacking], fields, offTopic, ambiguous, scoreBar, coverageBar, calibration, asWritten };
  }

  /**
   * Guard fact "as written": the question is one of the best entry's own phrasings, letter for letter (case,
   * spacing and punctuation aside), and no other entry's: its author wrote it for that entry, whatever a model learnt
   * from other articles makes of its words. (A maintainer's own question; a user who copies one.) With several
   * articles loaded, only when it names that entry's article: "Safety at work" or "पहला क्लाइंट कैसे मिलेगा?" could be
   * any of theirs.
   */
  private asWritten({ clean, query }: Understanding, best: Scored): boolean {
    const article = this.articleOf[best.entry]!;
    if (this.smalltalk[best.entry] || this.writtenBy.get(writtenKey(clean)) !== best.entry) return false;
    return this.corpus.articles.length === 1 || [...query.keys()].some((t) => this.subjectOf[t] === article);
  }

  /**
   * Part of guard fact "fields": the careers a question names (see careers.ts) that the best entry's article does not,
   * when it names none of the terms that article's career goes by: "dialysis technician ki salary" to an article
   * about lab technicians asks about another career ("technician", right after "dialysis", is that name's), "lab
   * technician aur dialysis technician me farak" does not. A dense article (the shipped one, of many workplaces), or
   * one with no such terms, is not judged so.
   */
  private otherCareers(q: Understanding, best: number): readonly string[] {
    const own = this.careerTerms[this.articleOf[best]!];
    if (q.careers.length === 0 || own === undefined || own.size === 0) return [];
    return [...q.query.keys()].some((t) => own.has(t) && q.free.has(t)) ? [] : q.careers;
  }

  /**
   * Whether a subject the entry lacks is one its article says it does not cover (its `not_covered`), or one another
   * article says so of and the entry's article never speaks of, in any entry's questions or answer: with an article
   * about JCB operators beside the shipped one, "where do I get blood in an emergency?" is still about blood, which
   * neither covers, not about where JCB jobs are.
   */
  private declaresNotCovered(entry: number, subject: string): boolean {
    const a = this.articleOf[entry]!;
    if (this.corpus.articles[a]?.notCovered.includes(subject)) return true;
    if (!this.notCovered.has(subject) || a < 0) return false;
    const t = this.termIds.get(subject);
    return t === undefined || !this.entriesOf[a]!.some((e) => this.entryTerms[e]!.has(t) || this.answerTerms[e]!.has(t));
  }

  /**
   * Whether the second best entry is of another article that scores about as well by the corpus's weights, and the
   * question names no article's subject: which of the two it asks is then for each article's own model to say.
   */
  private closeAcross(query: ReadonlyMap<number, number>, ranked: readonly Scored[]): boolean {
    const [first, second] = ranked;
    return (
      this.corpus.articles.length > 1 &&
      first !== undefined &&
      second !== undefined &&
      this.articleOf[first.entry]! >= 0 &&
      this.articleOf[second.entry]! >= 0 &&
      this.articleOf[second.entry] !== this.articleOf[first.entry] &&
      ![...query.keys()].some((t) => this.subjectOf[t]! >= 0) &&
      first.across - second.across < this.t.articleAmbiguityMargin
    );
  }

  /**
   * Whether another article among the best few entries' (any of them may be the one asked), scoring about as well by
   * the corpus's weights, would answer the question alone (see sureAlone).
   */
  private otherArticleSure(q: Understanding, ranked: readonly Scored[], alone: Ranking["alone"]): boolean {
    const first = ranked[0]!;
    const own = this.articleOf[first.entry]!;
    const close = new Set(ranked.filter((c) => first.across - c.across < this.t.articleAmbiguityMargin).map((c) => this.articleOf[c.entry]!));
    return [...close].some((a) => a >= 0 && a !== own && this.sureAlone(q, alone(a)));
  }

  /**
   * Whether an article's best entry, its candidates re-ranked by the article's own frame as the best article's are
   * (`candidates`, best first), might answer by its own calibrated model: near its bar (TUNING.articleSureShare), and
   * asked about no subject it lacks where that alone declines (a dense article, or a subject declared not covered:
   * see declaresNotCovered).
   */
  private sureAlone(q: Understanding, candidates: readonly Scored[]): boolean {
    const [best, ...rest] = candidates;
    if (best === undefined) return false;
    const lacking = this.lackingSubject(q.required, best);
    const verdict = this.calibration(q, candidates.slice(0, 6), rest.slice(0, 5), lacking !== undefined);
    // (As the uncovered-subject guard would: a dense article, or a subject declared not covered, objects on its own.)
    const objects = lacking !== undefined && (verdict?.model === "dense" || this.declaresNotCovered(best.entry, lacking));
    return verdict !== undefined && !objects && verdict.confidence >= verdict.bar * this.t.articleSureShare;
  }

  /**
   * Guard fact "ambiguous": whether the best two candidates are too close to choose between, so the bot asks which.
   * Across articles (see closeAcross) only when another article that scores about as well would answer it too
   * (`otherSure`): a question only one of them could answer is not a guess between them.
   */
  private ambiguous(query: Map<number, number>, ranked: readonly Scored[], out: readonly Candidate[], otherSure: () => boolean): boolean {
    const best = out[0]!;
    const second = out[1];
    // How far the first leads: by rank when evidence or the letters ordered the two (see byEvidence), else by the
    // scores shown (entries of two articles are never ordered so: only one of them may have been re-ranked).
    const reranked = (c: Scored) => c.rank !== c.score;
    const byRank = second !== undefined && this.articleOf[ranked[0]!.entry] === this.articleOf[ranked[1]!.entry] && (reranked(ranked[0]!) || reranked(ranked[1]!));
    const lead = second === undefined ? 1 : byRank ? ranked[0]!.rank - ranked[1]!.rank : best.score - second.score;
    // Two entries that cover the query equally, one ahead only because its question is shorter: ask which.
    // Or, with several articles, two entries of different articles when the question names neither's subject
    // ("salary kitni hai?") and another of them could answer it too: which article is meant is a guess, so ask.
    const acrossArticles = second !== undefined && this.closeAcross(query, ranked) && otherSure();
    // (How close two entries of one article may be is the calibrated guard's to weigh: see calibration().)
    const article = (c: { entry: number }) => this.articleOf[c.entry]!;
    // (No tie when the question names the first one's article and not the other's: "front office ki zimmedari" is
    // the front/back office article's, though a hotel article's front desk asks it word for word.)
    const names = (c: { entry: number }) => article(c) >= 0 && [...query.keys()].some((t) => this.subjectOf[t] === article(c));
    const preferred = second !== undefined && article(ranked[0]!) !== article(ranked[1]!) && names(ranked[0]!) && !names(ranked[1]!);
    return (
      acrossArticles ||
      (second !== undefined && !preferred && lead < this.t.ambiguityMargin && best.coverage <= second.coverage)
    );
  }

  /** Guard fact "lacking": the first required subject (pay, a procedure...) the best entry does not answer, if any. */
  private lackingSubject(required: ReadonlySet<string>, top: Scored): string | undefined {
    const bestEntry = top.entry;
    // "How do I…" needs an answer about a procedure: a best question that asks one, or an article whose author
    // explains some (see explainsProcedures). And "to become a clerk, what skills?" asks about the skills it names.
    const framed = [...required].some((name) => name !== HOWTO && this.covers(bestEntry, [name], top.q));
    const excused = (name: string) => name === HOWTO && (framed || this.explainsProcedures(bestEntry));
    return [...required].find((name) => !excused(name) && !this.covers(bestEntry, [name], top.q));
  }

  /**
   * Guard fact "off topic": small talk answers only small talk: "how do I get a bank loan" is not "how do I use
   * this bot". A topic word is a concept or a key of three letters or more (short keys collide: दे and दो are both "d").
   */
  private offTopic(bestEntry: number, { query, forms }: Understanding): boolean {
    if (!this.smalltalk[bestEntry]) return false;
    const { intents } = this.fixed;
    const topic = [...query.keys()].some((t) => {
      const name = this.termNames[t]!;
      return !this.entryTerms[bestEntry]!.has(t) && !this.courtesy.has(t) && !intents.has(t) && (name.startsWith("#") || name.length >= 3);
    });
    return topic || forms.some((f) => this.spelledUnlikeSmallTalk(f, bestEntry));
  }

  /**
   * Whether a word's short key is one small talk shares with an article's questions, spelt unlike any of small
   * talk's spellings of it: "gda" is not the "good" of "good morning", though both are "gd" ("gd morning" and
   * "badiya" still are small talk's).
   */
  private spelledUnlikeSmallTalk(f: WordForm, smalltalkEntry: number): boolean {
    if (f.stop || f.concept !== undefined || f.key.length > 2) return false;
    const t = this.termIds.get(f.key);
    if (t === undefined || this.courtesy.has(t) || !this.entryTerms[smalltalkEntry]!.has(t)) return false;
    return ![...(this.smalltalkSpellings.get(t) ?? [])].some((s) => spelledAlike(f.spelling, s));
  }

  /**
   * Guard fact "bars": the score and coverage small talk must reach (an article's entry answers by the calibrated
   * guard instead), lowered for a long message it clearly leads on.
   */
  private bars({ query, unknown }: Understanding, best: Candidate, second: Candidate | undefined): { scoreBar: number; coverageBar: number } {
    // One FAQ question cannot cover a long, chatty question: past a few content words the bar comes down a
    // little per word, as long as the best entry clearly leads.
    const words = query.size + unknown.size;
    const clearLead = second === undefined || best.score - second.score >= this.t.longLead;
    const relief = clearLead ? Math.min(this.t.longReliefMax, this.t.longRelief * Math.max(0, words - this.t.longWords)) : 0;
    return { scoreBar: this.t.answerThreshold - relief, coverageBar: this.t.minCoverage - relief };
  }

  /** The word weights an entry is judged by among its article's: its article's frame, if built, else the corpus's. */
  private weightsOf(entry: number): ArrayLike<number> {
    return this.frames[this.articleOf[entry]!]?.idf ?? this.idf;
  }

  /** The calibrated guard's model for an entry: its article's (see models); none for small talk. */
  private model(entry: number): CalibrationModel | undefined {
    const a = this.articleOf[entry]!;
    return a < 0 ? undefined : this.models[a];
  }

  /**
   * Evidence about an entry beyond its best question: how typical the query's words are of the entry's questions
   * (see typicalTerms), plus how well its second-best question fits. With six phrasings an entry, one question
   * sharing two words is chance; an entry whose every phrasing uses the query's words is not.
   */
  private evidence(entry: number, query: ReadonlyMap<number, number>, second: number): number {
    const typical = this.typical[entry]!;
    const idf = this.weightsOf(entry);
    let found = 0;
    let all = 0;
    for (const [t, quality] of query) {
      found += idf[t]! * quality * (typical.get(t) ?? 0);
      all += idf[t]!;
    }
    return (all > 0 ? found / all : 0) + second;
  }

  /**
   * An entry's chance of being the one asked among all its article's `entries`, by naive Bayes over their
   * phrasings: a word most of an entry's phrasings use (in any language, see typicalTerms) is likely in a question
   * to it, a word none uses unlikely (a little less so when its answer uses it). Its rivals are the article's
   * entries ranked next to it; the article's others count as using none of the query's words. A second opinion
   * beside the best question's score: with six phrasings an entry, one question sharing two words is chance.
   */
  private chance(entry: number, entries: number, rivals: readonly number[], query: ReadonlyMap<number, number>): number {
    const idf = this.weightsOf(entry);
    const logLikelihood = (e: number | undefined) => {
      let sum = 0;
      for (const [t, quality] of query) {
        const share = e === undefined ? 0 : (this.typical[e]!.get(t) ?? (this.answerTerms[e]!.has(t) ? this.t.chanceAnswerShare : 0));
        sum += idf[t]! * quality * Math.log(share + this.t.chanceSmoothing);
      }
      return sum;
    };
    const own = logLikelihood(entry);
    const none = logLikelihood(undefined);
    const others = Math.max(0, entries - 1 - rivals.length);
    let sum = 1 + others * Math.exp(none - own);
    for (const e of rivals) sum += Math.exp(logLikelihood(e) - own);
    return 1 / sum;
  }

  /**
   * Guard fact "calibrated": for an article's entry, the chance that it is right, from a model over what the
   * matcher knows: boosted trees for sparse articles (src/calibration-data.ts), a logistic model for dense ones
   * (TUNING.denseCalibration), both fitted by bin/calibrate.ts, and the logistic model the trees replaced for a sparse
   * article of fewer entries than they were fitted on (TUNING.smallCalibration). Its inputs are the best entry's
   * score, coverage and evidence, its lead over the next entry of its article, how much of the question the corpus does not know, how much more its letters look like
   * the entry's questions than like another entry's (see Surface), its chance by naive Bayes beyond an even one,
   * whether it asks about a subject the entry's questions do not (`lacking`: in a sparse article the
   * uncovered-subject guard leaves that to the model), how much better its kinds fit the entry than another (see
   * kindLead), and, in a sparse article, how much its words are other articles' near misses' (see nearMissOdds), and
   * whether it names the article's own career, with the share of words it lacks when it does not (see careerTerms),
   * how far the words alone put it ahead of the next candidate (`ranked`, best first), the question's script, how
   * much of the question the entry's phrasings share against its next rival's (see support), and how much of it the
   * entry's answer speaks of. Small talk keeps the bars.
   */
  private calibration({ clean, explained, query, forms, lang }: Understanding, ranked: readonly Scored[], rivals: readonly Scored[], lacking: boolean): Calibration | undefined {
    const [best, second] = ranked as [Scored, Scored | undefined];
    const candidates = ranked.length;
    const model = this.model(best.entry);
    if (model === undefined) return undefined;
    // The lead over the next entry of the same article: the model was fitted on articles alone.
    const article = this.articleOf[best.entry]!;
    const next = rivals[0];
    // (With no other entry of its article among all the candidates, the lead is its whole rank, as over nothing.)
    const lead = best.rank - (next?.rank ?? 0);
    let weight = 0;
    let unknownWeight = 0;
    let words = 0;
    let unknown = 0;
    for (const w of explained) {
      if (w.weight <= 0) continue;
      words += 1;
      weight += w.weight;
      if (w.as === "unknown") {
        unknown += 1;
        unknownWeight += w.weight;
      }
    }
    // (Counted above an even chance: an article of one entry learns nothing from it.)
    const entries = this.entriesOf[article]!.length;
    const beyondEven = this.chance(best.entry, entries, rivals.map((c) => c.entry), query) - 1 / entries;
    // How much more the best entry's questions look like this one by their letters than another entry's of its
    // article do: a view that shares none of the word pipeline's readings, so its disagreement is evidence. (In an
    // article of many entries, only the rivals: the letters of every entry would cost more than the rest.)
    const others = entries <= this.t.lettersAllEntries ? this.entriesOf[article]!.filter((e) => e !== best.entry) : rivals.map((r) => r.entry);
    const [look, ...otherLooks] = this.surfaces[article]!.resemblance(clean, [best.entry, ...others]);
    const unknownShare = weight > 0 ? unknownWeight / weight : 0;
    // Whether it names its article's own career ("lifeguard"): 1, or -1 when it does not; words it lacks, beside no
    // such name, more often ask about another line of work. (0 where no term runs through the article, a small one
    // among them, or the article is dense: nothing to tell.)
    const sparse = model.name === "sparse";
    const own = this.careerTerms[article]!;
    const namesOwn = !sparse || own.size === 0 ? 0 : [...query.keys()].some((t) => own.has(t)) ? 1 : -1;
    let queryWeight = 0;
    for (const [t, quality] of query) queryWeight += this.idf[t]! * quality;
    const support = (entry: number) => this.support(entry, query, queryWeight, lang === "hi");
    const bestSupport = support(best.entry);
    const inputs: Record<keyof typeof CALIBRATION_INPUT, number> = {
      bias: 1,
      score: best.score,
      coverage: best.recall,
      evidence: best.evidence,
      lead,
      leadCapped: Math.min(lead, this.t.calibrationLeadCap),
      unknownShare,
      unknown,
      words,
      letters: look! - Math.max(0, ...otherLooks),
      chance: beyondEven,
      uncoveredSubject: lacking ? 1 : 0,
      kind: this.kindLead(forms, best.entry, others),
      nearMiss: sparse ? this.nearMissOdds(forms, this.careerNames[article]!) : 0,
      ownCareer: namesOwn,
      unknownElsewhere: namesOwn < 0 ? unknownShare : 0,
      // How far the words alone put it ahead of the next candidate of any article (or small talk; below 0 where the
      // re-ranking put it first), and how many there are: where the words tie, what re-ranked the two decides alone.
      // (sureAlone asks of one article's candidates alone, where the next is a rival of its own: an approximation the
      // trees were not fitted on, and its bar share, TUNING.articleSureShare, was measured before them.)
      gap: best.score - (second?.score ?? 0),
      coverageGap: best.recall - (second?.recall ?? 0),
      candidates,
      // Readers of each script word their questions differently from an article's phrasings.
      hindi: lang === "hi" ? 1 : 0,
      hinglish: lang === "hi-Latn" ? 1 : 0,
      // How much of the question the best entry's phrasings in its script share, on average, against the next entry
      // of its article's: a right entry is asked so several ways, a wrong one is often reached by one phrasing's stray
      // word. (In its script: a Latin key meets English and Hinglish phrasings, a Devanagari one only Hindi.)
      support: bestSupport,
      supportLead: bestSupport - (next === undefined ? 0 : support(next.entry)),
      // How much of the question its answer speaks of: the author's own words, apart from the askers'. (No direction:
      // an answer also names what the entry does not answer.)
      answerShare: this.answerShare(best.entry, query, queryWeight),
    };
    const features = CALIBRATION_INPUT_NAMES.map((name) => inputs[name]);
    return { features, confidence: model.chance(features), bar: model.bar, model: model.name };
  }

  /** The mean share of the query's weight (`total`) that an entry's questions in one script (Devanagari or Latin) have. */
  private support(entry: number, query: ReadonlyMap<number, number>, total: number, devanagari: boolean): number {
    let sum = 0;
    let questions = 0;
    for (let q = this.firstQuestion[entry]!; q < this.firstQuestion[entry + 1]!; q++) {
      const question = this.questions[q]!;
      if ((question.lang === "hi") !== devanagari) continue;
      questions += 1;
      for (const [t, quality] of query) if (this.has(question, t)) sum += this.idf[t]! * quality;
    }
    return total > 0 && questions > 0 ? sum / total / questions : 0;
  }

  /** The share of the query's weight (`total`) in an entry's answer. */
  private answerShare(entry: number, query: ReadonlyMap<number, number>, total: number): number {
    let found = 0;
    for (const [t, quality] of query) if (this.answerTerms[entry]!.has(t)) found += this.idf[t]! * quality;
    return total > 0 ? found / total : 0;
  }

  /**
   * How much more a question's words are those of the near misses the test articles' readers asked (another career's
   * course, a customer's complaint, a product's price) than of their covered questions, as log odds of the scope
   * model's chance, within ±TUNING.nearMissCap: one article's phrasings cannot tell a word it lacks from a question
   * it does not answer, and many articles' readers can. The words of the best entry's article's own career (`own`)
   * are left out: "hawker", in another article's near misses, is this article's readers' own word.
   */
  private nearMissOdds(forms: readonly WordForm[], own: ReadonlySet<string>): number {
    const p = this.scope.posterior(kindWords(forms).filter((word) => !own.has(word)))[SCOPE_NEAR_MISS];
    if (p === undefined) return 0;
    const cap = this.t.nearMissCap;
    return Math.max(-cap, Math.min(cap, Math.log(p) - Math.log1p(-p)));
  }

  /**
   * The share of its weight a word the corpus lacks keeps against a sparse article's entries: all of it when near
   * misses use it as much as covered questions or more ("price", "weather"), less for a word covered questions use
   * far more, down to TUNING.unknownScopeFloor ("possible", "beginner", "normal"): one article's phrasings cannot know every
   * word its readers ask with, and many articles' readers show which words ask about something else.
   */
  private scopedWeight(form: WordForm): number {
    const odds = this.scope.wordOdds(form.concept ?? form.key, SCOPE_NEAR_MISS, 1 - SCOPE_NEAR_MISS);
    return odds === undefined ? 1 : Math.min(1, Math.max(this.t.unknownScopeFloor, Math.exp(odds)));
  }

  /** The kinds a question asks (see KindModel), read once per question: ranking and the calibrated guard both ask. */
  private kindsAsked(forms: readonly WordForm[]): Float64Array {
    let asked = this.kindsMemo.get(forms);
    if (asked === undefined) this.kindsMemo.set(forms, (asked = this.kinds.posterior(kindWords(forms))));
    return asked;
  }

  /**
   * How much more the kind of thing the question asks (pay, training...: see KindModel) is what the best entry's
   * questions ask than what any other's of `others` do; 0 where the entry's article is dense (its model does not
   * weigh it). Another view beside the words: career articles at large word a pay question in ways one article's
   * few phrasings may not.
   */
  private kindLead(forms: readonly WordForm[], best: number, others: readonly number[]): number {
    const own = this.kindsOf[best]!;
    if (own.length === 0) return 0;
    const asked = this.kindsAsked(forms);
    const fit = (e: number) => this.kindFit(e, asked);
    return fit(best) - Math.max(0, ...others.map(fit));
  }

  /** How well an entry's kinds fit the kinds a question asks: the chance both are of one kind (0 outside sparse articles). */
  private kindFit(entry: number, asked: Float64Array): number {
    return this.kindsOf[entry]!.reduce((sum, p, k) => sum + p * asked[k]!, 0);
  }

  /**
   * Stage "decide": a role the article assigns, else the best entry unless a guard objects, else thanks to small
   * talk, else no answer with suggestions.
   */
  private decide(q: Understanding, ranked: readonly Scored[], out: readonly Candidate[], vetoed: (entry: number) => boolean, facts: GuardFacts): MatchResult {
    const { query, required } = q;
    const { best, calibration } = facts;
    // The guards, in order: the first that objects decides, and `--explain` says why.
    const guard = firstObjecting(facts);
    const blocker = guard === undefined ? undefined : () => guard.why(facts);
    // A role the article's data assigns to an entry, in a question that names both sides of a contrast ("is an
    // accountant front or back office?"): that entry decides it, unless the question asks about a subject (pay).
    // (Only when the best question does not already speak of that role: "is the hospital reception front
    // office?" has its own entry.)
    const role = required.size === 0 ? this.roleEntry(q) : undefined;
    const speaksOf = (name: string) => {
      const t = this.termIds.get(name);
      return t !== undefined && this.has(this.questions[ranked[0]!.q]!, t);
    };
    if (role !== undefined && !vetoed(role.entry) && (blocker !== undefined || !role.phrase.every(speaksOf))) {
      const id = this.corpus.entries[role.entry]!.id;
      return this.answered(q, "roles", out, id, Math.max(best.id === id ? best.score : 0, this.t.answerThreshold), () => `${id} decides about the role it names`);
    }
    // (The calibration goes with the results the calibrated guard decided: answered, or not sure enough.)
    // (One of the entry's own phrasings, which the model alone would have declined, says so: `faq lint` warns of it.)
    if (blocker === undefined && facts.asWritten && unsure(facts)) {
      return this.answered(q, "as written", out, best.id, best.score, () => `one of ${best.id}'s own phrasings, as written (${barsText(facts)})`, calibration);
    }
    if (blocker === undefined) return this.answered(q, "every guard passed", out, best.id, best.score, () => barsText(facts), calibration);
    // Thanks with words around it that lead nowhere ("thank u bhai, bahut help hui"), and no question in it:
    // small talk still answers. (Not a greeting: "hey, I'm a shy graduate…" goes on to ask something.)
    const { thanks, intents } = this.fixed;
    const asks = [...query.keys()].some((t) => intents.has(t));
    if (thanks !== undefined && query.has(thanks) && !asks && required.size === 0) {
      const polite = ranked.find((c) => this.smalltalk[c.entry] && this.entryTerms[c.entry]!.has(thanks));
      if (polite) return this.answered(q, "thanks", out, this.corpus.entries[polite.entry]!.id, polite.score, () => `small talk (${THANKS}), as ${blocker()}`);
    }
    // "Did you mean" offers topics of the article, never small talk.
    const suggestions = out
      .filter((c) => c.score >= this.t.suggestThreshold && !this.corpus.byId.get(c.id)!.smalltalk)
      .slice(0, this.t.maxSuggestions)
      .map((c) => c.id);
    // (The subject is told as not covered only when its own guard declined: a later one's reason is another.)
    const uncovered = guard!.name === "uncovered-subject" ? facts.lacking : undefined;
    return this.declined(q, `guard ${guard!.name}`, blocker!, out, suggestions, uncovered, judgedByModel(guard!, facts) ? calibration : undefined);
  }

  /** Result "answered": an answer; the decision is words for `--explain` only, written when read. */
  private answered({ lang, clean, explained, fields, careers, followUp }: Understanding, stage: string, candidates: readonly Candidate[], id: string, confidence: number, why: () => string, calibration?: Calibration): MatchResult {
    return {
      ...(calibration ? { calibration } : {}),
      id,
      stage,
      careers: [...fields, ...careers],
      confidence: round(confidence),
      lang,
      suggestions: [],
      candidates,
      clean,
      words: explained,
      get decision() {
        return `answered${followUp === undefined ? "" : ` as a follow-up about "${followUp}", the article the conversation is about`}: ${why()}`;
      },
      uncovered: false,
    };
  }

  /** Result "declined": no answer, maybe suggestions, and the subject it asks about when the corpus answers none. */
  private declined(
    { lang, clean, explained, fields, careers }: Understanding,
    stage: string,
    why: () => string,
    candidates: readonly Candidate[] = [],
    suggestions: string[] = [],
    subject?: string,
    calibration?: Calibration,
  ): MatchResult {
    return {
      ...(calibration ? { calibration } : {}),
      id: null,
      stage,
      careers: [...fields, ...careers],
      confidence: candidates[0]?.score ?? 0,
      lang,
      suggestions,
      candidates,
      clean,
      words: explained,
      get decision() {
        return `no answer: ${why()}`;
      },
      uncovered: subject !== undefined,
      subject: subject === undefined ? undefined : this.subjects[subject],
    };
  }

  /** Query words in at most this many entries gather candidates (see score). */
  private rareDf(): number {
    return Math.max(this.t.candidateDf, this.corpus.entries.length * this.t.candidateDfShare);
  }

  /** Scores entries: their best question (F-beta of coverage both ways), plus credit for query words found elsewhere in the entry or in its answer. */
  private score(query: Map<number, number>, total: number, content: number, contents: readonly number[], byCommonWords = false) {
    // The weight an entry's questions must cover: the whole query for small talk, its content for an article's entry.
    const base = (e: number) => (this.smalltalk[e] ? total : (contents[this.articleOf[e]!] ?? content));
    const lightest = Math.min(content, ...contents);
    const matched = this.matchedAcc;
    const plain = this.plainAcc;
    const rareDf = this.rareDf();
    const terms = [...query].sort((a, b) => this.df[a[0]]! - this.df[b[0]]!);
    const gathering = byCommonWords ? [] : terms.filter(([t]) => this.df[t]! <= rareDf);
    // (Walked below: the rarest word, or with `byCommonWords` the rarest of the common ones.)
    const walked = (byCommonWords ? terms.find(([t]) => this.df[t]! > rareDf) : undefined) ?? terms[0];
    const beta2 = this.t.beta * this.t.beta;
    // Best question per entry, in reusable typed arrays; `entries` lists the entries touched.
    const { bestF, bestQ, bestRecall, bestPrecision, secondF } = this;
    const entries: number[] = [];
    const consider = (q: number, m: number, p: number) => {
      const question = this.questions[q]!;
      const e = question.entry;
      const recall = m / base(e);
      const precision = p / question.weight;
      const f = this.fBeta(precision, recall);
      if (bestQ[e] === -1) {
        entries.push(e);
        secondF[e] = 0;
      } else if (f <= bestF[e]!) {
        secondF[e] = Math.max(secondF[e]!, f);
        return;
      } else secondF[e] = bestF[e]!;
      bestF[e] = f;
      bestQ[e] = q;
      bestRecall[e] = recall;
      bestPrecision[e] = precision;
    };

    if (gathering.length > 0) {
      // Candidates come from the rare words; common words only add to their scores.
      const touched: number[] = [];
      for (const [t, quality] of gathering) {
        const w = this.idf[t]!;
        for (const q of this.postings[t]!) {
          if (plain[q] === 0) touched.push(q);
          matched[q]! += w * quality;
          plain[q]! += w;
        }
      }
      for (const [t, quality] of terms) {
        if (this.df[t]! <= rareDf) continue;
        const w = this.idf[t]!;
        for (const q of touched) {
          if (this.has(this.questions[q]!, t)) {
            matched[q]! += w * quality;
            plain[q]! += w;
          }
        }
      }
      for (const q of touched) {
        consider(q, matched[q]!, plain[q]!);
        matched[q] = 0;
        plain[q] = 0;
      }
    } else if (walked !== undefined) {
      // Only common words: walk the rarest one's questions, shortest (lightest) first, and stop once no
      // longer question can beat the best few found: F-beta <= (1+b^2) min(K, w) / (b^2 T + w) for weight w.
      let known = 0;
      for (const [t] of terms) known += this.idf[t]!;
      const keep = this.t.maxSuggestions + 5;
      let bar = 0;
      let seen = 0;
      for (const q of this.postings[walked[0]]!) {
        const question = this.questions[q]!;
        const w = question.weight;
        if (((1 + beta2) * Math.min(known, w)) / (beta2 * lightest + w) < bar) break;
        let m = 0;
        let p = 0;
        for (const [t, quality] of terms) {
          if (this.has(question, t)) {
            m += this.idf[t]! * quality;
            p += this.idf[t]!;
          }
        }
        consider(q, m, p);
        // Past this many, the lightest questions have spoken: thousands of look-alikes are a tie anyway.
        if (++seen >= this.t.maxWalk) break;
        if (seen % 64 === 0 && entries.length >= keep) {
          bar = entries.map((e) => bestF[e]!).sort((a, b) => b - a)[keep - 1]!;
        }
      }
    }

    const out: Scored[] = [];
    const otherSides = this.otherSides(query);
    for (const e of entries) {
      const q = bestQ[e]!;
      bestQ[e] = -1;
      const { f, recall } = this.adjusted(q, bestPrecision[e]!, bestRecall[e]!, query, otherSides, base(e), this.idf, this.questions[q]!.weight);
      out.push({ entry: e, q, score: f, recall, evidence: 0, rank: f, across: f });
    }
    out.sort((a, b) => b.score - a.score || a.entry - b.entry);
    return out;
  }

  /**
   * An entry re-scored in its article's frame (see articleWeights): by its best question among all it has (score()
   * walks only those the query's rare words reach), adjusted, noting its second best for evidence().
   */
  private framed(c: Scored, query: ReadonlyMap<number, number>, otherSides: readonly number[], base: number, frame: Frame): Scored {
    let best = -1;
    let bestF = 0;
    let second = 0;
    let precision = 0;
    let recall = 0;
    for (let q = this.firstQuestion[c.entry]!; q < this.firstQuestion[c.entry + 1]!; q++) {
      const question = this.questions[q]!;
      let m = 0;
      let p = 0;
      for (const [t, quality] of query) {
        if (!this.has(question, t)) continue;
        m += frame.idf[t]! * quality;
        p += frame.idf[t]!;
      }
      if (p === 0) continue;
      const r = m / base;
      const pr = p / this.frameWeight[q]!;
      const f = this.fBeta(pr, r);
      if (best === -1 || f > bestF) {
        if (best !== -1) second = Math.max(second, bestF);
        [best, bestF, precision, recall] = [q, f, pr, r];
      } else second = Math.max(second, f);
    }
    if (best === -1) return c;
    this.secondF[c.entry] = second;
    const adjusted = this.adjusted(best, precision, recall, query, otherSides, base, frame.idf, this.frameWeight[best]!);
    return { ...c, q: best, score: adjusted.f, recall: adjusted.recall, rank: adjusted.f };
  }

  /** How well a question fits: the F-beta of its precision and recall (beta weighs recall, TUNING.beta). */
  private fBeta(precision: number, recall: number): number {
    const beta2 = this.t.beta * this.t.beta;
    return recall > 0 ? ((1 + beta2) * precision * recall) / (beta2 * precision + recall) : 0;
  }

  /** The other side of each contrast whose one side a query names ("back" when it asks about the front office). */
  private otherSides(query: ReadonlyMap<number, number>): number[] {
    const other: number[] = [];
    for (const { a, b } of this.contrasts) if (query.has(a) !== query.has(b)) other.push(query.has(a) ? b : a);
    return other;
  }

  /**
   * An entry's F-beta from its best question `q`'s precision and recall, under word weights `idf`: less what the
   * two disagree on (see disagreement), plus credit for query words the entry's other questions or its answer use.
   */
  private adjusted(q: number, precision: number, recall: number, query: ReadonlyMap<number, number>, otherSides: readonly number[], base: number, idf: ArrayLike<number>, weight: number): { f: number; recall: number } {
    const question = this.questions[q]!;
    const e = question.entry;
    let f = this.fBeta(precision, recall);
    const { extra, missed } = this.disagreement(question, query, otherSides, idf);
    if (extra > 0 || missed > 0) {
      precision = (precision * weight) / (weight + extra);
      recall = (recall * base) / (base + missed);
      f = this.fBeta(precision, recall);
    }
    // Query words the best question lacks count for a little when another question of the entry, or its
    // answer, uses them. (Not small talk's words for an article's entry when they are most of the question: an
    // astrologer's answer that speaks of "questions" does not answer "what questions does this bot answer?", and
    // its coverage had passed 1. In a question of the article's own, such a word, "help" or "morning", still counts.)
    if (this.t.answerQuality > 0 || this.t.entryQuality > 0) {
      let credit = 0;
      let courtesyCredit = 0;
      let all = 0;
      let courtesy = 0;
      for (const [t, quality] of query) {
        const weight = idf[t]! * quality;
        all += weight;
        const isCourtesy = this.courtesy.has(t);
        if (isCourtesy) courtesy += weight;
        if (this.has(question, t) || this.contrastTerms.has(t)) continue;
        const share = Math.max(this.entryTerms[e]!.has(t) ? this.t.entryQuality : 0, this.answerTerms[e]!.has(t) ? this.t.answerQuality : 0);
        if (isCourtesy) courtesyCredit += weight * share;
        else credit += weight * share;
      }
      if (this.smalltalk[e] || courtesy <= all / 2) credit += courtesyCredit;
      if (credit > 0) {
        recall += credit / base;
        f = this.fBeta(precision, recall);
      }
    }
    return { f, recall };
  }

  /**
   * Stage "rank", last step: when the best entry is an article's (not small talk), its article's entries are
   * re-scored in its frame when several articles are loaded (see framed()), and its best few are ordered by their
   * evidence too (see evidence()), not by one question alone, and in a sparse article by their letters (see
   * Surface). They move only among the places they held, so an entry of another article keeps its place, though
   * an entry of this one may now sit above it with a lower score. (Evidence is counted only for these few: it is
   * the costly part.)
   */
  private byEvidence(candidates: Scored[], { query, clean, forms, lacking }: Understanding, weights: Weights, asAlone: boolean): Scored[] {
    const first = candidates[0];
    if (first === undefined || this.model(first.entry) === undefined) return candidates;
    const article = this.articleOf[first.entry]!;
    const frame = this.frames[article];
    if (frame !== undefined) {
      const sparseFrame = this.models[article]!.name === "sparse";
      let base = (sparseFrame ? weights.unknownSparse : weights.unknown) * frame.unknownRatio;
      // A word only other articles use weighs in the frame what it would as a word the article lacks if it were
      // loaded alone (`asAlone`): less in a sentence that only tells, nothing where it would be ignored ("bhai which 1
      // is better, fo or bo" beside an article that writes "1").
      for (const [t] of query) {
        if (this.courtesy.has(t)) continue;
        base += frame.idf[t]! * (asAlone && frame.lacks[t] === 1 ? lacking.get(t)![sparseFrame ? 1 : 0] : 1);
      }
      if (!(base > 0)) base = weights.content;
      const otherSides = this.otherSides(query);
      candidates = candidates.map((c) => (this.articleOf[c.entry] === article ? this.framed(c, query, otherSides, base, frame) : c));
    }
    const slots: number[] = [];
    for (let i = 0; i < candidates.length && slots.length < this.t.evidenceRerank; i++) if (this.articleOf[candidates[i]!.entry] === article) slots.push(i);
    // (In an article of few phrasings an entry, the letters weigh in too, see Surface: where words tie, the entry
    // whose questions the question looks like. A dense article's phrasings already hold its readers' wording.)
    const sparse = this.model(first.entry)!.name === "sparse";
    const lettersWeight = sparse ? this.t.lettersWeight : 0;
    const looks = lettersWeight > 0 ? this.surfaces[article]!.resemblance(clean, slots.map((i) => candidates[i]!.entry)) : [];
    const kindWeight = sparse ? this.t.kindWeight : 0;
    const asked = kindWeight > 0 ? this.kindsAsked(forms) : undefined;
    const mine = slots
      .map((i, k) => {
        const c = candidates[i]!;
        const evidence = this.evidence(c.entry, query, this.secondF[c.entry]!);
        return { ...c, evidence, rank: c.score + this.t.evidenceWeight * evidence + lettersWeight * (looks[k] ?? 0) + (asked === undefined ? 0 : kindWeight * this.kindFit(c.entry, asked)) };
      })
      .sort((a, b) => b.rank - a.rank || a.entry - b.entry);
    slots.forEach((slot, k) => (candidates[slot] = mine[k]!));
    return candidates;
  }

  /**
   * Weight a question and a query disagree on beyond their words: `extra` counts against the question
   * (precision), `missed` against the query's coverage (recall).
   */
  private disagreement(question: IndexedQuestion, query: ReadonlyMap<number, number>, otherSides: readonly number[], idf: ArrayLike<number>): { extra: number; missed: number } {
    let extra = 0;
    let missed = 0;
    // A query naming one side of a contrast asks about that side: a question that also names the other side
    // (a comparison) fits it less well than its plain word weights say.
    for (const t of otherSides) if (this.has(question, t)) extra += idf[t]! * this.t.otherSidePenalty;
    // A question about a particular place (a bank, a hospital), or a comparison, fits a query without it less well.
    for (const t of this.fixed.narrowing) if (!query.has(t) && this.has(question, t)) extra += idf[t]! * this.t.narrowingPenalty;
    // "Staff who never meet customers" asks the opposite of "staff who meet customers": a question that drops
    // the query's negation, or adds one, fits it less than one word's weight says.
    const { negation, negating } = this.fixed;
    if (negation !== undefined && this.has(question, negation) !== query.has(negation)) {
      if (!query.has(negation)) extra += idf[negation]! * this.t.negationExtra;
      // "Without meeting customers" keeps the negation that "never meet customers" has.
      else if (!negating.some((t) => this.has(question, t))) missed += idf[negation]! * this.t.negationPenalty;
    }
    return { extra, missed };
  }

  /**
   * Entries a question rules out: those about only the other side of a contrast it names one side of (by name or
   * by description), and, when it names some articles' subjects, every other article's entries ("a nurse's pay"
   * never gets a data entry operator's pay).
   */
  private vetoed(query: Map<number, number>, spellings: ReadonlyMap<number, readonly WordForm[]>, implied: string | undefined): (entry: number) => boolean {
    const named = new Set<number>();
    const namedTerms: number[] = [];
    // Whether each article spells each named word as the question does: asked once, however many entries it has.
    const articles = this.corpus.articles.length;
    const spelt = new Map<number, boolean>();
    const spells = (t: number, a: number) => {
      let same = spelt.get(t * articles + a);
      if (same === undefined) spelt.set(t * articles + a, (same = this.spelledByArticle(spellings.get(t), t, a, true) !== false));
      return same;
    };
    if (articles > 1) {
      for (const t of query.keys()) {
        const a = this.subjectOf[t]!;
        if (!(a >= 0)) continue; // (answer-only terms have no entry: undefined)
        // ("ईएसआई", ESI, names no AC technician's article for sharing the key of its "एसी".)
        if (this.spelledByArticle(spellings.get(t), t, a, false) === false) continue;
        named.add(a);
        namedTerms.push(t);
      }
    }
    // ...unless the entry's questions name that subject too (the front/back office article's bank entries answer
    // "बैंक में कैशियर का काम", though banks are another article's subject), with the question's word as its
    // article spells it, not another word of the same key ("back" and "बाइक" are both "bk": a mechanic's pay is no
    // back office pay).
    const outside = (entry: number) =>
      named.size > 0 &&
      this.articleOf[entry]! >= 0 &&
      !named.has(this.articleOf[entry]!) &&
      !namedTerms.some((t) => this.entryTerms[entry]!.has(t) && spells(t, this.articleOf[entry]!));
    const sides: Uint8Array[] = [];
    for (const { a, b, names, only } of this.contrasts) {
      let hasA = query.has(a);
      let hasB = query.has(b);
      if (!hasA && !hasB) {
        hasA = implied === names[0];
        hasB = implied === names[1];
      }
      if (hasA !== hasB) sides.push(only[hasA ? 1 : 0]!);
    }
    return (entry) => outside(entry) || sides.some((flags) => flags[entry] === 1);
  }

  /**
   * Whether an article's questions spell a subject word as the question does, in the question word's script: a
   * Latin word within a few letters, a Devanagari one within one letter once endings and nasal signs are set aside
   * ("बैंकों" is "बैंक", but "बैक" is not "बाइक", though both romanise to "baik"). Undefined when that cannot
   * be told: a concept (its words differ by design), a word found by correction only, or a Devanagari word that
   * the article writes in Latin letters only (Hindi questions write "ATM" so too). A Latin word that the article
   * writes in Devanagari only is not its word when `strict`: its English and Hinglish questions would have it
   * (the mechanic's article writes "bike", a word of another key, and only "बाइक" has the key of "back").
   */
  private spelledByArticle(words: readonly WordForm[] | undefined, t: number, article: number, strict: boolean): boolean | undefined {
    const theirs = this.subjectSpellings[article]!.get(t);
    if (words === undefined || theirs === undefined || this.termNames[t]!.startsWith("#")) return undefined;
    let told = false;
    for (const f of words) {
      const devanagari = hasDevanagari(f.surface);
      const inScript = devanagari ? theirs.devanagari : theirs.latin;
      if (inScript.length > 0 || (strict && !devanagari)) told = true;
      const mine = scriptSpelling(f);
      if (inScript.some((s) => (devanagari ? editDistance(mine, s) <= 1 : spelledAlike(mine, s)))) return true;
    }
    return told ? false : undefined;
  }

  /**
   * The word a contrast's two sides name together, when one stands out: "office" in "front office" and "back office".
   * The term the most questions share with each side (the fewer of the two counts), if it is with most of either's.
   */
  private contrastHead(a: number, b: number): number | undefined {
    const withA = new Map<number, number>();
    const withB = new Map<number, number>();
    let nA = 0;
    let nB = 0;
    for (const q of this.questions) {
      const hasA = this.has(q, a);
      const hasB = this.has(q, b);
      if (hasA) nA += 1;
      if (hasB) nB += 1;
      if (!hasA && !hasB) continue;
      for (let k = q.start; k < q.end; k++) {
        const t = this.termData[k]!;
        if (t === a || t === b) continue;
        if (hasA) withA.set(t, (withA.get(t) ?? 0) + 1);
        if (hasB) withB.set(t, (withB.get(t) ?? 0) + 1);
      }
    }
    let head: number | undefined;
    let best = 0;
    for (const [t, n] of withA) {
      const shared = Math.min(n / nA, (withB.get(t) ?? 0) / nB);
      if (shared > best) [head, best] = [t, shared];
    }
    return best >= this.t.contrastHeadShare ? head : undefined;
  }

  /** The entry whose listed role the question names, when it names both sides of a contrast ("front or back?"). */
  private roleEntry({ forms, query, unknownAsked }: Understanding): { entry: number; phrase: readonly string[] } | undefined {
    if (this.roles.length === 0) return undefined;
    // "Is an accountant front or back office?" names both sides; "accountant ka kaam back office hota h kya?" one,
    // and then asks nothing else: besides the role and the side, only words that classify (what, which, job...).
    // "Accountant kis office me aata hai?" names neither, but asks which of them: which, and the word the two sides
    // name together (see contrastHead).
    if (this.contrasts.length === 0) return undefined;
    const words = forms.filter((f) => !f.stop);
    // ("Which" right before the head word, as "kis office" is written; not "which office doesn't need one?": a
    // negation asks the other way round.)
    const { negation } = this.fixed;
    const whichBefore = (head: number) => words.some((f, i) => f.concept === "#WHICH" && words[i + 1] !== undefined && this.termIds.get(termName(words[i + 1]!)) === head);
    const asksWhich = ({ a, b, head }: (typeof this.contrasts)[number]) =>
      !query.has(a) && !query.has(b) && head !== undefined && (negation === undefined || !query.has(negation)) && whichBefore(head);
    if (this.contrasts.some((c) => !query.has(c.a) && !query.has(c.b) && !asksWhich(c))) return undefined;
    const both = this.contrasts.every(({ a, b }) => query.has(a) && query.has(b));
    // Short keys collide ("hr" and "hearing"): a word of a role must then be spelt as the role is.
    const same = (f: WordForm, r: WordForm) => termName(f) === termName(r) && (f.concept !== undefined || f.key.length >= 4 || f.spelling === r.spelling);
    for (const { entry, phrases } of this.roles) {
      for (const phrase of phrases) {
        for (let i = 0; i + phrase.length <= words.length; i++) {
          if (!phrase.every((r, k) => same(words[i + k]!, r))) continue;
          const names = phrase.map(termName);
          if (both || this.onlyClassifies(query, unknownAsked, names)) return { entry, phrase: names };
        }
      }
    }
    return undefined;
  }

  /** Whether a question naming a role and one side asks nothing else: at most TUNING.roleLeftover other words ("right?", "operator"). */
  private onlyClassifies(query: ReadonlyMap<number, number>, unknownAsked: ReadonlySet<string>, role: readonly string[]): boolean {
    // (The role's own words may be unknown to the corpus: the article names them only as roles.)
    let rest = [...unknownAsked].filter((key) => !role.includes(key)).length;
    for (const [t] of query) if (!this.sides.has(t) && !this.contrastHeads.has(t) && !role.includes(this.termNames[t]!) && !this.classifying.has(t)) rest += 1;
    return rest <= this.t.roleLeftover;
  }

  /**
   * Whether the entry's article has an entry about a procedure (one in TUNING.procedureShare of its questions asks
   * how to do something): its author answers "how do I…" in its field, so "how to become a team leader" is the
   * growth entry's to answer. (An article with none, like one that explains two kinds of office, never says how to
   * get anything done.) Counted once, on the first question that needs it.
   */
  private explainsProcedures(entry: number): boolean {
    const article = this.articleOf[entry]!;
    if (article < 0) return false;
    if (this.explaining === undefined) {
      const how = this.termIds.get(HOWTO);
      const asks = new Uint32Array(this.corpus.entries.length);
      const all = new Uint32Array(this.corpus.entries.length);
      for (const q of this.questions) {
        all[q.entry]! += 1;
        if (how !== undefined && this.has(q, how)) asks[q.entry]! += 1;
      }
      this.explaining = new Uint8Array(this.corpus.articles.length);
      all.forEach((n, e) => {
        if (n > 0 && asks[e]! * this.t.procedureShare >= n && this.articleOf[e]! >= 0) this.explaining![this.articleOf[e]!] = 1;
      });
    }
    return this.explaining[article] === 1;
  }

  /** Whether an entry's questions ask about every one of these subjects (a procedure: its best question `q`). */
  private covers(entry: number, subjects: Iterable<string>, q: number): boolean {
    for (const name of subjects) {
      const t = this.termIds.get(name);
      if (t === undefined || !(name === HOWTO ? this.has(this.questions[q]!, t) : this.entryTerms[entry]!.has(t))) return false;
    }
    return true;
  }

  private hasTerm(query: Map<number, number>, name: string): boolean {
    const t = this.termIds.get(name);
    return t !== undefined && query.has(t);
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

  /** The corpus questions (titles among them, see askedWays) closest to a partial one: autocomplete, inline search. */
  complete(text: string, limit: number): { id: string; question: string; score: number }[] {
    const result = this.match(text);
    if (result.words.every((w) => w.as === "stop")) return [];
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

/** What the "understand" stage makes of a question's words (see Matcher.understandQuery). */
interface Understanding {
  readonly clean: string;
  readonly lang: QuestionLang;
  readonly forms: readonly WordForm[];
  /** Each word and how it counted, for `--explain`. */
  readonly explained: ExplainedWord[];
  /** Term -> quality (1 exact or concept, less for a split or corrected word). */
  readonly query: Map<number, number>;
  /** Term -> the question's words it was found by as they are spelt (none for a corrected word). */
  readonly spellings: ReadonlyMap<number, readonly WordForm[]>;
  /** Words the corpus lacks: key -> length of the word as typed. */
  readonly unknown: ReadonlyMap<string, number>;
  /** Keys of unknown English -ing/-ed/-ly words. */
  readonly unknownForms: ReadonlySet<string>;
  /** Keys of unknown words found in a sentence that asks (others are asides). */
  readonly unknownAsked: ReadonlySet<string>;
  /** Unknown words' keys -> the share of their weight that counts against a sparse article (see Matcher.scopedWeight). */
  readonly unknownScoped: ReadonlyMap<string, number>;
  /** Required concepts (subjects: pay, a procedure...) the question asks about. */
  readonly required: ReadonlySet<string>;
  /** Other walks of life it asks about (see career.ts FIELDS). */
  readonly fields: readonly string[];
  /** Career names it uses that no corpus question or answer does (see Matcher.otherCareers). */
  readonly careers: readonly string[];
  /** Terms found other than right after one of them (there a term is part of that career's name: "dialysis technician"). */
  readonly free: ReadonlySet<number>;
  /**
   * Term -> the share of an unknown word's weight it weighs to an article that lacks it, against a dense and a sparse
   * article (see byEvidence); empty with one article.
   */
  readonly lacking: ReadonlyMap<number, readonly [number, number]>;
  /** Set when it is matched as a follow-up: the title of the article the conversation is about (see Matcher.match). */
  readonly followUp?: string;
}

/**
 * Whether an article loaded alone ignores a word it does not use (see Matcher.understand): a question word, an amount
 * or a rank, a Latin word of one or two letters, a Hindi function word typed short.
 */
function ignoredAlone(form: WordForm): boolean {
  if (form.concept !== undefined) return asksOnly(form.concept);
  return AMOUNT.test(form.latin) || RANK.test(form.surface) || shortLatin(form) || looksLikeStop(form.surface);
}

/** A phrasing as its letters alone: lower case, no punctuation, single spaces (see Matcher.asWritten). */
function writtenKey(text: string): string {
  return text.toLowerCase().normalize("NFC").replace(/[^\p{L}\p{M}\p{N}]+/gu, " ").trim();
}

/** An amount or count ("500", "5000 me", "2lakh"), and a class or rank ("12th", "12वीं"): context about the asker. */
const AMOUNT = /^\d+(?:k|rs|lakhs?|lacs?|crores?|cr)?$/;
const RANK = /^\d+(?:st|nd|rd|th|वीं|वी|वां|वाँ)$/;

/** An English verb form or adverb ("hunting", "nodded", "honestly"): more often context than the subject. */
const ENGLISH_FORM = /^[a-z]{4,}(?:ing|ed|ly)$/;

/** A word the corpus lacks weighs half (see weigh) at this many letters or fewer (a typo, chat noise)... */
const LIGHT_LENGTH = 2;

/** ...or as an English form. */
function lightUnknown(form: WordForm): boolean {
  return [...form.surface].length <= LIGHT_LENGTH || ENGLISH_FORM.test(form.surface);
}

/** A Latin word of one or two letters: chat noise more often than content ("ca" from "can't", "rs"). */
function shortLatin(form: WordForm): boolean {
  return !/[\u0900-\u097f]/.test(form.surface) && form.surface.length <= 2;
}

/** A question word, or asking what a word means: how a question asks, about no topic. */
function asksOnly(concept: string): boolean {
  return INTENTS.includes(concept) || concept === MEANING;
}

/** What the query weighs (see Matcher.weigh). */
interface Weights {
  readonly total: number;
  readonly content: number;
  readonly contents: readonly number[];
  /** What the words the corpus lacks weigh, in all. */
  readonly unknown: number;
  /** ...against a sparse article's entries (see Matcher.scopedWeight). */
  readonly unknownSparse: number;
}

/** An article's own word weights (see Matcher.articleWeights). */
interface Frame {
  readonly idf: Float64Array;
  /** 1 for a term only other articles use: in the frame it weighs what an unknown word does. */
  readonly lacks: Uint8Array;
  /** An unknown word's weight in the frame, relative to the corpus's. */
  readonly unknownRatio: number;
}

/** A scored entry: its best question `q`, score (F-beta) and recall (coverage). */
interface Scored {
  readonly entry: number;
  readonly q: number;
  readonly score: number;
  readonly recall: number;
  /** Evidence beyond the best question, for the best few entries of the best entry's article (see Matcher.evidence), else 0... */
  readonly evidence: number;
  /** ...and what entries are ranked by: the score plus a share of that evidence. */
  readonly rank: number;
  /**
   * The score by the corpus's weights, which judge between articles: `score` is by the article's own frame for
   * the best entry's article, when several are loaded (see Matcher.articleWeights).
   */
  readonly across: number;
}

/** What the "rank" stage hands on (see Matcher.rank). */
interface Ranking {
  /** The best few entries that may answer, best first. */
  readonly ranked: readonly Scored[];
  /** ...as candidates, for the result. */
  readonly out: readonly Candidate[];
  /** Entries the question rules out (another side of a contrast, another article's subject). */
  readonly vetoed: (entry: number) => boolean;
  /** The best entry's rivals: the next entries of its article, best first, from all candidates (see calibration). */
  readonly rivals: readonly Scored[];
  /** An article's candidates among all, re-ranked by its own frame as the best article's are, best first (see Matcher.sureAlone). */
  readonly alone: (article: number) => Scored[];
}

/** One number for an ordered pair of term ids (fewer than 2^21 terms). */
function pairCode(a: number, b: number): number {
  return a * 2 ** 21 + b;
}

// A negation describes a side only close to the verb it negates: "never meet customers", "milte nahi"; not
// "I'm not sure who meets customers". Words before the verb, and after it.
const NEGATION_BEFORE = 3;
const NEGATION_AFTER = 2;

/** The side a question names by what it says, not by name ("staff who never meet customers"), if any. */
function impliedSide(
  described: readonly { readonly terms: readonly string[]; readonly negated: boolean; readonly side: string }[],
  forms: readonly WordForm[],
  has: (name: string) => boolean,
): string | undefined {
  for (const { terms, negated, side } of described) {
    if (!terms.every(has)) continue;
    const near = forms.some(
      (f, i) =>
        termName(f) === terms[0] &&
        forms.slice(Math.max(0, i - NEGATION_BEFORE), i + 1 + NEGATION_AFTER).some((g) => g.concept !== undefined && NEGATING.includes(g.concept)),
    );
    if (near === negated) return side;
  }
  return undefined;
}

/**
 * How typical each term is of one entry: the largest share of its questions (its title among them) in one language
 * that use it. A word in every Hindi phrasing of an entry is its signature, whatever its English phrasings say.
 */
export function typicalTerms(questions: readonly { readonly lang: string; readonly terms: Iterable<number> }[]): Map<number, number> {
  const counts = new Map<string, Map<number, number>>();
  const sizes = new Map<string, number>();
  for (const { lang, terms } of questions) {
    const distinct = new Set(terms);
    if (distinct.size === 0) continue;
    sizes.set(lang, (sizes.get(lang) ?? 0) + 1);
    const count = counts.get(lang) ?? new Map<number, number>();
    counts.set(lang, count);
    for (const t of distinct) count.set(t, (count.get(t) ?? 0) + 1);
  }
  const typical = new Map<number, number>();
  for (const [lang, count] of counts) for (const [t, c] of count) typical.set(t, Math.max(typical.get(t) ?? 0, c / sizes.get(lang)!));
  return typical;
}

/** Concepts that only ask what kind of job something is: "is data entry a back office job?", "which one?" (not where or how). */
const CLASSIFYING: readonly string[] = ["#WHAT", "#WHICH", "#JOB", "#WORK", "#STAFF", "#NOT", "#COMPANY"];

/**
 * The ways an entry is asked for in one language: its questions and, for an article's entry, its title, the author's
 * own name for what it answers (over 120 test articles alone, 93 more right answers, 7 fewer near misses declined
 * and 2 fewer wrong answers; see the README, batches 38 to 41). An entry without a title is named by its first
 * question, already among them; only an exact copy of a question is left out. Hinglish has no title of its own.
 * The article's density (questions per entry) counts the author's questions only.
 */
function askedWays(entry: Entry, lang: QuestionLang): readonly string[] {
  const title = askedTitle(entry, lang);
  return title === undefined ? entry.questions[lang] : [...entry.questions[lang], title];
}

/** An entry's title in a language when it is matched as one more of its questions (see askedWays), else undefined. */
export function askedTitle(entry: Entry, lang: QuestionLang): string | undefined {
  if (entry.smalltalk || lang === "hi-Latn" || entry.questions[lang].includes(entry.title[lang])) return undefined;
  return entry.title[lang];
}

/** What the test articles taught the matcher about careers at large (see kinds.ts, careers.ts). */
export interface Learned {
  /** How questions of each kind (pay, training...) are worded. */
  readonly kinds: KindModel;
  /** Career names. */
  readonly careers: readonly string[];
  /** How near misses are worded against covered questions: kinds "in scope" and "near miss" (SCOPE_NEAR_MISS). */
  readonly scope: KindModel;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** An article's spellings of one word, split by script once, for spelledByArticle to compare within a script. */
interface ScriptSpellings {
  readonly latin: readonly string[];
  readonly devanagari: readonly string[];
}

/** A word's spelling to compare within its script (see Matcher.spelledByArticle). */
function scriptSpelling(f: WordForm): string {
  return hasDevanagari(f.surface) ? devanagariSkeleton(f.surface) : f.spelling;
}

/** A Devanagari word without its ending, nasal signs, virama and nukta: "बैंकों" and "बैंक" are both "बैक". */
function devanagariSkeleton(word: string): string {
  return stemHindi(word).replace(/[\u0901\u0902\u093c\u094d]/g, "");
}
