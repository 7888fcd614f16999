// Turns a match into the answer record of the `ask` contract: id, confidence, languages, answer, suggestions.
import type { Matcher, MatchResult } from "./match.js";
import { answerText, corpusVars } from "./describe.js";
import { answerLangFor, type AnswerLang, type LangChoice, type QuestionLang } from "./types.js";

export interface AskResult {
  readonly question: string;
  readonly id: string | null;
  readonly confidence: number;
  readonly lang: QuestionLang;
  readonly answerLang: AnswerLang | null;
  readonly answer: string | null;
  readonly suggestions: readonly string[];
}

export function ask(matcher: Matcher, question: string, choice: LangChoice = "auto"): { result: AskResult; match: MatchResult } {
  const match = matcher.match(question);
  const entry = match.id ? matcher.corpus.byId.get(match.id) : undefined;
  const answerLang = entry ? answerLangFor(match.lang, choice) : null;
  const result: AskResult = {
    question,
    id: entry ? entry.id : null,
    confidence: match.confidence,
    lang: match.lang,
    answerLang,
    answer: entry && answerLang ? answerText(entry, answerLang, corpusVars(matcher)) : null,
    suggestions: match.suggestions,
  };
  return { result, match };
}
