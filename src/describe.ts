// Describes the loaded corpus to users, from its data alone: what it covers, what it does not, questions to try.
import { CAREER_SUBJECTS } from "./career.js";
import type { Matcher } from "./match.js";
import { fill, type MessageVars } from "./messages.js";
import type { AnswerLang, Entry } from "./types.js";

// How many uncovered subjects and example questions a description names: enough to orient, short enough to read.
const MAX_UNCOVERED = 4;
const MAX_EXAMPLES = 4;
const LIST_JOIN = { en: { sep: ", ", last: " and " }, hi: { sep: ", ", last: " और " } } as const;

function list(items: readonly string[], lang: AnswerLang): string {
  const { sep, last } = LIST_JOIN[lang];
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(sep)}${last}${items.at(-1)}`;
}

/**
 * `{topics}`: what the articles are about; `{uncovered}`: subjects no entry answers (pay, qualifications...);
 * `{examples}`: a question from each article's first entries, `{example}` the first of them. Small talk
 * answers and messages use them.
 */
export function corpusVars(matcher: Matcher): MessageVars {
  let vars = known.get(matcher);
  if (!vars) known.set(matcher, (vars = describe(matcher)));
  return vars;
}

const known = new WeakMap<Matcher, MessageVars>();

function describe(matcher: Matcher): MessageVars {
  const { articles, entries } = matcher.corpus;
  // (A procedure is a form of question, not a subject to list.)
  const uncovered = matcher.uncoveredSubjects().filter((s) => s !== CAREER_SUBJECTS["#HOWTO"]).slice(0, MAX_UNCOVERED);
  const firstEntries = articles.flatMap((a) => entries.filter((e) => e.file === a.file).slice(0, 2));
  const cache = new Map<AnswerLang, Record<string, string>>();
  return (lang) => {
    let vars = cache.get(lang);
    if (!vars) {
      const examples = firstEntries.slice(0, MAX_EXAMPLES).map((e) => `"${e.questions[lang][0]}"`);
      vars = {
        topics: articles.length > 0 ? list(articles.map((a) => a.about[lang]), lang) : lang === "en" ? "nothing yet" : "अभी कुछ नहीं",
        uncovered: list(uncovered.map((s) => s[lang]), lang),
        examples: list(examples, lang),
        example: firstEntries[0]?.questions[lang][0] ?? (lang === "en" ? "What can you do?" : "आप क्या कर सकते हैं?"),
      };
      cache.set(lang, vars);
    }
    return vars;
  };
}

/** An entry's answer in a language, its placeholders filled (small talk describes whatever corpus is loaded). */
export function answerText(entry: Entry, lang: AnswerLang, vars: MessageVars): string {
  const text = entry.answer[lang];
  return text.includes("{") ? fill(text, vars(lang)) : text;
}
