// What kind of thing a question asks and an article's entry answers (pay, qualifications, growth...), learned across career articles.
import type { WordForm } from "./analyze.js";
import { KIND_COUNTS, SCOPE_COUNTS } from "./kinds-data.js";

/**
 * How often each word (a concept, or a phonetic key: both scripts alike) occurs in questions of each kind: what
 * bin/kinds.ts counts over the test articles' questions, labelled by their entries' kinds, and writes to
 * kinds-data.ts. `words` holds one line a word: the word, then `kind:count` pairs, tab-separated.
 */
export interface KindCounts {
  readonly kinds: readonly string[];
  /** Questions of each kind. */
  readonly questions: readonly number[];
  readonly words: string;
}

/** A question's words as the kind model reads them: each word's concept, else its phonetic key; each once. */
export function kindWords(forms: readonly WordForm[]): string[] {
  return [...new Set(forms.map((f) => f.concept ?? f.key).filter((w) => w !== ""))];
}

/** A word's share of each kind's word occurrences gets this much more than it was seen (additive smoothing). */
const SMOOTHING = 0.5;

/**
 * Naive Bayes over the words a question has (each once; a word it lacks says nothing): the chance that it is of
 * each kind. It knows how any career's questions
 * about pay, training or growth are worded ("kitna kama lete", "how much do they make"), which a sparse article's
 * six phrasings an entry may not spell out; what it knows is counts, so it is built the same way from any counts.
 */
export class KindModel {
  private readonly prior: Float64Array;
  private readonly logShare = new Map<string, Float64Array>();

  constructor(readonly counts: KindCounts) {
    const k = counts.kinds.length;
    const rows = counts.words.split("\n").filter((l) => l !== "");
    const totals = new Float64Array(k);
    const parsed = rows.map((line) => {
      const [word, ...pairs] = line.split("\t");
      const row = new Float64Array(k);
      for (const pair of pairs) {
        const [kind, n] = pair.split(":").map(Number);
        row[kind!] = n!;
        totals[kind!]! += n!;
      }
      return [word!, row] as const;
    });
    const vocabulary = Math.max(1, parsed.length);
    for (const [word, row] of parsed) this.logShare.set(word, row.map((n, i) => Math.log((n + SMOOTHING) / (totals[i]! + SMOOTHING * vocabulary))));
    const all = counts.questions.reduce((x, y) => x + y, 0);
    this.prior = Float64Array.from(counts.questions, (n) => Math.log((n + 1) / (all + k)));
  }

  /** How many kinds it tells apart. */
  get size(): number {
    return this.prior.length;
  }

  /** How much more one kind's questions use a word than another's, as log odds; undefined for a word it never saw. */
  wordOdds(word: string, kind: number, against: number): number | undefined {
    const share = this.logShare.get(word);
    return share === undefined ? undefined : share[kind]! - share[against]!;
  }

  /** The chance of each kind for a question of these words (kindWords); words it never saw say nothing. */
  posterior(words: readonly string[]): Float64Array {
    const score = Float64Array.from(this.prior);
    for (const w of words) {
      const share = this.logShare.get(w);
      if (share) for (let i = 0; i < score.length; i++) score[i]! += share[i]!;
    }
    const top = Math.max(...score);
    let sum = 0;
    for (let i = 0; i < score.length; i++) sum += score[i] = Math.exp(score[i]! - top);
    return score.map((x) => x / sum);
  }
}

/** Counts words by kind over labelled questions, keeping words seen in at least `minQuestions` of them. */
export function countKinds(kinds: readonly string[], questions: readonly { kind: number; words: readonly string[] }[], minQuestions = 2): KindCounts {
  const byWord = new Map<string, number[]>();
  const perKind = kinds.map(() => 0);
  for (const { kind, words } of questions) {
    perKind[kind]! += 1;
    for (const w of new Set(words)) {
      let row = byWord.get(w);
      if (!row) byWord.set(w, (row = kinds.map(() => 0)));
      row[kind]! += 1;
    }
  }
  const lines = [...byWord]
    .filter(([, row]) => row.reduce((x, y) => x + y, 0) >= minQuestions)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([w, row]) => [w, ...row.flatMap((n, i) => (n > 0 ? [`${i}:${n}`] : []))].join("\t"));
  return { kinds, questions: perKind, words: lines.join("\n") };
}

let shipped: KindModel | undefined;
let shippedScopeModel: KindModel | undefined;

/** The kind model of kinds-data.ts, built once. */
export function shippedKinds(): KindModel {
  return (shipped ??= new KindModel(KIND_COUNTS));
}

/** The scope model's two kinds: questions an article covers, and near misses (written by bin/kinds.ts). */
export const SCOPE_KINDS: readonly string[] = Object.freeze(["in scope", "near miss"]);
export const SCOPE_NEAR_MISS = 1;

/**
 * The scope model of kinds-data.ts, built once: the same naive Bayes over the test articles' eval questions,
 * labelled covered or not (a near miss: another career's question, a customer's, chat).
 */
export function shippedScope(): KindModel {
  return (shippedScopeModel ??= new KindModel(SCOPE_COUNTS));
}
