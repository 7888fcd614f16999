import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/normalize.js";

describe("tokenize", () => {
  it("lower-cases and splits Devanagari from Latin runs", () => expect(tokenize("Front Officeमें काम")).toEqual(["front", "office", "में", "काम"]));

  it("folds the ways one Hindi word is typed into one", () => {
    // The nukta is dropped, chandrabindu is anusvara, and aa with a candra sign is the candra o.
    expect(tokenize("ज़िम्मेदारी")).toEqual(tokenize("जिम्मेदारी"));
    expect(tokenize("हाँ")).toEqual(tokenize("हां"));
    expect(tokenize("जाॅब")).toEqual(tokenize("जॉब"));
    // A glide at a word's end is the plain vowel; "ये" (these) alone, and ये inside a word, stay.
    expect(tokenize("गये लिये चाहिये कमायी गयीं")).toEqual(tokenize("गए लिए चाहिए कमाई गईं"));
    expect(tokenize("ये नयेपन")).toEqual(["ये", "नयेपन"]);
    // ...also right before a danda, as Hindi writers end a sentence.
    expect(tokenize("मुझे नौकरी चाहिये।")).toEqual(["मुझे", "नौकरी", "चाहिए"]);
  });
});
