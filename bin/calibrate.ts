// `node --import tsx bin/calibrate.ts [DIR...]`: fits the calibrated guard (TUNING.calibration) over test articles.
// Each article runs alone beside smalltalk.yaml, and all together with the shipped corpus; every question the
// calibrated guard would judge is one example: its features, and whether the best entry is right. Prints the weights to paste into src/tuning.ts, and how each
// bar would have done with every article left out of its own fit (an honest estimate, not the fit itself).
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadCorpus } from "../src/corpus.js";
import { Matcher } from "../src/match.js";

const dirs = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ["test/fixtures/articles"];
/** Stages where the calibrated guard decides: the other guards (a subject, another field, small talk, a tie) came first. */
const SOFT = new Set(["every guard passed", "guard not-sure-enough"]);
const examples: { article: string; x: readonly number[]; right: number }[] = [];
const articlesIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".yaml")).map((name) => ({ dir, name: name.replace(/\.yaml$/, "") }));
const all = dirs.flatMap(articlesIn);
/** A corpus folder of small talk (or the whole shipped corpus) and the given articles. */
const folderOf = (list: typeof all, shipped: boolean) => {
  const folder = mkdtempSync(join(tmpdir(), "calibrate-"));
  for (const f of shipped ? readdirSync("faq").filter((f) => f.endsWith(".yaml")) : ["smalltalk.yaml"]) copyFileSync(join("faq", f), join(folder, f));
  for (const { dir, name } of list) copyFileSync(join(dir, `${name}.yaml`), join(folder, `${name}.yaml`));
  return folder;
};
/** Every eval question of an article that the calibrated guard would judge in this corpus, as an example. */
const collect = (matcher: Matcher, { dir, name }: (typeof all)[number]) => {
  for (const line of readFileSync(join(dir, `${name}.jsonl`), "utf8").split("\n").filter((l) => l.trim() !== "")) {
    const { question, expect } = JSON.parse(line) as { question: string; expect: string[] | null };
    const result = matcher.match(question);
    if (!result.calibration || !SOFT.has(result.stage)) continue;
    const best = result.candidates[0]!.id;
    examples.push({ article: name, x: result.calibration.features, right: expect !== null && expect.includes(best) ? 1 : 0 });
  }
};
// A bar of 0 lets every question through the calibrated guard, so the examples are what it would judge: each
// article alone beside small talk, and all of them together with the shipped corpus, as the bot may run.
for (const article of all) collect(new Matcher(loadCorpus(folderOf([article], false)), { calibratedBar: 0 }), article);
const together = new Matcher(loadCorpus(folderOf(all, true)), { calibratedBar: 0 });
for (const article of all) collect(together, article);

/** Logistic regression by Newton's method with a little L2 (the bias too: a handful of articles is little data). */
function fit(rows: typeof examples, l2 = 0.01): number[] {
  const k = rows[0]!.x.length;
  let w = new Array<number>(k).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const g = w.map((wi) => l2 * wi);
    const h = w.map((_, i) => w.map((__, j) => (i === j ? l2 : 0)));
    for (const { x, right } of rows) {
      const p = 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + xi * w[i]!, 0)));
      for (let i = 0; i < k; i++) {
        g[i]! += (p - right) * x[i]!;
        for (let j = 0; j < k; j++) h[i]![j]! += p * (1 - p) * x[i]! * x[j]!;
      }
    }
    w = w.map((wi, i) => wi - solve(h, g)[i]!);
  }
  return w;
}

/** Solves h·d = g by Gaussian elimination with partial pivoting. */
function solve(h: number[][], g: number[]): number[] {
  const n = g.length;
  const a = h.map((row, i) => [...row, g[i]!]);
  for (let c = 0; c < n; c++) {
    let pivot = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[pivot]![c]!)) pivot = r;
    [a[c], a[pivot]] = [a[pivot]!, a[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let j = c; j <= n; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[n]! / row[i]!);
}

const chance = (w: readonly number[], x: readonly number[]) => 1 / (1 + Math.exp(-x.reduce((z, xi, i) => z + xi * w[i]!, 0)));
const articles = [...new Set(examples.map((e) => e.article))];
if (articles.length < 2) {
  console.error(`calibrate: ${articles.length} article(s) gave examples; leaving each out of its own fit needs two or more`);
  process.exit(1);
}
const heldOut = new Map<(typeof examples)[number], number>();
for (const article of articles) {
  const w = fit(examples.filter((e) => e.article !== article));
  for (const e of examples.filter((e) => e.article === article)) heldOut.set(e, chance(w, e.x));
}
console.log(`${examples.length} examples from ${articles.length} articles, ${examples.filter((e) => e.right).length} with the right entry on top`);
console.log("each article left out of its own fit:");
for (let bar = 0.4; bar < 0.91; bar += 0.05) {
  const answered = examples.filter((e) => heldOut.get(e)! >= bar);
  console.log(`  bar ${bar.toFixed(2)}: ${answered.filter((e) => e.right).length} right, ${answered.filter((e) => !e.right).length} wrong`);
}
console.log(`calibration: Object.freeze([${fit(examples).map((w) => w.toFixed(3)).join(", ")}])`);
