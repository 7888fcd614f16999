// The Telegram formatter on its own: escaping, callback data, keyboards, and splitting under 4,096 characters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  MAX_CALLBACK_DATA,
  MAX_MESSAGE_LENGTH,
  decodeAction,
  encodeAction,
  escapeHtml,
  formatInlineArticle,
  formatLangPrompt,
  formatReply,
  formatTopics,
  formatWelcome,
  splitHtml,
  visibleText,
  withoutFeedback,
  type ButtonAction,
  type OutgoingMessage,
} from "../../adapters/telegram-format.js";
import type { Reply } from "../../src/conversation.js";
import { loadCorpus } from "../../src/corpus.js";
import { bilingual, message } from "../../src/messages.js";
import { parseTelegramHtml } from "../fakes/telegram-bot-api.js";
import { answerReply } from "../helpers/replies.js";

const corpus = loadCorpus("faq");
const entry = (id: string) => corpus.byId.get(id)!;

const buttons = (m: OutgoingMessage | undefined) => m?.reply_markup?.inline_keyboard.flat() ?? [];
const squash = (s: string) => s.replace(/\s+/g, "");

/** Telegram would accept it: parses as its HTML, and both the markup and the visible text are within the limit. */
function expectValidMessage(m: OutgoingMessage, limit = MAX_MESSAGE_LENGTH): void {
  const parsed = parseTelegramHtml(m.text);
  expect(parsed, m.text.slice(0, 200)).toMatchObject({ ok: true });
  expect(m.text.length).toBeLessThanOrEqual(limit);
  for (const b of buttons(m)) {
    expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(MAX_CALLBACK_DATA);
    expect(b.text.length).toBeGreaterThan(0);
  }
}

describe("escapeHtml and visibleText", () => {
  it("escapes the three characters Telegram requires", () => {
    expect(escapeHtml(`<b>bold</b> & "q" 'a'`)).toBe(`&lt;b&gt;bold&lt;/b&gt; &amp; "q" 'a'`);
  });

  it("round-trips any text and always yields HTML Telegram parses", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        const html = escapeHtml(s);
        expect(visibleText(html)).toBe(s);
        const parsed = parseTelegramHtml(html);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) expect(parsed.text).toBe(s);
      }),
    );
  });

  it("decodes numeric entities and leaves invalid ones as text instead of throwing", () => {
    expect(visibleText("&#2309;&#x906; &#x1F44D;")).toBe("अआ 👍");
    for (const bad of ["&#99999999;", "&#x110000;", "&#xFFFFFFFFFF;", `&#${"9".repeat(400)};`, "&#xD800;", "&#56320;"]) {
      expect(() => visibleText(bad), bad).not.toThrow();
      expect(visibleText(`a ${bad} b`), bad).toBe(`a ${bad} b`);
    }
  });

  it("never throws on any input, entity-like or not", () => {
    const piece = fc.oneof(
      fc.constantFrom("&", "#", "x", "X", ";", "<", ">", "&amp;", "&#", "&#x", "b>", "</"),
      fc.stringMatching(/^[0-9a-fA-F]{1,12}$/),
      fc.string({ unit: "grapheme", maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(() => visibleText(pieces.join(""))).not.toThrow();
      }),
    );
  });
});

