// Career names learned across articles: which words name a career, and a question about another career declined by
// an article that never names it, unless the question names the article's own career too.
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { testArticles, testCareerNames } from "../../bin/kind-labels.js";
import { learnCareerNames, subjectWords } from "../../src/careers.js";
import { CAREER_NAMES } from "../../src/careers-data.js";
import { loadCorpus } from "../../src/corpus.js";
import { CALIBRATION_INPUT } from "../../src/calibration.js";
import { Matcher } from "../../src/match.js";
import { corpusDir, welderArticle, welderSafety } from "../helpers/corpus.js";

const article = (...entries: string[]) => entries.map((e) => new Set(e.split(" ")));

describe("subjectWords", () => {
  it("names the words in at least the given share of an article's entries", () => {
    const welder = article("welder salary", "welder course", "welder kaam", "welder growth", "safety kaam");
    expect(subjectWords(welder, 0.8).sort()).toEqual(["welder"]);
    expect(subjectWords(welder, 0.4).sort()).toEqual(["kaam", "welder"]);
  });

  it("names none for an article of too few entries to tell", () => {
    expect(subjectWords(article("welder salary", "welder course", "welder kaam"), 0.5)).toEqual([]);
  });
});

describe("learnCareerNames", () => {
  const articles = ["welder", "baker", "tailor", "plumber"].map((career) =>
    article(`${career} salary`, `${career} course`, `${career} kaam`, `${career} growth`, `${career} salary`),
  );
  // One article of the four whose every entry also has a number and a single letter.
  const numbered = [article("welder salary 2024 x", "welder course 2024 x", "welder kaam 2024 x", "welder growth 2024 x"), ...articles.slice(1)];

  it("keeps each article's subject words that few articles use", () => {
    expect(learnCareerNames(articles, () => false, 0.5, 1)).toEqual(["baker", "plumber", "tailor", "welder"]);
  });

  it("leaves out words many articles use and general words", () => {
    // "salary" is in 2 of 5 entries of every article: a subject word at a share of 0.4, but used by four articles.
    expect(learnCareerNames(articles, (w) => w === "baker", 0.4, 3)).toEqual(["plumber", "tailor", "welder"]);
  });

  it("leaves out numbers and single letters, however often one article uses them", () => {
    expect(learnCareerNames(numbered, () => false, 0.5, 1)).toEqual(["baker", "plumber", "tailor", "welder"]);
  });
});

describe("the shipped career names", () => {
  it("are what bin/careers.ts learns from the test articles today (run it after changing them)", () => {
    expect(testCareerNames(testArticles())).toEqual([...CAREER_NAMES]);
  });

  it("name careers in both scripts, and not the words any career article uses", () => {
    expect(CAREER_NAMES).toEqual(expect.arrayContaining(["bartender", "plumber", "welder", "बारटेंडर"]));
    for (const general of ["salary", "job", "kaam", "course", "सैलरी", "kya"]) expect(CAREER_NAMES).not.toContain(general);
  });
});

describe("a sparse article and another career's name", () => {
  const dir = corpusDir({
    "welder.yaml": welderArticle(welderSafety()),
  });
  copyFileSync("faq/smalltalk.yaml", join(dir, "smalltalk.yaml"));
  const corpus = loadCorpus(dir);
  const knowing = new Matcher(corpus, {}, { careers: ["glazier", "eyes", "fabricator", "goggles"] });
  const unknowing = new Matcher(corpus, {}, { careers: [] });

  it("declines a question about a career it never names, which it would answer as its own without the names", () => {
    const q = "glazier ki salary kitni hoti hai";
    expect(knowing.match(q)).toMatchObject({ id: null, stage: "guard other-field" });
    expect(unknowing.match(q).id).toBe("wd-salary");
  });

  it("answers a question that names its own career beside the other", () => {
    expect(knowing.match("welder aur glazier me kiski salary zyada hai").id).toBe("wd-salary");
  });

  it("reads its own career's word right after another career's name as part of that name", () => {
    expect(knowing.match("fabricator welder ki salary kitni hoti hai")).toMatchObject({ id: null, stage: "guard other-field" });
    expect(knowing.match("welder aur fabricator welder me kiski salary zyada hai").id).toBe("wd-salary");
    expect(knowing.match("glazier aur welder me kiski salary zyada hai").id).toBe("wd-salary");
  });

  it("ignores a career name its answers use", () => {
    expect(knowing.match("goggles kaun se pehne").stage).not.toBe("guard other-field");
    expect(new Matcher(corpus, {}, { careers: ["visor"] }).match("visor kaun se pehne").stage).toBe("guard other-field");
  });

  it("judges only sparse articles: the shipped one answers as without the names", () => {
    const faq = loadCorpus("faq");
    const q = "cashier ki salary kitni hoti hai";
    expect(new Matcher(faq, {}, { careers: ["cashier", "glazier"] }).match(q)).toEqual(new Matcher(faq, {}, { careers: [] }).match(q));
  });

  it("ignores a career name its own questions use, even in one entry", () => {
    expect(knowing.match("eyes ki safety kaise kare").id).toBe("wd-safety");
  });

  it("tells the calibrated guard whether a question names the article's own career, and what it lacks when it does not", () => {
    const inputs = (m: Matcher, q: string) => {
      const f = m.match(q).calibration!.features;
      return { own: f[CALIBRATION_INPUT.ownCareer], elsewhere: f[CALIBRATION_INPUT.unknownElsewhere], unknown: f[CALIBRATION_INPUT.unknownShare] };
    };
    expect(inputs(unknowing, "welder ki salary kitni hoti hai bahrain me")).toMatchObject({ own: 1, elsewhere: 0 });
    const elsewhere = inputs(unknowing, "salary kitni hoti hai bahrain me");
    expect(elsewhere.own).toBe(-1);
    expect(elsewhere.elsewhere).toBeGreaterThan(0);
    expect(elsewhere.elsewhere).toBe(elsewhere.unknown);
    // (Three entries are too few to tell which words name the career: nothing to say.)
    const small = loadCorpus(corpusDir({ "welder.yaml": welderArticle(), "smalltalk.yaml": readFileSync("faq/smalltalk.yaml", "utf8") }));
    expect(inputs(new Matcher(small), "salary kitni hoti hai bahrain me")).toMatchObject({ own: 0, elsewhere: 0 });
  });
});
