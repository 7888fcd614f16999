// `npm run ask`: answers a question, or each line of standard input, as text or as one JSON object per line.
import { parseArgs } from "node:util";
import { ask } from "../src/answer.js";
import { Matcher } from "../src/match.js";
import { readLines } from "./lines.js";
import { configFromEnv, corpusOrExit, fail } from "./env.js";
import { formatExplain } from "../src/explain.js";

const usage = "usage: npm run --silent ask -- [--json] [--explain] [--faq DIR] [QUESTION...]";
const parse = () =>
  parseArgs({
    allowPositionals: true,
    options: { json: { type: "boolean" }, explain: { type: "boolean" }, faq: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`);
}
if (args.values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const config = configFromEnv({ channels: false });
const matcher = new Matcher(corpusOrExit(args.values.faq ?? config.faqDir));

function answer(question: string): string {
  const { result, match } = ask(matcher, question);
  if (args.values.json) {
    return JSON.stringify(args.values.explain ? { ...result, explain: { clean: match.clean, words: match.words, candidates: match.candidates } } : result);
  }
  const lines: string[] = [];
  if (result.answer) lines.push(`[${result.id} ${result.confidence}] ${result.answer}`);
  else lines.push(`[no answer ${result.confidence}]${result.suggestions.length ? ` did you mean: ${result.suggestions.join(", ")}` : ""}`);
  if (args.values.explain) lines.push(formatExplain(match));
  return lines.join("\n");
}

const out: string[] = [];
const flush = () => {
  if (out.length) process.stdout.write(`${out.join("\n")}\n`);
  out.length = 0;
};
if (args.positionals.length > 0) {
  out.push(answer(args.positionals.join(" ")));
  flush();
} else {
  for await (const line of readLines(process.stdin)) {
    if (line.trim() === "") continue;
    out.push(answer(line));
    if (out.length >= 256) flush();
  }
  flush();
}
