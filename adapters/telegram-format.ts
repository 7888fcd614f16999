// Renders core replies as Telegram messages: HTML parse mode with every corpus text escaped, inline keyboards whose
// callback data stays under 64 bytes, and long texts split under 4,096 characters without cutting a tag or an entity.
// Pure: no I/O, no telegraf runtime, so it is tested on its own.
import type { InlineQueryResultArticle } from "telegraf/types";
import type { Reply, Topic } from "../src/conversation.js";
import { message, sourceLine } from "../src/messages.js";
import type { AnswerLang, LangChoice } from "../src/types.js";

/** Telegram's limit on one message's text (and on an inline result's message text). */
export const MAX_MESSAGE_LENGTH = 4096;
/** Telegram's limit on a button's callback data, in bytes. */
export const MAX_CALLBACK_DATA = 64;
/** Longer button labels are shortened: Telegram shows about this much on a phone anyway. */
const MAX_BUTTON_TEXT = 60;

export interface CallbackButton {
  readonly text: string;
  readonly callback_data: string;
}

export interface InlineKeyboard {
  readonly inline_keyboard: readonly (readonly CallbackButton[])[];
}

/** One message to send: HTML text and an optional inline keyboard. */
export interface OutgoingMessage {
  readonly text: string;
  readonly reply_markup?: InlineKeyboard;
}

/** How a pressed entry button was offered; recorded with the choice. */
export type ChoiceHow = "suggestion" | "related" | "topic";

/** What a button press asks for, encoded in its callback data. */
export type ButtonAction =
  | { readonly kind: "answer"; readonly how: ChoiceHow; readonly lang: AnswerLang; readonly id: string }
  | { readonly kind: "feedback"; readonly vote: "up" | "down"; readonly lang: AnswerLang; readonly id: string }
  | { readonly kind: "lang"; readonly choice: LangChoice };

const HOW_CODE: Record<ChoiceHow, string> = { suggestion: "s", related: "r", topic: "t" };
const CODE_HOW: Record<string, ChoiceHow> = { s: "suggestion", r: "related", t: "topic" };

/**
 * Callback data for an action: `a:<s|r|t>:<lang>:<id>` (an entry), `f:<+|->:<lang>:<id>` (feedback), `l:<choice>`.
 * The answer language travels with the button so a press answers in the language the user was reading.
 * Undefined when the data would not fit in 64 bytes (the button is then left out).
 */
export function encodeAction(action: ButtonAction): string | undefined {
  const data =
    action.kind === "answer"
      ? `a:${HOW_CODE[action.how]}:${action.lang}:${action.id}`
      : action.kind === "feedback"
        ? `f:${action.vote === "up" ? "+" : "-"}:${action.lang}:${action.id}`
        : `l:${action.choice}`;
  return Buffer.byteLength(data, "utf8") <= MAX_CALLBACK_DATA ? data : undefined;
}

/** Parses callback data made by encodeAction; undefined for anything else (old or forged buttons). */
export function decodeAction(data: string | undefined): ButtonAction | undefined {
  if (!data) return undefined;
  let m = /^a:([srt]):(en|hi):(.+)$/.exec(data);
  if (m) return { kind: "answer", how: CODE_HOW[m[1]!]!, lang: m[2] as AnswerLang, id: m[3]! };
  m = /^f:([+-]):(en|hi):(.+)$/.exec(data);
  if (m) return { kind: "feedback", vote: m[1] === "+" ? "up" : "down", lang: m[2] as AnswerLang, id: m[3]! };
  m = /^l:(en|hi|auto)$/.exec(data);
  if (m) return { kind: "lang", choice: m[1] as LangChoice };
  return undefined;
}

/** Escapes text for Telegram's HTML parse mode (the three characters it requires escaped). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

/** A numeric character reference's code point, when it names a Unicode scalar value (not a surrogate, not past U+10FFFF). */
function scalarOf(code: number): number | undefined {
  return Number.isSafeInteger(code) && code >= 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? code : undefined;
}

