// `node --import tsx bin/fixtures-report.ts [--faq DIR] [FILE.jsonl...]`: every eval set at once, one line each, and the sum.
// For maintainers checking a change against all regression fixtures (test/fixtures/eval*.jsonl by default).
import { readdirSync, readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ask } from "../src/answer.js";
import { evaluate, parseEvalSet } from "../src/evaluate.js";
import { Matcher } from "../src/match.js";
import { corpusOrExit } from "./env.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { faq: { type: "string" }, misses: { type: "boolean" } } });
const matcher = new Matcher(corpusOrExit(values.faq ?? "faq"));
const files = positionals.length > 0 ? positionals : readdirSync("test/fixtures").filter((f) => /^eval.*\.jsonl$/.test(f)).sort().map((f) => `test/fixtures/${f}`);
const sum: Record<string, { n: number; ok: number }> = {};
let wrong = 0;
let total = 0;
for (const file of files) {
  const report = evaluate(parseEvalSet(readFileSync(file, "utf8")), (q) => ask(matcher, q).result);
  const g = (k: string) => report.groups[k];
  const cell = (k: string) => (g(k) ? `${g(k)!.pct.toFixed(1).padStart(5)}` : "    -");
  console.log(`${file.replace(/^.*\//, "").padEnd(28)} en ${cell("in-scope en")} hi ${cell("in-scope hi")} hl ${cell("in-scope hi-Latn")} oos ${cell("out-of-scope")} wrong ${report.wrongAnswers}`);
  if (values.misses) for (const m of report.misses) console.log(`   miss ${JSON.stringify(m.question)} expect ${JSON.stringify(m.expect)} got ${m.got}`);
  for (const [k, v] of Object.entries(report.groups)) {
    const s = (sum[k] ??= { n: 0, ok: 0 });
    s.n += v.n;
    s.ok += v.ok;
  }
  wrong += report.wrongAnswers;
  total += report.groups.all!.n;
}
const pct = (k: string) => (sum[k] ? ((100 * sum[k]!.ok) / sum[k]!.n).toFixed(2) : "-");
console.log(`ALL: en ${pct("in-scope en")} hi ${pct("in-scope hi")} hl ${pct("in-scope hi-Latn")} oos ${pct("out-of-scope")} wrong ${wrong}/${total}`);
