// Generates large synthetic trilingual corpora (and queries with typos) for benchmarks and scale tests.
import { dump as stringify } from "js-yaml";
import type { CorpusFile } from "../src/corpus.js";
import type { Corpus } from "../src/types.js";

/** A small deterministic PRNG (mulberry32), so every run measures the same corpus. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN_C = ["k", "g", "ch", "j", "t", "d", "n", "p", "b", "m", "r", "l", "v", "s", "h", "sh", "kh", "bh"];
const LATIN_V = ["a", "aa", "i", "u", "e", "o", "ai"];
const DEV_C = ["क", "ग", "च", "ज", "ट", "ड", "न", "प", "ब", "म", "र", "ल", "व", "स", "ह", "श", "ख", "भ"];
const DEV_V = ["", "ा", "ि", "ु", "े", "ो", "ै"];

/** A pseudo-word in both scripts: the same syllables spelt in Latin letters and in Devanagari. */
function pseudoWord(rand: () => number): { latin: string; deva: string } {
  const syllables = 2 + Math.floor(rand() * 3);
  let latin = "";
  let deva = "";
  for (let i = 0; i < syllables; i++) {
    const c = Math.floor(rand() * LATIN_C.length);
    const v = Math.floor(rand() * LATIN_V.length);
    latin += LATIN_C[c]! + LATIN_V[v]!;
    deva += DEV_C[c]! + DEV_V[v]!;
  }
  return { latin, deva };
}

/**
 * A corpus of `size` entries modelled on a real one: each generated entry takes the questions of a template
 * entry and adds two topic words of its own (a pseudo-word vocabulary of about 2 words per entry).
 */
export function syntheticCorpusFiles(template: Corpus, size: number, seed = 7): CorpusFile[] {
  const rand = random(seed);
  const vocabulary = Array.from({ length: Math.max(50, size * 2) }, () => pseudoWord(rand));
  const articles = template.entries.filter((e) => !e.smalltalk);
  const entries = Array.from({ length: size }, (_, i) => {
    const base = articles[i % articles.length]!;
    const a = vocabulary[(i * 2) % vocabulary.length]!;
    const b = vocabulary[(i * 2 + 1) % vocabulary.length]!;
    const add = (q: string, deva: boolean) => (deva ? `${a.deva} ${b.deva} ${q}` : `${a.latin} ${b.latin} ${q}`);
    return {
      id: `gen-${i}`,
      section: base.sections.length ? [...base.sections] : "generated",
      title: { en: `${a.latin} ${b.latin}`, hi: `${a.deva} ${b.deva}` },
      questions: {
        en: base.questions.en.slice(0, 5).map((q) => add(q, false)),
        hi: base.questions.hi.slice(0, 5).map((q) => add(q, true)),
        "hi-Latn": base.questions["hi-Latn"].slice(0, 5).map((q) => add(q, false)),
      },
      answer: { en: base.answer.en, hi: base.answer.hi },
    };
  });
  return [{ file: `synthetic-${size}.yaml`, text: stringify({ source: { title: "synthetic", language: "hi" }, entries }) }];
}

/** Introduces one typo (a dropped, doubled or swapped letter) into a random longer word of a question. */
export function withTypo(question: string, rand: () => number): string {
  const words = question.split(" ");
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 5 && /^[a-z]+$/i.test(w));
  if (candidates.length === 0) return question;
  const [w, i] = candidates[Math.floor(rand() * candidates.length)]!;
  const p = 1 + Math.floor(rand() * (w.length - 2));
  const kind = Math.floor(rand() * 3);
  const typo = kind === 0 ? w.slice(0, p) + w.slice(p + 1) : kind === 1 ? w.slice(0, p) + w[p] + w.slice(p) : w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  words[i] = typo;
  return words.join(" ");
}
