// The kind model: what kind of thing a question asks (pay, training...), counted across career articles, and what
// it changes for a sparse article: an answer where its few phrasings miss the wording, and the order of its entries.
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KIND_NAMES, labelledQuestions, scopeQuestions } from "../../bin/kind-labels.js";
import { Analyzer } from "../../src/analyze.js";
import { CALIBRATION_INPUT } from "../../src/calibration.js";
import { loadCorpus } from "../../src/corpus.js";
import { KIND_COUNTS, SCOPE_COUNTS } from "../../src/kinds-data.js";
import { countKinds, KindModel, kindWords, SCOPE_KINDS, SCOPE_NEAR_MISS, shippedKinds, shippedScope } from "../../src/kinds.js";
import { Matcher } from "../../src/match.js";
import { BASE_LEXICON } from "../../src/vocabulary.js";
import { corpusDir, welderArticle, welderSafety } from "../helpers/corpus.js";

const analyzer = new Analyzer(BASE_LEXICON);
const words = (text: string) => kindWords(analyzer.analyzeQuestion(text).forms);
const likeliest = (model: KindModel, text: string) => {
  const p = model.posterior(words(text));
  return model.counts.kinds[p.indexOf(Math.max(...p))];
};

describe("KindModel", () => {
  const counts = countKinds(
    ["pay", "training"],
    [
      { kind: 0, words: ["#SALARY", "kitn"] },
      { kind: 0, words: ["#SALARY", "mnth"] },
      { kind: 1, words: ["#TRAINING", "kitn"] },
      { kind: 1, words: ["#TRAINING", "lrn"] },
      { kind: 1, words: ["once"] },
    ],
  );
  const model = new KindModel(counts);

  it("keeps only words seen in at least two questions", () => {
    expect(counts.words.split("\n").map((l) => l.split("\t")[0])).toEqual(["#SALARY", "#TRAINING", "kitn"]);
  });

  it("gives the kind whose questions use a word the higher chance, and chances that sum to one", () => {
    const p = model.posterior(["#SALARY"]);
    expect(p[0]).toBeGreaterThan(0.75);
    expect(p[0]! + p[1]!).toBeCloseTo(1, 9);
  });

  it("learns nothing from words it never saw, or from a word both kinds use alike: the share of questions decides", () => {
    const prior = model.posterior([]);
    expect(model.posterior(["neverseen"])).toEqual(prior);
    expect(prior[1]).toBeGreaterThan(prior[0]!);
    expect(model.posterior(["kitn"])[1]).toBeCloseTo(prior[1]!, 1);
  });
});

describe("kindWords", () => {
  it("reads a word's concept, else its phonetic key, in both scripts alike, each once", () => {
    expect(words("salary salary")).toEqual(["#SALARY"]);
    expect(words("सैलरी कितनी")).toEqual(words("salary kitni"));
  });
});

describe("the shipped kind model", () => {
  it("is what bin/kinds.ts counts from the test articles today (run it after changing them)", () => {
    expect(countKinds(KIND_NAMES, labelledQuestions())).toEqual(KIND_COUNTS);
    expect(countKinds(SCOPE_KINDS, scopeQuestions())).toEqual(SCOPE_COUNTS);
  });

  // (The last five kinds are the trades' and small businesses': what starting costs, papers, tools, customers, schemes.)
  it.each([
    ["how much do they make in a month", "pay"],
    ["इसमें कितना कमा लेते हैं", "pay"],
    ["kahan se seekhu, koi institute batao", "training"],
    ["what after 5 years, can i become a manager", "growth"],
    ["dukan kholne me kitna kharcha aayega", "cost"],
    ["शुरू करने में कितनी लागत आती है", "cost"],
    ["licence kaise banwaye, kaunse documents chahiye", "papers"],
    ["do I need to register with the municipality", "papers"],
    ["कौन सी मशीन और औजार चाहिए", "equipment"],
    ["how do I get more customers for my shop", "customers"],
    ["sarkari yojana ya loan milta hai kya", "schemes"],
  ])("reads %j as a question of the kind %s, in words no one article needs to use", (question, kind) => {
    expect(likeliest(shippedKinds(), question)).toBe(kind);
  });
});

