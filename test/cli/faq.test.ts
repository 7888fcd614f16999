import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { run } from "../helpers/run.js";
import { corpusDir, entry } from "../helpers/corpus.js";

describe("npm run faq", () => {
  it("lint passes on the shipped corpus", async () => {
    const r = await run("faq", ["lint"]);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("lint names the file and entry of each problem and exits 1", async () => {
    const dir = corpusDir({ "good.yaml": { entries: [entry("fine")] }, "bad.yaml": { entries: [entry("broken", { related: ["ghost"] }), { id: "half" }] } });
    const r = await run("faq", ["lint", "--faq", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.yaml: broken: related id "ghost" does not exist/);
    expect(r.stdout).toMatch(/bad\.yaml: half: questions/);
  });

  it("lint reports a section that is not among the article's headings", async () => {
    const source = { title: "Article", language: "hi", headings: ["Article", "Part one"] };
    const r = await run("faq", ["lint", "--faq", corpusDir({ "a.yaml": { source, entries: [entry("one", { section: ["Part one", "Part two"] })] } })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.yaml: one: section "Part two" is not one of the article's headings/);
  });

  it("lint flags a question that the matcher sends to another entry", async () => {
    const a = entry("alpha", { questions: { en: ["what is the cash counter"], hi: ["कैश काउंटर क्या है"], "hi-Latn": ["cash counter kya hai"] } });
    const b = entry("beta", { questions: { en: ["what is the cash counter"], hi: ["बीटा"], "hi-Latn": ["beta"] } });
    const r = await run("faq", ["lint", "--faq", corpusDir({ "a.yaml": { entries: [a, b] } })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a\.yaml: beta: question "what is the cash counter" collides with alpha/);
  });

  it("export prints the loaded corpus as one JSON document", async () => {
    const r = await run("faq", ["export"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { entries: { id: string; questions: Record<string, string[]>; answer: Record<string, string> }[] };
    const corpus = loadCorpus("faq");
    expect(doc.entries.map((e) => e.id)).toEqual(corpus.entries.map((e) => e.id));
    expect(doc.entries[0]!.questions["hi-Latn"]!.length).toBeGreaterThan(0);
    expect(doc.entries[0]!.answer.hi).toBe(corpus.entries[0]!.answer.hi);
    expect(doc.entries.find((e) => e.id === "difference")).toMatchObject({ sections: corpus.byId.get("difference")!.sections });
  });

  it("reports a corpus file that cannot be read as a problem, not a crash", async () => {
    const dir = corpusDir({ "good.yaml": { entries: [entry("fine")] } });
    mkdirSync(join(dir, "notes.yaml"));
    const r = await run("faq", ["lint", "--faq", dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/notes\.yaml: -: cannot be read \(EISDIR\)/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown command with usage and exit 2", async () => {
    const r = await run("faq", ["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage/);
  });
});
