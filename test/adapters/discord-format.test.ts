// The Discord formatter: every payload within Discord's limits, buttons that round-trip, nobody pinged, commands valid.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commandDefinitions,
  customId,
  cut,
  formatChoices,
  formatReply,
  formatText,
  formatTopics,
  inert,
  parseCustomId,
  type DiscordPayload,
} from "../../adapters/discord-format.js";
import { plainQuestion, restApiRoot } from "../../adapters/discord.js";
import type { Reply, Topic } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { message } from "../../src/messages.js";
import { payloadProblems } from "../fakes/discord.js";
import { answerReply } from "../helpers/replies.js";

const corpus = loadCorpus("faq");

/** Every limit Discord enforces on a message payload. */
function expectWithinLimits(payload: Partial<DiscordPayload>): void {
  expect(payloadProblems(payload)).toEqual([]);
}

const answer = (id: string, lang: "en" | "hi" = "en"): Reply => answerReply(id, lang);

describe("cut", () => {
  it("leaves short texts alone and marks a cut with an ellipsis", () => {
    expect(cut("hello", 5)).toBe("hello");
    const c = cut("one two three four five", 12);
    expect(c.length).toBeLessThanOrEqual(12);
    expect(c.endsWith("…")).toBe(true);
  });

  it("never splits a Devanagari syllable or an emoji", () => {
    const hindi = "बैंक में बैक ऑफिस क्या काम करता है";
    for (let max = 2; max < hindi.length; max++) {
      const c = cut(hindi, max).replace(/…$/, "");
      expect(hindi.startsWith(c)).toBe(true);
      // A cut never ends on a lone vowel sign's base with its sign left out: the next char is not a combining mark.
      expect(/^[\u0900-\u0903\u093a-\u094f\u0962\u0963]/.test(hindi.slice(c.length))).toBe(false);
    }
    expect(cut("👍👍👍👍", 4)).toBe("👍…");
  });

  it("keeps any text within any limit", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), fc.integer({ min: 0, max: 300 }), (text, max) => {
        const c = cut(text, max);
        expect(c.length).toBeLessThanOrEqual(Math.max(max, 0));
        if (text.length <= max) expect(c).toBe(text);
      }),
    );
  });
});

describe("inert", () => {
  it("defuses @everyone, @here and user mentions", () => {
    expect(inert("@everyone @here <@123> <@!4>")).not.toMatch(/@everyone|@here|<@\d|<@!/);
  });
});

describe("button ids", () => {
  it("round-trip and stay within 100 characters", () => {
    for (const e of corpus.entries) {
      for (const how of ["related", "suggestion", "topic"] as const) {
        const id = customId({ kind: "answer", how, lang: "hi", id: e.id })!;
        expect(id.length).toBeLessThanOrEqual(100);
        expect(parseCustomId(id)).toEqual({ kind: "answer", how, lang: "hi", id: e.id });
      }
      const f = customId({ kind: "feedback", vote: "down", lang: "en", id: e.id })!;
      expect(parseCustomId(f)).toEqual({ kind: "feedback", vote: "down", lang: "en", id: e.id });
    }
  });

  it("are refused when too long and unknown ids parse to null", () => {
    expect(customId({ kind: "answer", how: "topic", lang: "en", id: "x".repeat(100) })).toBeUndefined();
    expect(parseCustomId("something-else")).toBeNull();
    expect(parseCustomId("faq:x:en:id")).toBeNull();
  });
});

