// Shared data types of the core: languages, corpus entries and the loaded corpus.
import type { Lexicon } from "./vocabulary.js";

/** BCP 47 tags of the forms a question can take. */
export type QuestionLang = "en" | "hi" | "hi-Latn";
/** Languages an answer exists in. */
export type AnswerLang = "en" | "hi";
/** A user's language choice: a fixed answer language, or follow the question. */
export type LangChoice = AnswerLang | "auto";

export const QUESTION_LANGS: readonly QuestionLang[] = Object.freeze(["en", "hi", "hi-Latn"]);
export const ANSWER_LANGS: readonly AnswerLang[] = Object.freeze(["en", "hi"]);

export interface Entry {
  readonly id: string;
  /** The file the entry was loaded from (for error messages and `faq lint`). */
  readonly file: string;
  /** Headings of the source passages the answer draws on, in the order the file gives; empty for small talk. */
  readonly sections: readonly string[];
  /** Short label for buttons and topic lists. */
  readonly title: Readonly<Record<AnswerLang, string>>;
  readonly questions: Readonly<Record<QuestionLang, readonly string[]>>;
  readonly answer: Readonly<Record<AnswerLang, string>>;
  readonly related: readonly string[];
  /** True for entries from a file without a source article (greeting, thanks, help). */
  readonly smalltalk: boolean;
}

/** A source article: one corpus file with a `source`. */
export interface Article {
  readonly file: string;
  readonly title: string;
  /** What it covers, in a few words, for greetings and help ("front office and back office jobs"). */
  readonly about: Readonly<Record<AnswerLang, string>>;
  /** Words its data declares its own (the sides of its contrasts): they name its subject whoever else uses them. */
  readonly named: readonly string[];
  /** The subjects its data says it does not cover (its `not_covered`), as concept names ("#UNIFORM"). */
  readonly notCovered: readonly string[];
}

export interface Corpus {
  readonly entries: readonly Entry[];
  readonly byId: ReadonlyMap<string, Entry>;
  readonly articles: readonly Article[];
  /** The built-in lexicon merged with every article's `lexicon:` block. */
  readonly lexicon: Lexicon;
}

/** The answer language for a question: the user's choice, else English for English, Hindi otherwise. */
export function answerLangFor(lang: QuestionLang, choice: LangChoice = "auto"): AnswerLang {
  if (choice !== "auto") return choice;
  return lang === "en" ? "en" : "hi";
}
