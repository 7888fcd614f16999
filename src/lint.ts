// Corpus checks beyond the schema: questions the matcher sends elsewhere, and questions two entries share.
import type { Problem } from "./corpus.js";
import type { Matcher } from "./match.js";
import { QUESTION_LANGS } from "./types.js";

/** Every corpus question must lead back to its own entry; two entries must not ask the same thing. */
export function ambiguityProblems(matcher: Matcher): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, { id: string; question: string }>();
  for (const entry of matcher.corpus.entries) {
    for (const lang of QUESTION_LANGS) {
      for (const question of entry.questions[lang]) {
        const signature = matcher.analyzer.analyzeText(question, Infinity)
          .forms.filter((f) => !f.stop)
          .map((f) => f.concept ?? f.key)
          .sort()
          .join(" ");
        const twin = seen.get(signature);
        if (twin && twin.id !== entry.id) {
          problems.push({ file: entry.file, entry: entry.id, problem: `question "${question}" collides with ${twin.id}: "${twin.question}"` });
        } else if (!twin) {
          seen.set(signature, { id: entry.id, question });
        }
        const result = matcher.match(question);
        if (result.id !== entry.id) {
          const got = result.id ?? `no answer (closest ${result.candidates[0]?.id ?? "none"}, ${result.confidence})`;
          problems.push({ file: entry.file, entry: entry.id, problem: `question "${question}" is answered by ${got}` });
        }
      }
    }
  }
  return problems;
}