describe("callback data", () => {
  it("round-trips every kind of button and stays under 64 bytes", () => {
    const actions: ButtonAction[] = [
      { kind: "answer", how: "related", lang: "en", id: "back-office-bank" },
      { kind: "answer", how: "suggestion", lang: "hi", id: "difference" },
      { kind: "answer", how: "topic", lang: "en", id: "which-job" },
      { kind: "feedback", vote: "up", lang: "hi", id: "front-office" },
      { kind: "feedback", vote: "down", lang: "en", id: "front-office" },
      { kind: "lang", choice: "auto" },
    ];
    for (const a of actions) {
      const data = encodeAction(a)!;
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(decodeAction(data)).toEqual(a);
    }
    for (const e of corpus.entries) {
      expect(encodeAction({ kind: "answer", how: "suggestion", lang: "hi", id: e.id })).toBeDefined();
      expect(encodeAction({ kind: "feedback", vote: "down", lang: "hi", id: e.id })).toBeDefined();
    }
  });

  it("refuses data over 64 bytes and ignores data it did not make", () => {
    expect(encodeAction({ kind: "answer", how: "topic", lang: "en", id: "x".repeat(60) })).toBeUndefined();
    for (const junk of [undefined, "", "a:x:en:id", "f:+:fr:id", "l:de", "hello", "a:r:en:"]) expect(decodeAction(junk)).toBeUndefined();
  });
});

describe("formatReply", () => {
  it("renders an answer: bold title, the answer, the source named, related buttons, then 👍/👎", () => {
    const reply = answerReply("back-office");
    const [m, ...rest] = formatReply(reply);
    expect(rest).toEqual([]);
    expectValidMessage(m!);
    expect(m!.text.startsWith(`<b>${escapeHtml(reply.title)}</b>\n\n`)).toBe(true);
    expect(visibleText(m!.text)).toContain(reply.text);
    expect(visibleText(m!.text)).toContain("Source: Back Office क्या होता है?");
    const rows = m!.reply_markup!.inline_keyboard;
    expect(rows.slice(0, -1).map((r) => r[0]!.callback_data)).toEqual(reply.related.map((r) => `a:r:en:${r.id}`));
    expect(rows.at(-1)!.map((b) => b.callback_data)).toEqual(["f:+:en:back-office", "f:-:en:back-office"]);
    expect(rows.at(-1)!.map((b) => b.text)).toEqual(["👍", "👎"]);
  });

  it("labels a Hindi answer in Hindi and keeps the language on its buttons", () => {
    const reply = answerReply("difference", "hi");
    const [m] = formatReply(reply);
    expectValidMessage(m!);
    expect(visibleText(m!.text)).toContain(`${message("source", "hi")}: `);
    expect(buttons(m).every((b) => /^(a:r|f:[+-]):hi:/.test(b.callback_data))).toBe(true);
  });

  it("names every section an answer draws on", () => {
    const reply = answerReply("difference");
    expect(reply.sections.length).toBeGreaterThan(1);
    const [m] = formatReply(reply);
    expect(visibleText(m!.text)).toContain(`Sources: ${reply.sections.join(" · ")}`);
  });

  it("escapes markup and ampersands in corpus texts", () => {
    const reply = answerReply("back-office", "en", { title: "A <b> & C", text: `Use <script>alert(1)</script> & "quotes"`, sections: ["S & <i>"] });
    const [m] = formatReply(reply);
    expectValidMessage(m!);
    expect(m!.text).toContain("<b>A &lt;b&gt; &amp; C</b>");
    expect(m!.text).not.toContain("<script>");
    expect(visibleText(m!.text)).toContain(`Use <script>alert(1)</script> & "quotes"`);
    expect(visibleText(m!.text)).toContain("S & <i>");
  });

  it("offers 'did you mean' buttons for a suggestion", () => {
    const reply: Reply = {
      kind: "suggest",
      lang: "en",
      answerLang: "en",
      confidence: 0.4,
      text: message("didYouMean", "en"),
      suggestions: [
        { id: "front-office", title: entry("front-office").title.en },
        { id: "back-office", title: entry("back-office").title.en },
      ],
    };
    const [m] = formatReply(reply);
    expectValidMessage(m!);
    expect(visibleText(m!.text)).toBe(message("didYouMean", "en"));
    expect(buttons(m).map((b) => b.callback_data)).toEqual(["a:s:en:front-office", "a:s:en:back-office"]);
    expect(buttons(m).map((b) => b.text)).toEqual([entry("front-office").title.en, entry("back-office").title.en]);
  });

  it("falls back politely and points at /topics when it does not know", () => {
    const none: Reply = { kind: "none", reason: "unknown", lang: "hi", answerLang: "hi", confidence: 0, text: message("fallback", "hi"), suggestions: [] };
    const [m] = formatReply(none);
    expectValidMessage(m!);
    expect(visibleText(m!.text)).toBe(`${message("fallback", "hi")}\n\n/topics`);
    expect(m!.reply_markup).toBeUndefined();
    const empty: Reply = { ...none, reason: "empty", text: message("empty", "hi") };
    expect(formatReply(empty)[0]!.text).toBe(escapeHtml(message("empty", "hi")));
  });

  it("leaves out a button whose data would not fit, and shortens long labels", () => {
    const reply = answerReply("back-office", "en", {
      related: [
        { id: "x".repeat(70), title: "Too long an id" },
        { id: "front-office", title: "T".repeat(200) },
      ],
    });
    const [m] = formatReply(reply);
    expectValidMessage(m!);
    const related = m!.reply_markup!.inline_keyboard.slice(0, -1).flat();
    expect(related.map((b) => b.callback_data)).toEqual(["a:r:en:front-office"]);
    expect(Array.from(related[0]!.text).length).toBeLessThanOrEqual(60);
    expect(related[0]!.text.endsWith("…")).toBe(true);
  });

  it("splits a 6,000-character answer under the limit with the buttons under the last part", () => {
    const sentence = (i: number) => `Sentence ${i} says <that> front & back offices work together.`;
    const paragraphs = Array.from({ length: 14 }, (_, p) => Array.from({ length: 8 }, (_, s) => sentence(p * 8 + s)).join(" "));
    const text = paragraphs.join("\n\n");
    expect(text.length).toBeGreaterThan(6000);
    const parts = formatReply(answerReply("back-office", "en", { text }));
    expect(parts.length).toBeGreaterThanOrEqual(2);
    parts.forEach((m) => expectValidMessage(m));
    expect(parts.slice(0, -1).every((m) => m.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)!.reply_markup).toBeDefined();
    // Cut at a paragraph: every part but the last ends where a paragraph ends.
    for (const m of parts.slice(0, -1)) expect(m.text.endsWith("together.")).toBe(true);
    expect(squash(parts.map((m) => visibleText(m.text)).join(""))).toContain(squash(text));
  });
});