/** The text a user sees for an HTML message: tags dropped, entities decoded. Never throws: an invalid entity stays as text. */
export function visibleText(html: string): string {
  return html
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === "#") {
        const code = scalarOf(name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
        return code === undefined ? whole : String.fromCodePoint(code);
      }
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

function buttonText(title: string): string {
  const chars = Array.from(title.replace(/\s+/g, " ").trim());
  return chars.length <= MAX_BUTTON_TEXT ? chars.join("") : `${chars.slice(0, MAX_BUTTON_TEXT - 1).join("").trimEnd()}…`;
}

function button(text: string, action: ButtonAction): CallbackButton[] {
  const data = encodeAction(action);
  return data ? [{ text: buttonText(text), callback_data: data }] : [];
}

/** One button per row (titles are long), leaving out any whose data would not fit. */
function topicRows(topics: readonly Topic[], how: ChoiceHow, lang: AnswerLang): CallbackButton[][] {
  return topics.map((t) => button(t.title, { kind: "answer", how, lang, id: t.id })).filter((row) => row.length > 0);
}

function keyboard(rows: readonly (readonly CallbackButton[])[]): InlineKeyboard | undefined {
  const kept = rows.filter((r) => r.length > 0);
  return kept.length ? { inline_keyboard: kept } : undefined;
}

/** Splits `html` into messages and puts the keyboard under the last one. */
function messages(html: string, markup: InlineKeyboard | undefined, limit: number): OutgoingMessage[] {
  const parts = splitHtml(html, limit);
  return parts.map((text, i) => (i === parts.length - 1 && markup ? { text, reply_markup: markup } : { text }));
}

/** The HTML of an answer: bold title, the answer, the source sections named. */
function answerHtml(reply: Extract<Reply, { kind: "answer" }>): string {
  const blocks = [`<b>${escapeHtml(reply.title)}</b>`, escapeHtml(reply.text)];
  const source = sourceLine(reply.sections, reply.answerLang);
  if (source) blocks.push(`<i>${escapeHtml(source)}</i>`);
  return blocks.join("\n\n");
}

/** The messages for a core reply, each under `limit` characters, the buttons under the last one. */
export function formatReply(reply: Reply, limit = MAX_MESSAGE_LENGTH): OutgoingMessage[] {
  const lang = reply.answerLang;
  if (reply.kind === "answer") {
    let html = answerHtml(reply);
    const related = topicRows(reply.related, "related", lang);
    if (related.length) html += `\n\n${escapeHtml(message("related", lang))}:`;
    const feedback = [
      ...button("👍", { kind: "feedback", vote: "up", lang, id: reply.id }),
      ...button("👎", { kind: "feedback", vote: "down", lang, id: reply.id }),
    ];
    return messages(html, keyboard([...related, feedback]), limit);
  }
  if (reply.kind === "suggest") {
    return messages(escapeHtml(reply.text), keyboard(topicRows(reply.suggestions, "suggestion", lang)), limit);
  }
  // Not known: the polite fallback, pointing at /topics (a tappable command in Telegram).
  const html = reply.reason === "unknown" ? `${escapeHtml(reply.text)}\n\n/topics` : escapeHtml(reply.text);
  return messages(html, keyboard(topicRows(reply.suggestions, "topic", lang)), limit);
}

/** The topics list: a heading and one button per topic. */
export function formatTopics(topics: readonly Topic[], lang: AnswerLang): OutgoingMessage {
  const markup = keyboard(topicRows(topics, "topic", lang));
  return markup ? { text: escapeHtml(message("topics", lang)), reply_markup: markup } : { text: escapeHtml(message("topics", lang)) };
}

/** The /start greeting: the welcome (in Hindi and English), then the topics as buttons. */
export function formatWelcome(welcome: string, topics: readonly Topic[], lang: AnswerLang, limit = MAX_MESSAGE_LENGTH): OutgoingMessage[] {
  return messages(escapeHtml(welcome), keyboard(topicRows(topics, "topic", lang)), limit);
}

/** Plain text (help, confirmations), escaped and split. */
export function formatText(text: string, limit = MAX_MESSAGE_LENGTH): OutgoingMessage[] {
  return messages(escapeHtml(text), undefined, limit);
}

/** The /lang prompt: the usage line and a button per choice. */
export function formatLangPrompt(lang: AnswerLang): OutgoingMessage {
  const rows = [
    [...button("English", { kind: "lang", choice: "en" }), ...button("हिंदी", { kind: "lang", choice: "hi" })],
    button(message("telegramLangAuto", lang), { kind: "lang", choice: "auto" }),
  ];
  return { text: escapeHtml(message("langUsage", lang)), reply_markup: keyboard(rows)! };
}

/** The keyboard without its 👍/👎 row (after a vote), or undefined when nothing is left. */
export function withoutFeedback(markup: { inline_keyboard: readonly (readonly unknown[])[] } | undefined): InlineKeyboard | undefined {
  if (!markup) return undefined;
  const rows = markup.inline_keyboard
    .map((row) => row.filter((b): b is CallbackButton => isCallbackButton(b) && decodeAction(b.callback_data)?.kind !== "feedback"))
    .filter((row) => row.length > 0);
  return rows.length ? { inline_keyboard: rows } : undefined;
}

function isCallbackButton(b: unknown): b is CallbackButton {
  return typeof b === "object" && b !== null && typeof (b as CallbackButton).text === "string" && typeof (b as CallbackButton).callback_data === "string";
}

/**
 * An inline-mode result for an answer: the title and a description to pick from, the answer (HTML, escaped) as the
 * message sent, shortened with "…" when over the limit. Undefined when the id does not fit Telegram's 64 bytes.
 */
export function formatInlineArticle(
  reply: Extract<Reply, { kind: "answer" }>,
  description?: string,
  limit = MAX_MESSAGE_LENGTH,
): InlineQueryResultArticle | undefined {
  if (Buffer.byteLength(reply.id, "utf8") > 64) return undefined;
  const parts = splitHtml(answerHtml(reply), limit - 1);
  const text = parts.length > 1 ? `${parts[0]}…` : parts[0]!;
  const chars = Array.from(reply.text);
  const start = chars.slice(0, 120).join("") + (chars.length > 120 ? "…" : "");
  return {
    type: "article",
    id: reply.id,
    title: reply.title,
    // (The matched question may be the entry's title itself, which the result already shows: then the answer's start.)
    description: description !== undefined && description !== reply.title ? description : start,
    input_message_content: { message_text: text, parse_mode: "HTML", link_preview_options: { is_disabled: true } },
  };
}

// ---- splitting ----------------------------------------------------------------------------------------------

interface Token {
  readonly raw: string;
  /** For tags: the tag name, lower case. */
  readonly tag?: string;
  readonly closing?: boolean;
}

const graphemes = new Intl.Segmenter("und", { granularity: "grapheme" });

/** Tags, entities and single graphemes (a letter stays with its vowel signs): the units a split may fall between. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>|&(?:#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z][a-zA-Z0-9]*);|[^<&]+|[<&]/g;
  for (const m of html.matchAll(re)) {
    if (m[2]) tokens.push({ raw: m[0], tag: m[2].toLowerCase(), closing: m[1] === "/" });
    else if (m[0].length > 1 && m[0][0] !== "&") pushText(tokens, m[0]);
    else tokens.push({ raw: m[0] });
  }
  return tokens;
}

/** Text as graphemes, a word at a time (segmenting one long string at once is slow in V8). */
function pushText(tokens: Token[], text: string): void {
  for (const piece of text.split(/(\s)/u)) {
    if (piece === "") continue;
    if (piece.length > 1000) for (const c of piece) tokens.push({ raw: c });
    else if (piece.length === 1) tokens.push({ raw: piece });
    else for (const g of graphemes.segment(piece)) tokens.push({ raw: g.segment });
  }
}

const SENTENCE_END = new Set([".", "!", "?", "।", "॥", "…", ":", ";"]);
const isSpace = (t: Token | undefined) => t !== undefined && !t.tag && /^\s+$/u.test(t.raw);

/** How good a place to cut is the point after token i: 0 paragraph, 1 line, 2 sentence, 3 word, 4 anywhere. */
function boundaryRank(tokens: readonly Token[], i: number): number {
  const t = tokens[i];
  if (t?.raw === "\n") return tokens[i - 1]?.raw === "\n" ? 0 : 1;
  if (isSpace(t)) {
    // Look back over closing tags and quotes for the sentence's last mark.
    for (let j = i - 1; j >= 0; j--) {
      const p = tokens[j]!;
      if (p.tag || p.raw === '"' || p.raw === "'" || p.raw === ")" || p.raw === "”" || p.raw === "&quot;") continue;
      return SENTENCE_END.has(p.raw) ? 2 : 3;
    }
    return 3;
  }
  return 4;
}

const closers = (stack: readonly Token[]) =>
  stack
    .slice()
    .reverse()
    .map((t) => `</${t.tag}>`)
    .join("");

/** The open tags after token t (a new array when t changes them: snapshots are shared, never mutated). */
function applyTag(stack: readonly Token[], t: Token): readonly Token[] {
  if (!t.tag) return stack;
  if (t.closing) {
    const at = stack.map((s) => s.tag).lastIndexOf(t.tag);
    return at >= 0 ? [...stack.slice(0, at), ...stack.slice(at + 1)] : stack;
  }
  return t.raw.endsWith("/>") ? stack : [...stack, t];
}

/**
 * Splits HTML into parts of at most `limit` characters (UTF-16 units, counting the markup, so Telegram's limit on
 * the visible text is always met). Cuts at the last paragraph break, else line break, else sentence end, else space
 * in the second half of the window, else at the last possible token; never inside a tag or an entity. Tags open at a
 * cut are closed at the end of the part and reopened at the start of the next. Whitespace at cuts is dropped.
 */
export function splitHtml(html: string, limit = MAX_MESSAGE_LENGTH): string[] {
  if (limit < 32) throw new RangeError("splitHtml: limit too small");
  if (html.length <= limit) return [html];
  const tokens = tokenize(html);
  const parts: string[] = [];
  let start = 0;
  let open: readonly Token[] = [];
  while (start < tokens.length) {
    // No part starts with whitespace.
    while (start < tokens.length && isSpace(tokens[start])) start++;
    if (start >= tokens.length) break;
    const prefix = open.map((t) => t.raw).join("");
    let stack = open;
    let closing = closers(stack).length;
    let length = prefix.length;
    let end = start;
    // The last cut seen for each rank (where it ends, the tags open there, the length there), and the last of all.
    const best: (Cut | undefined)[] = [];
    let last: Cut | undefined;
    for (; end < tokens.length; end++) {
      const t = tokens[end]!;
      const next = applyTag(stack, t);
      const nextClosing = next === stack ? closing : closers(next).length;
      if (length + t.raw.length + nextClosing > limit && end > start) break;
      length += t.raw.length;
      stack = next;
      closing = nextClosing;
      last = { end: end + 1, stack, length };
      best[boundaryRank(tokens, end)] = last;
    }
    if (end >= tokens.length) {
      const body = tokens.slice(start).map((t) => t.raw).join("");
      pushPart(parts, prefix + body, "");
      break;
    }
    // The best kind of boundary in the second half of the window, else a hard cut as late as possible.
    const cut = best.slice(0, 4).find((b) => b !== undefined && b.length >= limit / 2) ?? last!;
    const body = tokens.slice(start, cut.end).map((t) => t.raw).join("");
    pushPart(parts, prefix + body, closers(cut.stack));
    start = cut.end;
    open = cut.stack;
  }
  return parts;
}

interface Cut {
  readonly end: number;
  readonly stack: readonly Token[];
  readonly length: number;
}

function pushPart(parts: string[], text: string, closing: string): void {
  const trimmed = text.replace(/\s+$/u, "") + closing;
  if (visibleText(trimmed).trim() !== "") parts.push(trimmed);
}
