// Messages that ask more than one thing: split into their questions, each matched on its own.
import { asks, type WordForm } from "./analyze.js";
import type { Matcher, MatchResult } from "./match.js";

// Where one question ends and another may begin: a question mark or danda followed by more text, or a joining
// word ("and", "aur", "और", "also", a spaced "+" or "&") between two clauses that each ask something.
const HARD_BREAK = /(?<=[?？।])\s+/u;
const JOIN = /\s*[,;]?\s+(?:and\s+also|and|also|plus|aur|or\s+phir|और|तथा|साथ\s+ही|\+|&)\s+|\s*;\s*|,\s+(?=(?:what|why|how|who|which|where|when|kya|kyu|kaise|kaun|क्या|क्यों|कैसे|कौन)\b)/iu;

// A joined clause asks with its first word ("and why…") or, in Hindi word order, one of its last words ("aur
// back office kyu zaruri hai"), auxiliaries aside.
const LATE_WORDS = 3;

const JOIN_KEPT = new RegExp(`(${JOIN.source})`, "iu");

/** One question of a message and what the matcher made of it. */
export interface Part {
  readonly text: string;
  readonly result: MatchResult;
}

/** The questions of a message, in order: one element when it asks one thing (or cannot be split safely). */
export function splitQuestions(matcher: Matcher, text: string): string[] {
  // A clause asks on its own with a question word or a subject of its own (pay, applying), and two words of
  // content: "front office and back office don't get along" is one question, not two.
  // After a joining word the question word must come first or last: in "the people who meet customers and the
  // people who work inside", "who" only describes.
  // (Each clause is analysed once, however often it is weighed.)
  const analysed = new Map<string, WordForm[]>();
  const formsOf = (s: string) => {
    let forms = analysed.get(s);
    if (!forms) analysed.set(s, (forms = matcher.analyzer.analyzeText(s).forms));
    return forms;
  };
  const asking = (s: string, marked = false, early = false) => {
    const forms = formsOf(s);
    const subjects = forms.some((f) => f.concept !== undefined && matcher.isSubject(f.concept));
    // (The last words are counted without auxiliaries and particles: "इसमें क्या काम होता है" ends its asking at क्या.)
    const words = forms.filter((f) => !f.stop);
    const content = words.length;
    const asked = early ? asks(forms.slice(0, 1)) || asks(words.slice(-LATE_WORDS)) : asks(forms);
    return (content >= 2 || (subjects && content >= 1)) && (asked || subjects || (marked && /[?？]\s*$/u.test(s)));
  };
  const out: string[] = [];
  for (const sentence of text.split(HARD_BREAK).filter((s) => s.trim() !== "")) {
    // [clause, joiner, clause, joiner, ...]: a clause that asks on its own starts a question; one that does not
    // ("FO and BO") stays with the clause before it. The first must ask too, or the sentence is one question.
    const pieces = sentence.split(JOIN_KEPT);
    const questions = [pieces[0] ?? ""];
    for (let i = 1; i + 1 < pieces.length; i += 2) {
      const clause = pieces[i + 1] ?? "";
      if (clause.trim() !== "" && asking(clause, false, true)) questions.push(clause);
      else questions[questions.length - 1] += `${pieces[i]}${clause}`;
    }
    if (questions.length > 1 && asking(questions[0]!)) out.push(...questions.map((q) => q.trim()));
    else out.push(sentence);
  }
  // A sentence that asks nothing ("I am a fresher.") is context for the next one, not a question of its own.
  const merged: string[] = [];
  let context = "";
  for (const s of out) {
    if (!asking(s, true) && out.length > 1) {
      context += `${s} `;
      continue;
    }
    merged.push(context + s);
    context = "";
  }
  if (context !== "") merged.length > 0 ? (merged[merged.length - 1] += ` ${context.trim()}`) : merged.push(context.trim());
  return merged;
}

/**
 * Matches a message: as a whole, and, when it holds several questions, each on its own. Returns the parts only
 * when they tell more than the whole does: two answers, or one answer beside a part the corpus does not cover.
 * `main` is the answer to lead with: the first answered part's, else the whole message's. `follows` is the entry the
 * conversation last answered (see MatchContext); `answeredEntry` the article entry this message answered last, for
 * the next message to follow up.
 */
export function matchMessage(
  matcher: Matcher,
  text: string,
  follows?: string,
): { whole: MatchResult; main: MatchResult; parts?: readonly Part[]; answeredEntry?: string } {
  const whole = matcher.match(text, { follows });
  const pieces = splitQuestions(matcher, text);
  if (pieces.length < 2) return { whole, main: whole, answeredEntry: articleEntry(matcher, whole) };
  // A question declined that names another line of work says what the next one, naming none, is about; one answered
  // from an article, that the next one may go on about that article ("how do I become a kite maker? what would the
  // setup cost?").
  let careers: readonly string[] = [];
  let last = follows;
  const parts = pieces.map((p) => {
    const result = matcher.match(p, { careers, follows: last });
    careers = result.id === null ? result.careers : [];
    last = articleEntry(matcher, result) ?? last;
    return { text: p, result };
  });
  const answered = [...new Set(parts.flatMap((p) => (p.result.id ? [p.result.id] : [])))];
  const uncovered = parts.some((p) => p.result.id === null);
  if (answered.length >= 2 || (answered.length === 1 && uncovered && (whole.id === null || whole.id === answered[0]))) {
    const answeredEntry = parts.reduce<string | undefined>((entry, p) => articleEntry(matcher, p.result) ?? entry, undefined);
    return { whole, main: parts.find((p) => p.result.id !== null)!.result, parts, answeredEntry };
  }
  return { whole, main: whole, answeredEntry: articleEntry(matcher, whole) };
}

/** The entry a result answered, when it is an article's (small talk is no subject to follow up). */
function articleEntry(matcher: Matcher, result: MatchResult): string | undefined {
  return result.id !== null && !matcher.corpus.byId.get(result.id)!.smalltalk ? result.id : undefined;
}
