// The lexicon a corpus is matched with: the built-in language and career words, merged with what each article adds.
import { z } from "zod";
import { CAREER_CONCEPTS, CAREER_SUBJECTS } from "./career.js";
import { CONCEPTS, PHRASES } from "./lexicon.js";
import { GENERAL_CONCEPTS } from "./everyday.js";

/** How a subject is named to the user ("Sorry, nothing I know covers pay"). */
export interface SubjectLabel {
  readonly en: string;
  readonly hi: string;
}

/** A side of a contrast named by description: all `words` in the question, negated near the first or not. */
export interface DescribedSide {
  readonly side: string;
  readonly words: readonly string[];
  readonly negated: boolean;
}

/** Everything the matcher knows about words beyond the corpus questions themselves. */
export interface Lexicon {
  /** Concept name (upper case, no `#`) -> its words in any script. */
  readonly concepts: Readonly<Record<string, readonly string[]>>;
  /** Read before tokenising, in order: a pattern and what it is read as. */
  readonly phrases: readonly (readonly [RegExp, string])[];
  /** Concepts (`#NAME`) only an entry whose questions use them may answer, with their names for the user. */
  readonly subjects: Readonly<Record<string, SubjectLabel>>;
  /** Word pairs naming two sides: a question naming one side is never answered by an entry about only the other. */
  readonly contrasts: readonly (readonly [string, string])[];
  readonly described: readonly DescribedSide[];
  /** Words naming a particular setting: a corpus question with one fits a query without it less well. */
  readonly narrowing: readonly string[];
  /** Entry id -> roles or job titles that entry decides about ("is an accountant front or back office?"). */
  readonly roles: Readonly<Record<string, readonly string[]>>;
}

const words = (list: string) => list.split(/\s+/).filter(Boolean);

/** The built-in lexicon: language knowledge and career vocabulary, no article's words. */
export const BASE_LEXICON: Lexicon = Object.freeze({
  concepts: Object.freeze(Object.fromEntries([...Object.entries(CONCEPTS), ...Object.entries(CAREER_CONCEPTS), ...Object.entries(GENERAL_CONCEPTS)].map(([k, v]) => [k, words(v)]))),
  phrases: PHRASES,
  subjects: CAREER_SUBJECTS,
  contrasts: [],
  described: [],
  narrowing: [],
  roles: {},
});

const text = z.string().trim().min(1, "must not be empty");
const wordList = z.array(text, "must be a list of words or phrases").min(1, "needs at least one word");

/** The `lexicon:` block of an article file (documented in the README). */
export const articleLexiconSchema = z
  .object({
    synonyms: z.record(z.string(), wordList).optional(),
    phrases: z.record(z.string(), wordList).optional(),
    not_covered: z.record(z.string(), z.object({ en: text, hi: text, words: wordList }).strict()).optional(),
    contrasts: z.array(z.tuple([text, text])).optional(),
    described: z.array(z.object({ side: text, words: wordList, negated: z.boolean() }).strict()).optional(),
    narrowing: z.array(text).optional(),
    roles: z.record(z.string(), wordList).optional(),
  })
  .strict();
export type ArticleLexicon = z.infer<typeof articleLexiconSchema>;

/** A concept's name from the key a maintainer wrote: "Night shift" -> "NIGHT_SHIFT". */
export function conceptName(key: string): string {
  return key.trim().toUpperCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, "_");
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const EDGE = "[\\p{L}\\p{M}\\p{N}]";

/**
 * A phrase as a pattern: `/…/` is a regular expression; anything else matches whole words, with spaces or hyphens
 * between them optional ("front desk" matches "front-desk" and "frontdesk"). Throws on a bad expression.
 */
export function phrasePattern(phrase: string): RegExp {
  const p = phrase.trim();
  if (p.length > 2 && p.startsWith("/") && p.endsWith("/")) return new RegExp(p.slice(1, -1), "gu");
  const parts = p.toLowerCase().split(/[\s-]+/).filter(Boolean).map(escape);
  return new RegExp(`(?<!${EDGE})${parts.join("[\\s-]*")}(?!${EDGE})`, "gu");
}

/** Problems in an article's lexicon that the schema cannot see: phrases that are not valid expressions. */
export function lexiconProblems(lexicon: ArticleLexicon): string[] {
  const problems: string[] = [];
  for (const [as, list] of Object.entries(lexicon.phrases ?? {})) {
    for (const p of list) {
      try {
        phrasePattern(p);
      } catch (err) {
        problems.push(`lexicon.phrases.${as}: ${JSON.stringify(p)} is not a valid expression (${(err as Error).message})`);
      }
    }
  }
  return problems;
}

/** The built-in lexicon with the articles' additions: their phrases first (they are the more specific), then ours. */
export function mergeLexicons(articles: readonly ArticleLexicon[]): Lexicon {
  if (articles.length === 0) return BASE_LEXICON;
  const concepts: Record<string, string[]> = Object.fromEntries(Object.entries(BASE_LEXICON.concepts).map(([k, v]) => [k, [...v]]));
  const subjects: Record<string, SubjectLabel> = { ...BASE_LEXICON.subjects };
  const phrases: (readonly [RegExp, string])[] = [];
  const contrasts: (readonly [string, string])[] = [];
  const described: DescribedSide[] = [];
  const narrowing: string[] = [];
  const roles: Record<string, string[]> = {};
  const addConcept = (name: string, list: readonly string[]) => (concepts[name] ??= []).push(...list);
  for (const a of articles) {
    for (const [k, list] of Object.entries(a.synonyms ?? {})) addConcept(conceptName(k), list);
    for (const [k, { en, hi, words: list }] of Object.entries(a.not_covered ?? {})) {
      addConcept(conceptName(k), list);
      subjects[`#${conceptName(k)}`] ??= { en, hi };
    }
    for (const [as, list] of Object.entries(a.phrases ?? {})) for (const p of list) phrases.push([phrasePattern(p), as.replace(/\$/g, "$$$$")]);
    contrasts.push(...(a.contrasts ?? []));
    described.push(...(a.described ?? []));
    narrowing.push(...(a.narrowing ?? []));
    for (const [id, list] of Object.entries(a.roles ?? {})) (roles[id] ??= []).push(...list);
  }
  return Object.freeze({ concepts, phrases: [...phrases, ...BASE_LEXICON.phrases], subjects, contrasts, described, narrowing, roles });
}
