import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { run } from "../helpers/run.js";
import { corpusDir, entry } from "../helpers/corpus.js";

const corpus = loadCorpus("faq");
const lines = (s: string) => s.split("\n").filter((l) => l !== "").map((l) => JSON.parse(l) as Record<string, unknown>);

describe("npm run ask", () => {
  it("answers a question given as arguments with one JSON object in the contract's shape", async () => {
    const r = await run("ask", ["--json", "What does the back office do in a bank?"]);
    expect(r.code).toBe(0);
    const [out, ...rest] = lines(r.stdout);
    expect(rest).toHaveLength(0);
    expect(Object.keys(out!).sort()).toEqual(["answer", "answerLang", "confidence", "id", "lang", "question", "suggestions"]);
    expect(out).toMatchObject({ question: "What does the back office do in a bank?", id: "back-office-bank", lang: "en", answerLang: "en", answer: corpus.byId.get("back-office-bank")!.answer.en });
    expect(out!.confidence).toBeGreaterThan(0.5);
    expect(out!.confidence).toBeLessThanOrEqual(1);
  });

  it("answers each line of standard input in order, skipping blank lines", async () => {
    const input = "बैंक में बैक ऑफिस क्या काम करता है?\n\nWhat is the capital of France?\nback office kya hai\n";
    const r = await run("ask", ["--json"], { input });
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out.map((o) => o.question)).toEqual(["बैंक में बैक ऑफिस क्या काम करता है?", "What is the capital of France?", "back office kya hai"]);
    expect(out[0]).toMatchObject({ id: "back-office-bank", lang: "hi", answerLang: "hi", answer: corpus.byId.get("back-office-bank")!.answer.hi });
    expect(out[1]).toMatchObject({ id: null, answer: null, answerLang: null });
    expect(out[2]).toMatchObject({ id: "back-office", lang: "hi-Latn", answerLang: "hi" });
  });

  it("answers every line of hostile input with one valid JSON line each", async () => {
    const hostile = Buffer.concat([
      Buffer.from(`${"x".repeat(1024 * 1024)}\n`),
      Buffer.from("back\u0000office\u0000kya hai\n"),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x0a]),
      Buffer.from("\u200b\u200d\u202e back office \u0007\u001b[31m\n"),
      Buffer.from("<script>alert(1)</script> @everyone\n"),
      Buffer.from("\ud83d\ude00\ud83d\ude00\n"),
    ]);
    const r = await run("ask", ["--json"], { input: hostile });
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(6);
    for (const o of out) expect(o.id === null || corpus.byId.has(o.id as string)).toBe(true);
  });

  it("explains its choice with --explain", async () => {
    const r = await run("ask", ["--explain", "bak offise kya hai"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/bak\s+key=bk/);
    expect(r.stdout).toMatch(/back-office\s+score=/);
  });

  it("uses another corpus with --faq", async () => {
    const dir = corpusDir({ "a.yaml": { source: null, entries: [entry("tea-break", { questions: { en: ["when is the tea break"], hi: ["चाय का ब्रेक कब है"], "hi-Latn": ["chai break kab hai"] } })] } });
    const r = await run("ask", ["--json", "--faq", dir, "chai break kab hota hai"]);
    expect(lines(r.stdout)[0]).toMatchObject({ id: "tea-break", answer: "tea-break के बारे में।" });
  });

  it("fails with one line and exit code 2 on a bad setting or a broken corpus", async () => {
    const bad = await run("ask", ["--json", "hello"], { env: { LOG_LEVEL: "loud" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
    expect(bad.stderr).toMatch(/LOG_LEVEL must be one of/);
    const broken = await run("ask", ["--json", "--faq", corpusDir({ "x.yaml": "entries: [" }), "hello"]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/x\.yaml: -: invalid YAML/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});