describe("splitHtml", () => {
  it("returns a short text unchanged", () => {
    expect(splitHtml("<b>hi</b> there", 100)).toEqual(["<b>hi</b> there"]);
  });

  it("closes and reopens a tag cut in two, and never cuts an entity", () => {
    const html = `<b>${"&amp; ".repeat(40)}</b>`;
    const parts = splitHtml(html, 64);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(64);
      expect(p.startsWith("<b>")).toBe(true);
      expect(p.endsWith("</b>")).toBe(true);
      expect(parseTelegramHtml(p).ok).toBe(true);
      expect(p.replace(/<\/?b>/g, "").replace(/&amp;/g, "").trim()).toBe("");
    }
  });

  it("prefers a sentence end to a space, and keeps Devanagari letters whole", () => {
    const hi = "बैक ऑफिस कंपनी की रीढ़ होता है। ".repeat(20);
    const parts = splitHtml(escapeHtml(hi), 100);
    for (const p of parts.slice(0, -1)) expect(p.endsWith("है।")).toBe(true);
    expect(squash(parts.join(""))).toBe(squash(hi));
  });

  it("cuts a text without spaces as late as it can", () => {
    const parts = splitHtml("x".repeat(250), 100);
    expect(parts.map((p) => p.length)).toEqual([100, 100, 50]);
  });

  it("keeps every part valid and under the limit, losing nothing but whitespace at cuts", () => {
    const word = fc.oneof(
      fc.constantFrom("back", "office", "<b>", "&", "&amp;", "A&B", "<", ">", "बैंक", "ऑफिस", "क्या", "है।", "👍", "e\u0301", "\n", "\n\n", ". ", "? "),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 120 }), fc.string({ maxLength: 30 }), fc.integer({ min: 40, max: 400 }), (words, title, limit) => {
        const body = words.join(" ");
        const html = `<b>${escapeHtml(title)}</b>\n\n${escapeHtml(body)}\n\n<i>${escapeHtml(title)}</i>`;
        const parts = splitHtml(html, limit);
        if (html.length <= limit) expect(parts).toEqual([html]);
        else for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(limit);
          expect(parseTelegramHtml(p)).toMatchObject({ ok: true });
          expect(visibleText(p).trim()).not.toBe("");
        }
        expect(squash(parts.map(visibleText).join(""))).toBe(squash(visibleText(html)));
      }),
      { numRuns: 300 },
    );
  });
});

