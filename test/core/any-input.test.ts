import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";
import { cleanText } from "../../src/normalize.js";
import { TUNING } from "../../src/tuning.js";

const corpus = loadCorpus("faq");
const matcher = new Matcher(corpus);
const conversation = new Conversation({ matcher: () => matcher });

// Pieces real hostile input is made of: controls, zero-width and bidi marks, lone surrogates, emoji, markup.
const nasty = fc.constantFrom(
  "\u0000", "\u0007", "\u001b[31m", "\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\ud800", "\udfff", "😀", "👍🏽",
  "<b>", "</script>", "&amp;", "@everyone", "<@123>", "```", "\n", "\r\n", "\t", "ऑफिस", "फ्रंट", "क्या", "office", "bak", "्", "ं",
);
const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.array(fc.oneof(nasty, fc.string({ maxLength: 8 })), { maxLength: 60 }).map((parts) => parts.join("")),
);

describe("any input", () => {
  it("never throws, and gives no answer or a real entry with a confidence in 0..1", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const r = matcher.match(text);
        expect(r.id === null || corpus.byId.has(r.id)).toBe(true);
        expect(r.confidence).toBeGreaterThanOrEqual(0);
        expect(r.confidence).toBeLessThanOrEqual(1);
        for (const s of r.suggestions) expect(corpus.byId.has(s)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("always gets a reply with something to say", () => {
    fc.assert(
      fc.property(hostile, fc.string({ maxLength: 20 }), (text, userId) => {
        const reply = conversation.reply({ text, userId, channel: "terminal" });
        expect(["answer", "suggest", "none"]).toContain(reply.kind);
        expect(reply.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it("cleans text to well-formed, visible, bounded characters", () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const clean = cleanText(text);
        expect(clean.isWellFormed()).toBe(true);
        expect(clean).not.toMatch(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u);
        expect([...clean].length).toBeLessThanOrEqual(TUNING.maxQuestionChars);
      }),
      { numRuns: 400 },
    );
  });

  it("cuts a huge question before matching, and still answers it", () => {
    const huge = `back office kya hai ${"x".repeat(5_000_000)}`;
    const r = matcher.match(huge);
    expect([...r.clean].length).toBeLessThanOrEqual(TUNING.maxQuestionChars);
    expect(r.id === null || corpus.byId.has(r.id)).toBe(true);
  });
});
