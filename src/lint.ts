// Corpus checks beyond the schema: questions (and titles) the matcher sends elsewhere, and questions two entries share.
import type { Problem } from "./corpus.js";
import { askedTitle, type Matcher } from "./match.js";
import { QUESTION_LANGS } from "./types.js";

/**
 * Every corpus question should lead back to its own entry. `problems` must be fixed: two entries asking the same
 * thing, and a question of one article that another article's entry takes over (adding an article must not
 * silently take another's questions). `warnings` are worth fixing: a question its own article sends to a
 * sibling entry, or to none, or answers only as written (the same words put otherwise would be declined); an entry's
 * title (matched as one more question) that another entry answers.
 */
export function ambiguityProblems(matcher: Matcher): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const seen = new Map<string, { id: string; question: string }>();
  for (const entry of matcher.corpus.entries) {
    for (const lang of QUESTION_LANGS) {
      for (const question of entry.questions[lang]) {
        const signature = matcher.analyzer
          .analyzeText(question, Infinity)
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
        if (result.id === entry.id && result.stage === "as written") {
          const sure = result.calibration ? ` (calibrated confidence ${result.calibration.confidence.toFixed(3)} against ${result.calibration.bar.toFixed(2)})` : "";
          warnings.push({ file: entry.file, entry: entry.id, problem: `question "${question}" is answered only as written: the calibrated guard is not sure of it${sure}, so other wordings may be declined` });
        }
        if (result.id === entry.id) continue;
        const other = result.id ? matcher.corpus.byId.get(result.id) : undefined;
        if (other && other.file !== entry.file && !other.smalltalk) {
          problems.push({ file: entry.file, entry: entry.id, problem: `question "${question}" is taken over by ${other.id} of ${other.file}` });
        } else {
          const got = result.id ?? `no answer (closest ${result.candidates[0]?.id ?? "none"}, ${result.confidence})`;
          warnings.push({ file: entry.file, entry: entry.id, problem: `question "${question}" is answered by ${got}` });
        }
      }
    }
    for (const lang of QUESTION_LANGS) {
      const title = askedTitle(entry, lang);
      if (title === undefined) continue;
      const result = matcher.match(title);
      if (result.id === null || result.id === entry.id) continue;
      warnings.push({ file: entry.file, entry: entry.id, problem: `title "${title}" is answered by ${result.id}` });
    }
  }
  return { problems, warnings };
}
