// `node --import tsx bin/calibrate.ts [--write]`: fits two of the calibrated guard's models: boosted trees for sparse
// articles (--write saves them to src/calibration-data.ts) and a logistic model for dense ones (its weights printed,
// to paste into TUNING.denseCalibration). (The third, TUNING.smallCalibration for articles of fewer entries than the
// trees were fitted on, is the logistic model the trees replaced, kept as it was fitted over 174 test articles.)
// Sparse: every test article in test/fixtures/articles, alone beside smalltalk.yaml and all together with the
// shipped corpus. Dense: the shipped corpus on its real-chat-shaped sets (test/fixtures/eval-realchat-*.jsonl).
// Every question the calibrated guard would judge is one example: its features, and whether the best entry is
// right. For each bar it prints how the model would have done with each article (or set, or for the trees each tenth
// of the articles) left out of its own fit: an honest estimate, unlike the fit itself.
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BOOST_DEFAULTS, boostedChance, fitBoosted } from "../src/boosted.js";
import { loadCorpus } from "../src/corpus.js";
import { countKinds, KindModel, SCOPE_KINDS } from "../src/kinds.js";
import { CALIBRATION_MONOTONE, logistic } from "../src/calibration.js";
import { Matcher } from "../src/match.js";
import { TUNING } from "../src/tuning.js";
import { ARTICLES, KIND_NAMES, labelledQuestions, scopeQuestions, testArticles, testCareerNames } from "./kind-labels.js";

const FIXTURES = "test/fixtures";
/**
 * Stages where the calibrated guard decides: the other guards (another field, small talk, a tie; a subject in a dense
 * article) came first. In a sparse article the subject is one of the model's inputs, and with the bars open the
 * uncovered-subject guard never objects there, so those questions are examples too.
 */
const SOFT = new Set(["every guard passed", "guard not-sure-enough"]);
/** Bars that let every question through: the examples are what the guard would judge. */
const OPEN = { calibratedBar: 0, denseCalibratedBar: 0, smallCalibratedBar: 0 } as const;
type Example = { group: string; x: readonly number[]; right: number };
const sparse: Example[] = [];
const dense: Example[] = [];

const casesOf = (file: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as { question: string; expect: string[] | null });
/** Every question of a set that the calibrated guard would judge in this corpus, as an example of its model. */
const collect = (matcher: Matcher, file: string, group: string) => {
  for (const { question, expect } of casesOf(file)) {
    const result = matcher.match(question);
    if (!result.calibration || !SOFT.has(result.stage)) continue;
    const best = result.candidates[0]!.id;
    const example = { group, x: result.calibration.features, right: expect !== null && expect.includes(best) ? 1 : 0 };
    (result.calibration.model === "sparse" ? sparse : dense).push(example);
  }
};
/** A corpus folder of small talk (or the whole shipped corpus) and the given test articles, removed at exit. */
const folders: string[] = [];
process.on("exit", () => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
const folderOf = (names: readonly string[], shipped: boolean) => {
  const folder = mkdtempSync(join(tmpdir(), "calibrate-"));
  folders.push(folder);
  for (const f of shipped ? readdirSync("faq").filter((f) => f.endsWith(".yaml")) : ["smalltalk.yaml"]) copyFileSync(join("faq", f), join(folder, f));
  for (const name of names) copyFileSync(join(ARTICLES, `${name}.yaml`), join(folder, `${name}.yaml`));
  return folder;
};

const articles = testArticles();
// The kind and scope models and the career names are learnt from the test articles themselves, so each article's
// examples are read with models counted, and names learnt, without its fold of articles: as for an article never seen.
const FOLDS = 10;
const foldOf = (name: string) => articles.indexOf(name) % FOLDS;
const labelled = labelledQuestions();
const scoped = scopeQuestions();
const learned = Array.from({ length: FOLDS }, (_, fold) => ({
  kinds: new KindModel(countKinds(KIND_NAMES, labelled.filter((q) => foldOf(q.article) !== fold))),
  careers: testCareerNames(articles.filter((name) => foldOf(name) !== fold)),
  scope: new KindModel(countKinds(SCOPE_KINDS, scoped.filter((q) => foldOf(q.article) !== fold))),
}));
for (const name of articles) collect(new Matcher(loadCorpus(folderOf([name], false)), OPEN, learned[foldOf(name)]), join(ARTICLES, `${name}.jsonl`), name);
const all = loadCorpus(folderOf(articles, true));
learned.forEach((taught, fold) => {
  const together = new Matcher(all, OPEN, taught);
  for (const name of articles) if (foldOf(name) === fold) collect(together, join(ARTICLES, `${name}.jsonl`), name);
});
const shipped = new Matcher(loadCorpus("faq"), OPEN);
for (const f of readdirSync(FIXTURES).filter((f) => /^eval-realchat.*\.jsonl$/.test(f))) collect(shipped, join(FIXTURES, f), f);
// (Examples in the other model's list come from entries of the other kind of article: the shipped one's, in a
// test article's set run together with it, count as dense.)

/** The trees' settings: each input's direction, where it has one. */
const BOOST = { ...BOOST_DEFAULTS, monotone: CALIBRATION_MONOTONE };

/**
 * Fits the sparse articles' trees, prints how they would have done with each tenth of the articles left out of
 * their own fit (an article's examples are never split across folds), and with --write saves the fit on all.
 */
function reportTrees(name: string, examples: readonly Example[], bar: number): void {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  // (The folds the kinds, names and near misses were learnt without: an article's examples are read with models that never saw it.)
  const foldOfGroup = new Map(groups.map((g) => [g, foldOf(g)]));
  const heldOut = new Map<Example, number>();
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = examples.filter((e) => foldOfGroup.get(e.group) !== fold);
    const model = fitBoosted(train.map((e) => e.x), train.map((e) => e.right), BOOST);
    for (const e of examples) if (foldOfGroup.get(e.group) === fold) heldOut.set(e, boostedChance(model, e.x));
  }
  console.log(`${name}: ${examples.length} examples from ${groups.length} articles or sets, ${examples.filter((e) => e.right).length} with the right entry on top`);
  printTable(examples, heldOut, bar);
  const model = fitBoosted(examples.map((e) => e.x), examples.map((e) => e.right), BOOST);
  if (process.argv.includes("--write")) {
    writeFileSync("src/calibration-data.ts", `// Generated by \`node --import tsx bin/calibrate.ts --write\` from the test articles: do not edit.\nimport type { BoostedTrees } from "./boosted.js";\n\nexport const SPARSE_CALIBRATION: BoostedTrees = ${JSON.stringify({ inputs: model.inputs, bias: model.bias, trees: model.trees })};\n`);
    console.log(`  ${model.trees.length} trees written to src/calibration-data.ts`);
  } else console.log(`  (--write saves the ${model.trees.length} trees fitted on all of them to src/calibration-data.ts)`);
}

