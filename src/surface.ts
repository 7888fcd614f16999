// How a question looks like an article's entries by its letters alone: a second view the calibrated guard weighs.
import { tokenize } from "./normalize.js";

/**
 * The character trigrams of a text's words, each word padded with a space at both ends ("fee" -> " fe", "fee",
 * "ee "), with their counts. Trigrams see what words miss: a typo, a suffix, a word the corpus spells another way.
 */
export function trigrams(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const word of tokenize(text)) {
    const padded = ` ${word} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      const gram = padded.slice(i, i + 3);
      out.set(gram, (out.get(gram) ?? 0) + 1);
    }
  }
  return out;
}

/** A unit-length vector of trigrams: their ids and weights. */
interface Vector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
}

/**
 * One article's entries as unit-length TF-IDF vectors of the trigrams of all their questions (titles among them,
 * see askedWays in match.ts), with IDF from the article's own questions: what another article adds changes nothing
 * here. It knows nothing of words, concepts or languages, so where it disagrees with the word pipeline that
 * disagreement is evidence (see the README, batch 34).
 */
export class Surface {
  /** Trigram -> its id and IDF. */
  private readonly grams = new Map<string, { readonly id: number; readonly idf: number }>();
  /** The IDF of a trigram no question uses: it still lengthens the query, so a question of unseen words resembles less. */
  private readonly unseen: number;
  /** Per entry, as the caller numbers entries: the vector of its questions together. */
  private readonly entries = new Map<number, Vector>();
  /** Scratch: the query's weight per trigram id, zero elsewhere. */
  private readonly spread: Float64Array;
  /** The last text asked about and its vector: ranking and the calibrated guard ask about one question in turn. */
  private last?: { readonly text: string; readonly vector: Vector };

  constructor(questions: readonly { readonly entry: number; readonly text: string }[]) {
    // One pass: each question's trigrams count once towards their document frequency and add into its entry's sum.
    // (An entry's questions as one text: measured against each question's own vector, it separated right answers
    // from wrong ones as well or better, for a fraction of the work.)
    const df = new Map<string, number>();
    const together = new Map<number, Map<string, number>>();
    for (const q of questions) {
      const sum = together.get(q.entry) ?? new Map<string, number>();
      for (const [gram, n] of trigrams(q.text)) {
        df.set(gram, (df.get(gram) ?? 0) + 1);
        sum.set(gram, (sum.get(gram) ?? 0) + n);
      }
      together.set(q.entry, sum);
    }
    for (const [gram, n] of df) this.grams.set(gram, { id: this.grams.size, idf: Math.log((questions.length + 1) / (n + 1)) });
    this.unseen = Math.log(questions.length + 1);
    this.spread = new Float64Array(this.grams.size);
    for (const [entry, sum] of together) this.entries.set(entry, this.vector(sum));
  }

  /** For each entry given, the cosine of the text with its questions' (0 for an entry with none). */
  resemblance(text: string, entries: readonly number[]): number[] {
    if (this.last?.text !== text) this.last = { text, vector: this.vector(trigrams(text)) };
    const query = this.last.vector;
    // The query spread over a dense array: each entry's dot product is one read per trigram of its own.
    query.ids.forEach((id, i) => (this.spread[id] = query.weights[i]!));
    const out = entries.map((e) => {
      const v = this.entries.get(e);
      let sum = 0;
      if (v) for (let i = 0; i < v.ids.length; i++) sum += this.spread[v.ids[i]!]! * v.weights[i]!;
      return sum;
    });
    for (const id of query.ids) this.spread[id] = 0;
    return out;
  }

  /**
   * Trigram counts weighted by log-scaled count times IDF and scaled to unit length; trigrams no question uses
   * count towards the length only.
   */
  private vector(counts: ReadonlyMap<string, number>): Vector {
    const ids: number[] = [];
    const weights: number[] = [];
    let norm = 0;
    for (const [gram, n] of counts) {
      const g = this.grams.get(gram);
      const weight = (1 + Math.log(n)) * (g?.idf ?? this.unseen);
      norm += weight * weight;
      if (g && weight > 0) {
        ids.push(g.id);
        weights.push(weight);
      }
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    return { ids: Int32Array.from(ids), weights: Float64Array.from(weights, (w) => w * scale) };
  }
}
