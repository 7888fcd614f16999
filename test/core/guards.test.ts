import { describe, expect, it } from "vitest";
import { loadCorpus } from "../../src/corpus.js";
import { firstObjecting, GUARDS, type GuardFacts } from "../../src/guards.js";
import { Matcher, type Candidate } from "../../src/match.js";

// Each guard of the matcher is a named rule over the facts the "judge" stage finds about the best candidates.
const candidate = (id: string, score: number, coverage: number): Candidate => ({ id, score, coverage, question: "q", questionLang: "en", matched: [] });
const calm: GuardFacts = {
  best: candidate("back-office", 0.9, 0.9),
  second: candidate("front-office", 0.5, 0.5),
  lacking: undefined,
  declared: false,
  lackingLabel: undefined,
  fields: [],
  offTopic: false,
  ambiguous: false,
  scoreBar: 0.5,
  coverageBar: 0.5,
  calibration: undefined,
  asWritten: false,
};
const guard = (name: string) => GUARDS.find((g) => g.name === name)!;

describe("the guards", () => {
  it("come in a fixed order, each with a name", () => {
    expect(GUARDS.map((g) => g.name)).toEqual(["uncovered-subject", "other-field", "small-talk-off-topic", "ambiguous", "not-sure-enough"]);
  });

  it("let a clear, confident best candidate answer", () => {
    for (const g of GUARDS) expect(g.objects(calm), g.name).toBe(false);
    expect(firstObjecting(calm)).toBeUndefined();
  });

  it("uncovered-subject: a subject the best entry answers no question about", () => {
    const facts = { ...calm, lacking: "#PAY", lackingLabel: { en: "pay", hi: "वेतन" } };
    expect(guard("uncovered-subject").objects(facts)).toBe(true);
    expect(guard("uncovered-subject").why(facts)).toBe("it asks about pay, and back-office answers no such question");
  });

  it("uncovered-subject: in a sparse article, only when the calibrated model is not sure either", () => {
    const lacking = { ...calm, lacking: "#SALARY", lackingLabel: { en: "pay", hi: "वेतन" } };
    const judged = (model: "sparse" | "dense", confidence: number) => ({ ...lacking, calibration: { features: [], confidence, bar: 0.7, model } });
    expect(guard("uncovered-subject").objects(judged("sparse", 0.9))).toBe(false);
    expect(guard("uncovered-subject").objects(judged("sparse", 0.5))).toBe(true);
    expect(guard("uncovered-subject").objects(judged("dense", 0.9))).toBe(true);
    // A subject the best entry's article says it does not cover (its `not_covered`) is declined however sure the model is.
    expect(guard("uncovered-subject").objects({ ...judged("sparse", 0.9), lacking: "#UNIFORM", declared: true })).toBe(true);
    expect(guard("uncovered-subject").objects({ ...judged("sparse", 0.9), lacking: "#UNIFORM", declared: false })).toBe(false);
    expect(guard("uncovered-subject").why(judged("sparse", 0.5))).toBe("it asks about pay, and back-office answers no such question, and the model is not sure (calibrated confidence 0.500 against 0.70, score 0.900)");
  });

  it("other-field: another line of work no article covers", () => {
    const facts = { ...calm, fields: ["nurse"] };
    expect(guard("other-field").objects(facts)).toBe(true);
    expect(guard("other-field").why(facts)).toBe("it asks about nurse, which no article covers");
  });

  it("small-talk-off-topic: small talk for a question about a topic", () => {
    const facts = { ...calm, best: candidate("greeting", 0.9, 0.9), offTopic: true };
    expect(guard("small-talk-off-topic").objects(facts)).toBe(true);
    expect(guard("small-talk-off-topic").why(facts)).toBe("greeting is small talk and the question is about a topic");
  });

  it("ambiguous: two entries too close to choose", () => {
    const facts = { ...calm, ambiguous: true };
    expect(guard("ambiguous").objects(facts)).toBe(true);
    expect(guard("ambiguous").why(facts)).toBe("back-office and front-office fit equally well");
  });

  it("not-sure-enough: not for one of the best entry's own phrasings, asked as written", () => {
    const unsure = { ...calm, calibration: { features: [], confidence: 0.4, bar: 0.7, model: "sparse" as const } };
    expect(guard("not-sure-enough").objects(unsure)).toBe(true);
    expect(guard("not-sure-enough").objects({ ...unsure, asWritten: true })).toBe(false);
  });

  it("not-sure-enough: below either bar", () => {
    const g = guard("not-sure-enough");
    expect(g.objects({ ...calm, best: candidate("back-office", 0.4, 0.9) })).toBe(true);
    expect(g.objects({ ...calm, best: candidate("back-office", 0.9, 0.4) })).toBe(true);
    expect(g.objects({ ...calm, best: candidate("back-office", 0.5, 0.5) })).toBe(false);
    expect(g.why({ ...calm, best: candidate("back-office", 0.4, 0.9) })).toBe("not sure enough (score 0.400 against 0.50, coverage 0.900 against 0.50)");
  });

  it("not-sure-enough, in a calibrated article: below the calibrated chance, whatever the score and coverage", () => {
    const g = guard("not-sure-enough");
    const calibrated = (confidence: number, score: number) => ({ ...calm, best: candidate("gym-salary", score, score), calibration: { features: [], confidence, bar: 0.6, model: "sparse" as const } });
    expect(g.objects(calibrated(0.5, 0.95))).toBe(true);
    expect(g.objects(calibrated(0.6, 0.3))).toBe(false);
    expect(g.why(calibrated(0.5, 0.95))).toBe("not sure enough (calibrated confidence 0.500 against 0.60, score 0.950)");
  });

  it("the first that objects decides", () => {
    const facts = { ...calm, best: candidate("back-office", 0.1, 0.1), ambiguous: true, fields: ["chef"] };
    expect(firstObjecting(facts)?.name).toBe("other-field");
    expect(firstObjecting({ ...facts, fields: [] })?.name).toBe("ambiguous");
  });

  it("decide a real question with their words", () => {
    const matcher = new Matcher(loadCorpus("faq"));
    expect(matcher.match("passbook kaise update karu").decision).toMatch(/^no answer: it asks about procedures/);
    expect(matcher.match("office").decision).toMatch(/^no answer: .* fit equally well$/);
    expect(matcher.match("front office uniform").decision).toMatch(/^no answer: not sure enough \(calibrated confidence/);
  });
});