function printTable(examples: readonly Example[], heldOut: ReadonlyMap<Example, number>, bar: number): void {
  console.log(`  each left out of its own fit (the bar in use is ${bar}):`);
  for (let b = 0.4; b < 0.91; b += 0.05) {
    const answered = examples.filter((e) => heldOut.get(e)! >= b);
    console.log(`    bar ${b.toFixed(2)}: ${answered.filter((e) => e.right).length} right, ${answered.filter((e) => !e.right).length} wrong`);
  }
}

/** Logistic regression by Newton's method with a little L2 (the bias too: a few dozen articles are little data). */
function fit(rows: readonly Example[], l2 = 0.01): number[] {
  const k = rows[0]!.x.length;
  let w = new Array<number>(k).fill(0);
  for (let iteration = 0; iteration < 50; iteration++) {
    const g = w.map((wi) => l2 * wi);
    const h = w.map((_, i) => w.map((__, j) => (i === j ? l2 : 0)));
    for (const { x, right } of rows) {
      const p = logistic(w, x);
      for (let i = 0; i < k; i++) {
        g[i]! += (p - right) * x[i]!;
        for (let j = 0; j < k; j++) h[i]![j]! += p * (1 - p) * x[i]! * x[j]!;
      }
    }
    const step = solve(h, g);
    w = w.map((wi, i) => wi - step[i]!);
  }
  return w;
}

/** Solves h·d = g by Gaussian elimination with partial pivoting. */
function solve(h: readonly number[][], g: readonly number[]): number[] {
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

/** Fits one model, prints its held-out table and its weights. */
function report(name: string, examples: readonly Example[], bar: number): void {
  const groups = [...new Set(examples.map((e) => e.group))];
  if (groups.length < 2) {
    console.error(`calibrate: ${name}: ${groups.length} article(s) or set(s) gave examples; leaving each out of its own fit needs two or more`);
    process.exitCode = 1;
    return;
  }
  const heldOut = new Map<Example, number>();
  for (const group of groups) {
    const w = fit(examples.filter((e) => e.group !== group));
    for (const e of examples) if (e.group === group) heldOut.set(e, logistic(w, e.x));
  }
  console.log(`${name}: ${examples.length} examples from ${groups.length} articles or sets, ${examples.filter((e) => e.right).length} with the right entry on top`);
  printTable(examples, heldOut, bar);
  console.log(`  weights: Object.freeze([${fit(examples).map((w) => +w.toFixed(3)).join(", ")}])`);
}

reportTrees("sparse articles (src/calibration-data.ts)", sparse, TUNING.calibratedBar);
report("denseCalibration (the shipped article)", dense, TUNING.denseCalibratedBar);
