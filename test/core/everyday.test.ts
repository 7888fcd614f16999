// The everyday word groups (src/everyday.ts): each word reads as its own group, and none changes how a word of the
// language or career lists reads, or stops a function word from being one.
import { describe, expect, it } from "vitest";
import { Analyzer } from "../../src/analyze.js";
import { GENERAL_CONCEPTS } from "../../src/everyday.js";
import { tokenize } from "../../src/normalize.js";
import { BASE_LEXICON, type Lexicon } from "../../src/vocabulary.js";

const words = (list: string) => list.split(/\s+/).filter(Boolean).flatMap(tokenize);
const withEveryday = new Analyzer(BASE_LEXICON);
const withoutEveryday = new Analyzer({
  ...BASE_LEXICON,
  concepts: Object.fromEntries(Object.entries(BASE_LEXICON.concepts).filter(([name]) => !(name in GENERAL_CONCEPTS))),
} satisfies Lexicon);

describe("everyday words", () => {
  it("each read as their own group", () => {
    const misread = Object.entries(GENERAL_CONCEPTS).flatMap(([name, list]) =>
      words(list)
        .map((w) => [w, withEveryday.analyzeWord(w).concept] as const)
        .filter(([, concept]) => concept !== `#${name}`)
        .map(([w, concept]) => `${w} (${name}) reads as ${concept ?? "no concept"}`),
    );
    expect(misread).toEqual([]);
  });

  it("leave every word of the language and career lists as it was: a concept, a function word or a plain word", () => {
    const changed = Object.entries(BASE_LEXICON.concepts)
      .filter(([name]) => !(name in GENERAL_CONCEPTS))
      .flatMap(([, list]) => list.flatMap(tokenize))
      .filter((w) => {
        const before = withoutEveryday.analyzeWord(w);
        const after = withEveryday.analyzeWord(w);
        return before.concept !== after.concept || before.stop !== after.stop;
      });
    expect(changed).toEqual([]);
  });

  it("are no function words (a group would make one a content word)", () => {
    const stops = Object.values(GENERAL_CONCEPTS).flatMap(words).filter((w) => withoutEveryday.analyzeWord(w).stop);
    expect(stops).toEqual([]);
  });
});
