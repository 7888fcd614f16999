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

/**
 * One article's questions as unit-length TF-IDF vectors of trigrams, in an inverted index, with IDF from the
 * article's own questions: what another article adds changes nothing here. It knows nothing of words, concepts or
 * languages, so where it agrees with the word pipeline that agreement is evidence (measured: see README, batch 34).
 */
export class Surface {
  /** Trigram -> the questions using it and its weight in each. */
  private readonly postings = new Map<string, { readonly questions: Int32Array; readonly weights: Float32Array }>();
  private readonly idf = new Map<string, number>();
  /** The IDF of a trigram no question uses: it still lengthens the query, so a question of unseen words resembles less. */
  private readonly unseen: number;
  /** Per question: its entry, as the caller numbers entries. */
  private readonly entryOf: Int32Array;
  /** Scratch: per question, the dot product with the query. */
  private readonly dot: Float64Array;

  constructor(questions: readonly { readonly entry: number; readonly text: string }[]) {
    const grams = questions.map((q) => trigrams(q.text));
    const df = new Map<string, number>();
    for (const g of grams) for (const gram of g.keys()) df.set(gram, (df.get(gram) ?? 0) + 1);
    for (const [gram, count] of df) this.idf.set(gram, Math.log((questions.length + 1) / (count + 1)));
    this.unseen = Math.log(questions.length + 1);
    const lists = new Map<string, { questions: number[]; weights: number[] }>();
    grams.forEach((g, q) => {
      for (const [gram, weight] of this.unit(g)) {
        let list = lists.get(gram);
        if (!list) lists.set(gram, (list = { questions: [], weights: [] }));
        list.questions.push(q);
        list.weights.push(weight);
      }
    });
    for (const [gram, list] of lists) this.postings.set(gram, { questions: Int32Array.from(list.questions), weights: Float32Array.from(list.weights) });
    this.entryOf = Int32Array.from(questions, (q) => q.entry);
    this.dot = new Float64Array(questions.length);
  }

  /** Per entry with a question sharing a trigram: the cosine of the text with its most alike question. */
  resemblance(text: string): Map<number, number> {
    this.dot.fill(0);
    const touched: number[] = [];
    for (const [gram, weight] of this.unit(trigrams(text))) {
      const list = this.postings.get(gram);
      if (!list) continue;
      for (let i = 0; i < list.questions.length; i++) {
        const q = list.questions[i]!;
        if (this.dot[q] === 0) touched.push(q);
        this.dot[q]! += weight * list.weights[i]!;
      }
    }
    const out = new Map<number, number>();
    for (const q of touched) {
      const entry = this.entryOf[q]!;
      if (this.dot[q]! > (out.get(entry) ?? 0)) out.set(entry, this.dot[q]!);
    }
    return out;
  }

  /** A text's trigrams weighted by log-scaled count times IDF, scaled to unit length. */
  private unit(counts: ReadonlyMap<string, number>): Map<string, number> {
    const out = new Map<string, number>();
    let norm = 0;
    for (const [gram, count] of counts) {
      const weight = (1 + Math.log(count)) * (this.idf.get(gram) ?? this.unseen);
      if (weight <= 0) continue;
      out.set(gram, weight);
      norm += weight * weight;
    }
    if (norm > 0) for (const [gram, weight] of out) out.set(gram, weight / Math.sqrt(norm));
    return out;
  }
}
