import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { run } from "../helpers/run.js";
import { corpusDir, entry } from "../helpers/corpus.js";

describe("npm run faq", () => {
  it("lint passes on the shipped corpus, without a warning: every question, small talk's too, leads back to its entry", async () => {
    const r = await run("faq", ["lint"]);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toContain("warning");
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

  it("lint reports a question of one article that another article's entry asks too, and only warns within an article", async () => {
    const source = (title: string) => ({ title, language: "hi" });
    const nurse = { source: source("Nurse"), entries: [entry("nurse-pay", { questions: { en: ["what is the pay of a nurse"], hi: ["नर्स का वेतन"], "hi-Latn": ["nurse ka vetan"] } }), entry("nurse-what", { questions: { en: ["who is a nurse", "what is it"], hi: ["नर्स कौन है"], "hi-Latn": ["nurse kaun hai"] } })] };
    const clerk = {
      source: source("Clerk"),
      entries: [
        entry("clerk-pay", { questions: { en: ["what is the pay of a clerk", "what is the pay of a nurse?"], hi: ["क्लर्क का वेतन"], "hi-Latn": ["clerk ka vetan"] } }),
        entry("clerk-exam", { questions: { en: ["which exam does a clerk pass"], hi: ["क्लर्क की परीक्षा"], "hi-Latn": ["clerk ka exam"] } }),
        entry("clerk-hours", { questions: { en: ["what are a clerk's hours"], hi: ["क्लर्क के घंटे"], "hi-Latn": ["clerk ke ghante"] } }),
      ],
    };
    const r = await run("faq", ["lint", "--faq", corpusDir({ "nurse.yaml": nurse, "clerk.yaml": clerk })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/nurse\.yaml: nurse-pay: question "what is the pay of a nurse" collides with clerk-pay/);
    expect(r.stderr).toMatch(/warning: .*nurse\.yaml: nurse-what: question "what is it" is answered by/);
  });

  it("lint warns of an entry's title that another entry answers (a title is matched as one more question)", async () => {
    const pay = entry("nurse-pay", { questions: { en: ["what is the salary of a nurse", "how much does a nurse earn"], hi: ["नर्स की सैलरी कितनी है"], "hi-Latn": ["nurse ki salary kitni hai"] } });
    const what = entry("nurse-what", { title: { en: "Nurse salary", hi: "नर्स कौन है" }, questions: { en: ["who is a nurse"], hi: ["नर्स कौन होती है"], "hi-Latn": ["nurse kaun hai"] } });
    const r = await run("faq", ["lint", "--faq", corpusDir({ "nurse.yaml": { source: { title: "Nurse", language: "hi" }, entries: [pay, what] } })]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*nurse\.yaml: nurse-what: title "Nurse salary" is answered by nurse-pay/);
  });

  it("lint checks an article's lexicon block", async () => {
    const article = (lexicon: unknown) => ({ source: { title: "T", language: "hi" }, entries: [entry("one")], lexicon });
    const r = await run("faq", ["lint", "--faq", corpusDir({ "t.yaml": article({ synonym: { a: ["b"] } }), "u.yaml": article({ phrases: { x: ["/(open/"] } }) })]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/t\.yaml: -: lexicon.*synonym/);
    expect(r.stdout).toMatch(/u\.yaml: -: lexicon\.phrases\.x: "\/\(open\/" is not a valid expression/);
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
