// `node --import tsx bin/snapshot.ts > answers.tsv`: every fixture eval question's answer under the shipped corpus,
// each test article alone and all of them together, one line each. Diff two runs to see what a change altered.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ask } from "../src/answer.js";
import { loadCorpus } from "../src/corpus.js";
import { Matcher } from "../src/match.js";

const ARTICLES = "test/fixtures/articles";
const names = readdirSync(ARTICLES).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, "")).sort();
const questionsOf = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l).question as string);
const folder = (files: string[], shipped: boolean) => {
  const dir = mkdtempSync(join(tmpdir(), "snapshot-"));
  for (const f of shipped ? readdirSync("faq").filter((f) => f.endsWith(".yaml")) : ["smalltalk.yaml"]) copyFileSync(join("faq", f), join(dir, f));
  for (const name of files) copyFileSync(join(ARTICLES, `${name}.yaml`), join(dir, `${name}.yaml`));
  return dir;
};
const print = (corpus: string, matcher: Matcher, questions: string[]) => {
  for (const q of questions) {
    const { result } = ask(matcher, q);
    console.log([corpus, q, result.id ?? "-", result.confidence.toFixed(3), (result.parts ?? []).map((p) => p.id ?? "-").join(",")].join("\t"));
  }
};
const shippedSets = readdirSync("test/fixtures").filter((f) => /^eval.*\.jsonl$/.test(f)).sort();
print("faq", new Matcher(loadCorpus("faq")), shippedSets.flatMap((f) => questionsOf(join("test/fixtures", f))));
for (const name of names) print(name, new Matcher(loadCorpus(folder([name], false))), questionsOf(join(ARTICLES, `${name}.jsonl`)));
const together = new Matcher(loadCorpus(folder(names, true)));
print("together", together, names.flatMap((name) => questionsOf(join(ARTICLES, `${name}.jsonl`))));