describe("the shipped scope model", () => {
  const nearMiss = (text: string) => shippedScope().posterior(words(text))[SCOPE_NEAR_MISS]!;

  it("reads a customer's or another career's question as more likely a near miss than a job seeker's", () => {
    expect(nearMiss("MRI scan ka price kitna hai")).toBeGreaterThan(nearMiss("is job me salary kitni milti hai"));
    expect(nearMiss("customer care number kya hai")).toBeGreaterThan(nearMiss("iske liye kaun sa course karna padta hai"));
    expect(nearMiss("आज मौसम कैसा है")).toBeGreaterThan(nearMiss("इसमें कितनी कमाई होती है"));
  });
});

describe("a sparse article with the kind model", () => {
  const dir = corpusDir({ "welder.yaml": welderArticle() });
  copyFileSync("faq/smalltalk.yaml", join(dir, "smalltalk.yaml"));
  const corpus = loadCorpus(dir);
  const shipped = new Matcher(corpus);
  // (A model that knows no words: every question is of each kind by the share of questions alone.)
  const none = new KindModel({ ...KIND_COUNTS, words: "" });
  const blind = new Matcher(corpus, {}, { kinds: none });

  it("is surer of a pay question its phrasings never word that way than it is without the model", () => {
    // (An article of three entries and two phrasings each: neither answers it; a real article's pay entry, of six
    // phrasings a language, answers it either way.)
    const q = "how much does a welder make in a month";
    const sure = (m: Matcher) => m.match(q).calibration!.confidence;
    expect(shipped.match(q).candidates[0]?.id).toBe("wd-salary");
    expect(blind.match(q).candidates[0]?.id).toBe("wd-salary");
    expect(sure(shipped) - sure(blind)).toBeGreaterThan(0.08);
  });

  it("puts the entry of the kind asked first where the article's words lean elsewhere", () => {
    const q = "welder ki training kahan hoti hai";
    expect(shipped.match(q).candidates[0]?.id).toBe("wd-course");
    expect(blind.match(q).candidates[0]?.id).toBe("wd-what");
  });

  it("weighs a word it lacks less when covered questions use it far more than near misses ('possible'), not a near miss's ('cricket')", () => {
    const even = new Matcher(corpus, { unknownScopeFloor: 1 });
    const score = (m: Matcher, q: string) => m.match(q).candidates[0]!.score;
    expect(score(shipped, "welder salary after possible")).toBeGreaterThan(score(even, "welder salary after possible"));
    expect(score(shipped, "welder salary cricket")).toBe(score(even, "welder salary cricket"));
  });

  it("does not weigh kinds or near misses in a dense article", () => {
    const faq = loadCorpus("faq");
    const noScope = new KindModel({ ...SCOPE_COUNTS, words: "" });
    for (const q of ["how much do they make in a month", "MRI scan ka price kitna hai"]) {
      expect(new Matcher(faq).match(q)).toEqual(new Matcher(faq, {}, { kinds: none, scope: noScope }).match(q));
    }
  });
});

describe("the near-miss input of a sparse article", () => {
  const dir = corpusDir({ "welder.yaml": welderArticle(welderSafety()) });
  copyFileSync("faq/smalltalk.yaml", join(dir, "smalltalk.yaml"));
  // A scope model whose readers asked "welder" and "glazier" mostly in near misses (another article's, say, about
  // a welder's customers) and pay in covered questions.
  const asked = (text: string, kind: number, times: number) => Array.from({ length: times }, () => ({ kind, words: words(text) }));
  const scope = new KindModel(
    countKinds(SCOPE_KINDS, [...asked("welder", SCOPE_NEAR_MISS, 9), ...asked("glazier", SCOPE_NEAR_MISS, 9), ...asked("welder glazier", 0, 1), ...asked("salary kitni hai", 0, 20)]),
  );
  const matcher = new Matcher(loadCorpus(dir), {}, { scope });
  const nearMiss = (q: string) => matcher.match(q).calibration!.features[CALIBRATION_INPUT.nearMiss]!;

  it("reads no near miss in the name of the article's own career, however often other readers asked it so", () => {
    expect(nearMiss("welder ki salary kitni hoti hai")).toBe(nearMiss("ki salary kitni hoti hai"));
    expect(nearMiss("glazier ki salary kitni hoti hai")).toBeGreaterThan(nearMiss("welder ki salary kitni hoti hai"));
  });
});
