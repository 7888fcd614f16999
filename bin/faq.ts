// `npm run faq -- lint|export [--faq DIR]`: validates the corpus, or prints it as one JSON document.
import { parseArgs } from "node:util";
import { buildCorpus, formatProblem, readCorpusFiles, CorpusError, type Problem } from "../src/corpus.js";
import { ambiguityProblems } from "../src/lint.js";
import { Matcher } from "../src/match.js";
import { configFromEnv, fail } from "./env.js";

const usage = "usage: npm run --silent faq -- lint|export [--faq DIR]";
const parse = () => parseArgs({ allowPositionals: true, options: { faq: { type: "string" } } });
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`);
}
const command = args.positionals[0];
if (command !== "lint" && command !== "export") fail(usage);
const dir = args.values.faq ?? configFromEnv({ channels: false }).faqDir;

let result;
try {
  result = buildCorpus(readCorpusFiles(dir));
} catch (err) {
  if (!(err instanceof CorpusError)) throw err;
  result = { corpus: undefined, problems: [...err.problems] };
}
const problems = [...result.problems];
let warnings: Problem[] = [];
if (result.corpus && command === "lint") {
  const checked = ambiguityProblems(new Matcher(result.corpus));
  problems.push(...checked.problems);
  warnings = checked.warnings;
}
// Warnings (a question its own article answers with a sibling entry) go to standard error and fail nothing.
if (warnings.length > 0) process.stderr.write(`${warnings.map((w) => `warning: ${formatProblem(w)}`).join("\n")}\n`);
if (problems.length > 0 || !result.corpus) {
  process.stdout.write(`${problems.map(formatProblem).join("\n")}\n`);
  process.exit(1);
}
if (command === "lint") {
  const n = result.corpus.entries.length;
  const q = result.corpus.entries.reduce((sum, e) => sum + e.questions.en.length + e.questions.hi.length + e.questions["hi-Latn"].length, 0);
  process.stderr.write(`ok: ${n} entries, ${q} questions${warnings.length > 0 ? `, ${warnings.length} warnings` : ""}\n`);
} else {
  const entries = result.corpus.entries.map((e) => ({
    id: e.id,
    file: e.file,
    sections: e.sections,
    title: e.title,
    questions: e.questions,
    answer: e.answer,
    related: e.related,
  }));
  process.stdout.write(`${JSON.stringify({ entries }, null, 2)}\n`);
}
