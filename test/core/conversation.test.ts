// The conversation layer's replies to questions the article cannot answer: honest, in the asker's language.
import { describe, expect, it } from "vitest";
import { Conversation } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { Matcher } from "../../src/match.js";
import { message, sourceLine } from "../../src/messages.js";

const matcher = new Matcher(loadCorpus("faq"));
const conversation = new Conversation({ matcher: () => matcher });
const ask = (text: string) => conversation.reply({ text, userId: "u1", channel: "test" });

describe("questions the article does not cover", () => {
  it.each([
    ["How do I apply for a front office job?", "how to apply"],
    ["back office ki salary kitni hoti hai", "सैलरी"],
    ["बैंक में पासबुक अपडेट के लिए कौन से डॉक्यूमेंट चाहिए", "दस्तावेज़"],
  ] as const)("says the articles do not cover %j, naming what, instead of that it did not understand", (q, subject) => {
    const r = ask(q);
    expect(r.kind).not.toBe("answer");
    expect(r.text).toMatch(/don't cover|जानकारी नहीं है/);
    expect(r.text).toContain(subject);
  });

  it("still says it did not understand a question that is merely unclear", () => {
    expect(ask("office")).toMatchObject({ kind: "suggest", text: message("didYouMean", "en") });
  });
});

describe("the source of an answer", () => {
  it("is named in one line: one section, several, or none", () => {
    expect(sourceLine(["Back Office क्या होता है?"], "en")).toBe("Source: Back Office क्या होता है?");
    expect(sourceLine(["A", "B"], "en")).toBe("Sources: A · B");
    expect(sourceLine(["A", "B"], "hi")).toBe("स्रोत: A · B");
    expect(sourceLine([], "en")).toBeUndefined();
  });

  it("comes with each answer as the entry's sections", () => {
    const conversation = new Conversation({ matcher: () => new Matcher(loadCorpus("faq")) });
    const reply = conversation.preview("difference", "en");
    expect(reply?.kind === "answer" && reply.sections).toEqual(loadCorpus("faq").byId.get("difference")!.sections);
    const thanks = conversation.preview("thanks", "en");
    expect(thanks?.kind === "answer" && thanks.sections).toEqual([]);
  });
});