describe("menus", () => {
  const topics = corpus.entries.filter((e) => !e.smalltalk).map((e) => ({ id: e.id, title: e.title.hi }));

  it("the welcome is bilingual with a button per topic", () => {
    const welcome = bilingual("welcome", () => ({ topics: "<b>jobs</b>" }));
    const [m] = formatWelcome(welcome, topics, "hi");
    expectValidMessage(m!);
    expect(visibleText(m!.text)).toBe(welcome);
    expect(buttons(m).map((b) => b.callback_data)).toEqual(topics.map((t) => `a:t:hi:${t.id}`));
  });

  it("the topics list has a heading and a button per topic", () => {
    const m = formatTopics(topics, "hi");
    expectValidMessage(m);
    expect(visibleText(m.text)).toBe(message("topics", "hi"));
    expect(buttons(m).map((b) => b.text)).toEqual(topics.map((t) => t.title));
  });

  it("the language prompt offers en, hi and auto", () => {
    const m = formatLangPrompt("en");
    expectValidMessage(m);
    expect(buttons(m).map((b) => b.callback_data)).toEqual(["l:en", "l:hi", "l:auto"]);
    expect(visibleText(m.text)).toBe(message("langUsage", "en"));
  });

  it("takes the 👍/👎 row away after a vote and keeps the rest", () => {
    const [m] = formatReply(answerReply("back-office"));
    const after = withoutFeedback(m!.reply_markup);
    expect(after!.inline_keyboard.flat().some((b) => b.callback_data.startsWith("f:"))).toBe(false);
    expect(after!.inline_keyboard.length).toBe(m!.reply_markup!.inline_keyboard.length - 1);
    expect(withoutFeedback({ inline_keyboard: [[{ text: "👍", callback_data: "f:+:en:x" }]] })).toBeUndefined();
  });
});

describe("formatInlineArticle", () => {
  it("carries the escaped answer as HTML message text", () => {
    const reply = answerReply("back-office-bank");
    const article = formatInlineArticle(reply, "What does the back office do in a bank?")!;
    expect(article).toMatchObject({ type: "article", id: "back-office-bank", title: reply.title, description: "What does the back office do in a bank?" });
    const content = article.input_message_content as { message_text: string; parse_mode: string };
    expect(content.parse_mode).toBe("HTML");
    expect(parseTelegramHtml(content.message_text).ok).toBe(true);
    expect(visibleText(content.message_text)).toContain(reply.text);
  });

  it("describes a result by the answer's start, not by the title it already shows, when the title was the match", () => {
    const reply = answerReply("back-office-bank");
    const article = formatInlineArticle(reply, reply.title)!;
    expect(article.description).not.toBe(reply.title);
    expect(reply.text.startsWith(article.description!.replace(/…$/, ""))).toBe(true);
  });

  it("shortens an answer over the limit with an ellipsis", () => {
    const reply = answerReply("back-office", "en", { text: "Word & <more>. ".repeat(600) });
    const content = formatInlineArticle(reply)!.input_message_content as { message_text: string };
    expect(content.message_text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(content.message_text.endsWith("…")).toBe(true);
    expect(parseTelegramHtml(content.message_text).ok).toBe(true);
  });
});