describe("formatReply", () => {
  it("shows an answer as an embed: question as title, answer, source in the footer, related and 👍/👎 buttons", () => {
    const p = formatReply(answer("back-office-bank"), { question: "What does the back office do in a bank?" });
    expectWithinLimits(p);
    expect(p.embeds[0]!.title).toBe("What does the back office do in a bank?");
    expect(p.embeds[0]!.description).toBe(corpus.byId.get("back-office-bank")!.answer.en);
    expect(p.embeds[0]!.footer!.text).toBe("Source: Back Office क्या होता है?");
    const both = formatReply(answer("back-office-importance"));
    expect(both.embeds[0]!.footer!.text).toBe("Sources: Back Office क्या होता है? · बैक ऑफिस की जिम्मेदारी");
    const ids = p.components.flatMap((r) => r.components.map((b) => parseCustomId(b.custom_id)));
    expect(ids.filter((a) => a?.kind === "answer").map((a) => a!.id)).toEqual(corpus.byId.get("back-office-bank")!.related);
    expect(ids.filter((a) => a?.kind === "feedback").map((a) => a?.kind === "feedback" && a.vote)).toEqual(["up", "down"]);
    expect(p.flags).toBeUndefined();
  });

  it("uses the entry's title when there is no question (a pressed button) and can be ephemeral", () => {
    const p = formatReply(answer("difference", "hi"), { ephemeral: true });
    expect(p.embeds[0]!.title).toBe(corpus.byId.get("difference")!.title.hi);
    expect(p.flags).toBe(64);
  });

  it("keeps a pasted @everyone inert in the title", () => {
    const p = formatReply(answer("back-office"), { question: "@everyone what is back office <@123>" });
    expect(p.embeds[0]!.title).not.toMatch(/@everyone|<@\d/);
    expect(p.allowed_mentions.parse).toEqual([]);
  });

  it("offers suggestions as buttons, ephemeral for slash commands", () => {
    const suggest: Reply = {
      kind: "suggest",
      lang: "en",
      answerLang: "en",
      confidence: 0.3,
      text: message("didYouMean", "en"),
      suggestions: [
        { id: "front-office", title: "Front" },
        { id: "back-office", title: "Back" },
      ],
    };
    const p = formatReply(suggest, { slash: true });
    expectWithinLimits(p);
    expect(p.content).toBe(message("didYouMean", "en"));
    expect(p.components[0]!.components.map((b) => b.custom_id)).toEqual(["faq:s:en:front-office", "faq:s:en:back-office"]);
    expect(p.flags).toBe(64);
    expect(formatReply(suggest).flags).toBeUndefined();
  });

  it("shows the fallback as text, ephemeral for slash commands only", () => {
    const none: Reply = { kind: "none", reason: "unknown", lang: "en", answerLang: "en", confidence: 0, text: message("fallback", "en"), suggestions: [] };
    expect(formatReply(none, { slash: true })).toMatchObject({ content: message("fallback", "en"), embeds: [], components: [], flags: 64 });
    expect(formatReply(none).flags).toBeUndefined();
  });

  it("keeps every reply within Discord's limits, whatever its size", () => {
    const topic = fc.record({ id: fc.stringMatching(/^[a-z][a-z0-9-]{0,120}$/), title: fc.string({ minLength: 1, maxLength: 200 }) });
    const text = fc.string({ unit: "grapheme", maxLength: 9000 });
    const reply: fc.Arbitrary<Reply> = fc.oneof(
      fc.record({
        kind: fc.constant("answer" as const),
        id: fc.stringMatching(/^[a-z][a-z0-9-]{0,120}$/),
        lang: fc.constantFrom("en" as const, "hi" as const),
        answerLang: fc.constantFrom("en" as const, "hi" as const),
        confidence: fc.constant(1),
        title: fc.string({ minLength: 1, maxLength: 400 }),
        text: text.filter((t) => t.trim() !== ""),
        sections: fc.array(fc.string({ minLength: 1, maxLength: 3000 }), { maxLength: 5 }),
        related: fc.array(topic, { maxLength: 40 }),
      }),
      fc.record({
        kind: fc.constant("suggest" as const),
        lang: fc.constant("en" as const),
        answerLang: fc.constant("en" as const),
        confidence: fc.constant(0.2),
        text: text.filter((t) => t.trim() !== ""),
        suggestions: fc.array(topic, { maxLength: 40 }),
      }),
    );
    fc.assert(
      fc.property(reply, fc.option(fc.string({ maxLength: 7000 }), { nil: undefined }), fc.boolean(), (r, question, slash) => {
        expectWithinLimits(formatReply(r, { question, slash }));
      }),
      { numRuns: 200 },
    );
  });
});

