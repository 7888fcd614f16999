// `npm run bench`: matcher speed and memory against plain Fuse.js, on the shipped corpus and generated ones.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import Fuse from "fuse.js";
import { buildCorpus, readCorpusFiles, type CorpusFile } from "../src/corpus.js";
import { parseEvalSet } from "../src/evaluate.js";
import { Matcher } from "../src/match.js";
import { QUESTION_LANGS, type Corpus } from "../src/types.js";
import { random, syntheticCorpusFiles, withTypo } from "./synthetic.js";
import { fail } from "./env.js";

const parse = () => parseArgs({ options: { json: { type: "boolean" }, quick: { type: "boolean" }, faq: { type: "string" } } });
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (err) {
  fail(`${(err as Error).message}\nusage: npm run bench -- [--json] [--quick] [--faq DIR]`);
}
const quick = args.values.quick ?? false;

interface Row {
  corpus: string;
  entries: number;
  questions: number;
  engine: "career-faq-bot" | "fuse.js defaults";
  buildMs: number;
  heapMB: number;
  rssMB: number;
  p50us: number;
  p99us: number;
  qps: number;
  measured: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
function heapMB(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

function timeQueries(queries: readonly string[], answer: (q: string) => unknown, warm: number): { p50: number; p99: number; qps: number } {
  for (let i = 0; i < warm; i++) answer(queries[i % queries.length]!);
  const times = new Float64Array(queries.length);
  const start = process.hrtime.bigint();
  for (let i = 0; i < queries.length; i++) {
    const t0 = process.hrtime.bigint();
    answer(queries[i]!);
    times[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  const total = Number(process.hrtime.bigint() - start) / 1e9;
  times.sort();
  const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { p50: at(0.5), p99: at(0.99), qps: queries.length / total };
}

function questionsOf(corpus: Corpus): string[] {
  return corpus.entries.flatMap((e) => QUESTION_LANGS.flatMap((l) => e.questions[l]));
}

const shippedFiles = readCorpusFiles(args.values.faq ?? "faq");
const shipped = buildCorpus(shippedFiles).corpus;
if (!shipped) fail("the corpus has problems: run npm run faq -- lint");
const evalQuestions = parseEvalSet(readFileSync("test/fixtures/eval.jsonl", "utf8")).map((c) => c.question);

function bench(name: string, files: CorpusFile[], fuseSamples: number): Row[] {
  const rows: Row[] = [];
  const rand = random(11);
  const before = heapMB();
  const t0 = performance.now();
  const corpus = buildCorpus(files).corpus!;
  const matcher = new Matcher(corpus);
  const buildMs = performance.now() - t0;
  const heap = heapMB() - before;
  const rss = process.memoryUsage().rss / 1024 / 1024;
  const own = questionsOf(corpus);
  // Real questions from the eval set, plus corpus questions with a typo, in a fixed shuffled order.
  const pool = [...evalQuestions, ...Array.from({ length: 1500 }, () => withTypo(own[Math.floor(rand() * own.length)]!, rand))];
  const queries = Array.from({ length: quick ? 1000 : 4000 }, () => pool[Math.floor(rand() * pool.length)]!);
  const ours = timeQueries(queries, (q) => matcher.match(q), quick ? 300 : 2000);
  rows.push({ corpus: name, entries: corpus.entries.length, questions: own.length, engine: "career-faq-bot", buildMs, heapMB: heap, rssMB: rss, p50us: ours.p50, p99us: ours.p99, qps: ours.qps, measured: queries.length });

  const records = corpus.entries.flatMap((e) => QUESTION_LANGS.flatMap((l) => e.questions[l].map((text) => ({ id: e.id, text }))));
  const fBefore = heapMB();
  const f0 = performance.now();
  const fuse = new Fuse(records, { keys: ["text"] });
  const fuseBuild = performance.now() - f0;
  const fuseHeap = heapMB() - fBefore;
  const fuseRss = process.memoryUsage().rss / 1024 / 1024;
  const fuseQueries = queries.slice(0, fuseSamples);
  const base = timeQueries(fuseQueries, (q) => fuse.search(q)[0]?.item.id ?? null, Math.min(5, fuseSamples));
  rows.push({ corpus: name, entries: corpus.entries.length, questions: own.length, engine: "fuse.js defaults", buildMs: fuseBuild, heapMB: fuseHeap, rssMB: fuseRss, p50us: base.p50, p99us: base.p99, qps: base.qps, measured: fuseQueries.length });
  return rows;
}

const rows = [
  ...bench("shipped", shippedFiles, quick ? 100 : 400),
  ...bench("generated-500", syntheticCorpusFiles(shipped, 500), quick ? 10 : 40),
  ...bench("generated-5000", syntheticCorpusFiles(shipped, 5000), quick ? 3 : 8),
];

if (args.values.json) {
  process.stdout.write(`${JSON.stringify({ node: process.version, gcExposed: Boolean(gc), rows })}\n`);
} else {
  const head = ["corpus", "entries", "questions", "engine", "build ms", "heap MB", "rss MB", "p50 µs", "p99 µs", "q/s", "measured"];
  const fmt = (r: Row) => [r.corpus, String(r.entries), String(r.questions), r.engine, r.buildMs.toFixed(1), r.heapMB.toFixed(1), r.rssMB.toFixed(0), r.p50us.toFixed(1), r.p99us.toFixed(1), r.qps.toFixed(0), String(r.measured)];
  const table = [head, ...rows.map(fmt)];
  const widths = head.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  for (const r of table) process.stdout.write(`${r.map((c, i) => (i < 4 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ")}\n`);
  process.stdout.write("build ms: load, validate and index (ours) or index (Fuse.js); heap MB: growth of the JS heap; rss MB: process size after building\n");
  if (!gc) process.stdout.write("(heap figures are rough: run with node --expose-gc for exact ones)\n");
}
