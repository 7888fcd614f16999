// Turns a match into the answer record of the `ask` contract: id, confidence, languages, answer, suggestions, parts.
import type { Matcher, MatchResult } from "./match.js";
import { answerText, corpusVars } from "./describe.js";
import { matchMessage } from "./parts.js";
import { answerLangFor, type AnswerLang, type LangChoice, type QuestionLang } from "./types.js";

/** One question of a message that asks several. */
export interface AskPart {
  readonly text: string;
  readonly id: string | null;
  readonly confidence: number;
}

export interface AskResult {
  readonly question: string;
  readonly id: string | null;
  readonly confidence: number;
  readonly lang: QuestionLang;
  readonly answerLang: AnswerLang | null;
  readonly answer: string | null;
  readonly suggestions: readonly string[];
  /** Present when the message holds more than one question: each in message order. */
  readonly parts?: readonly AskPart[];
}

/** Answers one message; `follows` is the entry the conversation last answered, if any (see MatchContext). */
export function ask(matcher: Matcher, question: string, choice: LangChoice = "auto", follows?: string): { result: AskResult; match: MatchResult } {
  // The main answer is the first answered part's (or the whole message's); the answer text holds every part's.
  const { whole, main, parts } = matchMessage(matcher, question, follows);
  const answered = parts ? parts.map((p) => p.result).filter((r) => r.id !== null) : [whole].filter((r) => r.id !== null);
  const answerLang = main.id ? answerLangFor(main.lang, choice) : null;
  const vars = corpusVars(matcher);
  const texts = answerLang ? [...new Set(answered.map((r) => r.id!))].map((id) => answerText(matcher.corpus.byId.get(id)!, answerLang, vars)) : [];
  const result: AskResult = {
    question,
    id: main.id,
    confidence: main.confidence,
    lang: whole.lang,
    answerLang,
    answer: texts.length > 0 ? texts.join("\n\n") : null,
    suggestions: main.id ? [] : whole.suggestions,
    ...(parts ? { parts: parts.map((p) => ({ text: p.text, id: p.result.id, confidence: p.result.confidence })) } : {}),
  };
  return { result, match: main };
}