describe("formatTopics, formatText, formatChoices", () => {
  it("lists topics as buttons, at most 25, the rest as text", () => {
    const topics: Topic[] = Array.from({ length: 30 }, (_, i) => ({ id: `topic-${i}`, title: `Topic ${i}` }));
    const p = formatTopics(topics, "en", { ephemeral: true });
    expectWithinLimits(p);
    expect(p.components.flatMap((r) => r.components)).toHaveLength(25);
    expect(p.content).toContain("Topic 29");
    expect(p.flags).toBe(64);
  });

  it("cuts long texts to 2,000 characters", () => {
    const p = formatText("x".repeat(5000));
    expectWithinLimits(p);
    expect(p.content!.length).toBeLessThanOrEqual(2000);
  });

  it("gives at most 25 distinct choices of 1-100 characters", () => {
    const many = Array.from({ length: 60 }, (_, i) => ({ question: i % 2 ? `question ${i} ${"long ".repeat(40)}` : "same question" }));
    const choices = formatChoices([{ question: "  " }, ...many]);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    for (const c of choices) {
      expect(c.name.length).toBeGreaterThan(0);
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe("commandDefinitions", () => {
  const NAME = /^[-_'\p{L}\p{N}\p{sc=Devanagari}]{1,32}$/u;
  const check = (o: { name: string; description: string; name_localizations?: unknown; description_localizations?: unknown }) => {
    const loc = o as { name_localizations: { hi: string }; description_localizations: { hi: string } };
    for (const name of [o.name, loc.name_localizations.hi]) {
      expect(name).toMatch(NAME);
      expect(name).toBe(name.toLowerCase());
    }
    for (const d of [o.description, loc.description_localizations.hi]) {
      expect(d.length).toBeGreaterThan(0);
      expect(d.length).toBeLessThanOrEqual(100);
    }
  };

  it("defines /ask (autocompleted), /topics, /lang (en, hi, auto) and /help, each with Hindi names and descriptions", () => {
    const defs = commandDefinitions();
    expect(defs.map((d) => d.name)).toEqual(["ask", "topics", "lang", "help"]);
    for (const d of defs) {
      check(d as never);
      for (const o of (d as { options?: never[] }).options ?? []) check(o);
      expect(d).not.toHaveProperty("contexts");
    }
    const ask = defs[0] as { options: { name: string; required: boolean; autocomplete: boolean }[] };
    expect(ask.options[0]).toMatchObject({ name: "question", required: true, autocomplete: true });
    const lang = defs[2] as { options: { choices: { value: string; name: string; name_localizations: { hi: string } }[] }[] };
    expect(lang.options[0]!.choices.map((c) => c.value)).toEqual(["en", "hi", "auto"]);
    for (const c of lang.options[0]!.choices) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.name_localizations.hi.length).toBeGreaterThan(0);
    }
    expect(new Set(defs.map((d) => (d as { name_localizations: { hi: string } }).name_localizations.hi)).size).toBe(4);
  });

  it("lets global commands be used in servers and in DMs with the bot", () => {
    for (const d of commandDefinitions({ global: true })) expect(d).toMatchObject({ contexts: [0, 1], integration_types: [0] });
  });
});

describe("restApiRoot", () => {
  it("takes the API root without the version, tolerating a trailing slash or /v10", () => {
    expect(restApiRoot(undefined)).toBeUndefined();
    expect(restApiRoot("http://127.0.0.1:3000/api")).toBe("http://127.0.0.1:3000/api");
    expect(restApiRoot("http://127.0.0.1:3000/api/")).toBe("http://127.0.0.1:3000/api");
    expect(restApiRoot("http://127.0.0.1:3000/api/v10/")).toBe("http://127.0.0.1:3000/api");
  });
});

describe("plainQuestion", () => {
  it("drops Discord markup: mentions, @everyone/@here, custom emoji", () => {
    expect(plainQuestion("<@123> @everyone what is <#456> back office <@&789> <:think:1234> <a:wave:99>? @here")).toBe("what is back office ?");
    expect(plainQuestion("  बैंक   में  <@!42> बैक ऑफिस ")).toBe("बैंक में बैक ऑफिस");
  });
});
