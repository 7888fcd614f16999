import { describe, expect, it } from "vitest";
import { CorpusError, formatProblem, loadCorpus } from "../../src/corpus.js";
import { corpusDir, entry , shippedTexts } from "../helpers/corpus.js";

const TOPICS = [
  "job-types", "front-office", "front-office-bank", "front-office-hospital", "front-office-duties",
  "front-office-growth", "back-office", "back-office-duties", "back-office-importance", "back-office-bank",
  "coordination", "difference", "which-job",
];

function problemsOf(dir: string): string[] {
  try {
    loadCorpus(dir);
  } catch (err) {
    if (err instanceof CorpusError) return err.problems.map(formatProblem);
    throw err;
  }
  return [];
}

describe("the shipped corpus", () => {
  const corpus = loadCorpus("faq");

  it("has every topic of the article and the small talk", () => {
    const ids = corpus.entries.map((e) => e.id);
    for (const id of [...TOPICS, "greeting", "thanks", "help"]) expect(ids).toContain(id);
    for (const id of TOPICS) expect(corpus.byId.get(id)!.file).toMatch(/front-back-office\.yaml$/);
  });

  it("asks every article topic at least four ways in each language and answers in both", () => {
    for (const id of TOPICS) {
      const e = corpus.byId.get(id)!;
      for (const lang of ["en", "hi", "hi-Latn"] as const) expect(e.questions[lang].length, `${id} ${lang}`).toBeGreaterThanOrEqual(4);
      expect(e.answer.en.length).toBeGreaterThan(40);
      expect(e.answer.hi).toMatch(/[\u0900-\u097f]/);
      expect(e.section, id).toBeTruthy();
    }
  });

  it("writes the Hindi questions in Devanagari and the Hinglish ones in Latin letters", () => {
    for (const e of corpus.entries) {
      for (const q of e.questions.hi) expect(q, e.id).toMatch(/[\u0900-\u097f]/);
      for (const q of e.questions["hi-Latn"]) expect(q, e.id).not.toMatch(/[\u0900-\u097f]/);
    }
  });

  it("tells in its help answer what can be asked, and what the articles do not cover", () => {
    const help = shippedTexts().answer("help", "en");
    expect(help).toContain("front office and back office jobs");
    expect(help).toMatch(/don't cover pay/);
    expect(help).not.toMatch(/[{}]/);
  });
});

describe("loading a broken corpus", () => {
  it("names the file of invalid YAML", () => {
    const dir = corpusDir({ "a.yaml": { source: null, entries: [entry("one")] }, "b.yaml": "entries: [\n  - id: x\n  bad" });
    const problems = problemsOf(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/b\.yaml: -: invalid YAML/);
  });

  it("reports a missing language and an empty question with file and entry", () => {
    const noHindi = entry("no-hindi", { questions: { en: ["q"], "hi-Latn": ["q"] } });
    const empty = entry("empty-q", { questions: { en: ["  "], hi: ["क"], "hi-Latn": ["k"] } });
    const problems = problemsOf(corpusDir({ "c.yaml": { source: null, entries: [noHindi, empty] } }));
    expect(problems.some((p) => /c\.yaml: no-hindi: questions\.hi/.test(p))).toBe(true);
    expect(problems.some((p) => /c\.yaml: empty-q: questions\.en\.0: must not be empty/.test(p))).toBe(true);
  });

  it("reports a missing answer language", () => {
    const e = entry("no-answer", { answer: { en: "only English" } });
    expect(problemsOf(corpusDir({ "d.yaml": { source: null, entries: [e] } }))).toEqual([expect.stringMatching(/d\.yaml: no-answer: answer\.hi/)]);
  });

  it("reports an id used in two files, naming both", () => {
    const problems = problemsOf(corpusDir({ "a.yaml": { entries: [entry("same")] }, "b.yaml": { entries: [entry("same")] } }));
    expect(problems).toEqual([expect.stringMatching(/b\.yaml: same: duplicate id \(also in .*a\.yaml\)/)]);
  });

  it("reports a related id that does not exist", () => {
    const problems = problemsOf(corpusDir({ "a.yaml": { entries: [entry("one", { related: ["nowhere"] })] } }));
    expect(problems).toEqual([expect.stringMatching(/a\.yaml: one: related id "nowhere" does not exist/)]);
  });

  it("reports an id that is not kebab-case and a folder without corpus files", () => {
    expect(problemsOf(corpusDir({ "a.yaml": { entries: [entry("Bad Id")] } }))[0]).toMatch(/a\.yaml: Bad Id: id: id must be kebab-case/);
    expect(problemsOf(corpusDir({}))[0]).toMatch(/no corpus files/);
  });
});
