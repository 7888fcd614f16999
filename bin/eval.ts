// `npm run eval -- [FILE.jsonl]`: accuracy of the matcher over an eval set, by language and for out-of-scope questions.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ask } from "../src/answer.js";
import { Matcher } from "../src/match.js";
import { configFromEnv, corpusOrExit, fail } from "./env.js";
import { evaluate, formatReport, parseEvalSet } from "../src/evaluate.js";

const parse = () =>
  parseArgs({ allowPositionals: true, options: { faq: { type: "string" }, json: { type: "boolean" }, summary: { type: "boolean" } } });
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run eval -- [--json] [--summary] [--faq DIR] [FILE.jsonl]`);
}
const file = args.positionals[0] ?? "test/fixtures/eval.jsonl";
let text: string;
try {
  text = readFileSync(file, "utf8");
} catch {
  fail(`cannot read eval set ${file}`);
}
const config = configFromEnv({ channels: false });
const matcher = new Matcher(corpusOrExit(args.values.faq ?? config.faqDir));
let cases;
try {
  cases = parseEvalSet(text);
} catch (err) {
  fail(`${file}: ${(err as Error).message}`);
}
const report = evaluate(cases, (q) => ask(matcher, q).result);
process.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : `${formatReport(report, !args.values.summary)}\n`);
