// Turns core replies into Discord message payloads (embeds, buttons) within Discord's limits, and defines the slash commands.
// Pure: no client, no network. Every text comes from the core (answers) or src/messages.ts (everything else).
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ComponentType,
  InteractionContextType,
  MessageFlags,
  type APIActionRowComponent,
  type APIApplicationCommandOptionChoice,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type RESTPutAPIApplicationCommandsJSONBody,
} from "discord.js";
import type { Reply, Topic } from "../src/conversation.js";
import { message, sourceLine, type MessageId } from "../src/messages.js";
import type { AnswerLang } from "../src/types.js";

/** Discord's limits (https://discord.com/developers/docs/resources/message, .../interactions/message-components). */
export const LIMITS = Object.freeze({
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedTotal: 6000,
  customId: 100,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
});

/** A message body as the Discord API takes it (POST /channels/:id/messages, an interaction callback's data). */
export interface DiscordPayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** Always empty: nobody is ever pinged, not even the asker of a reply. */
  allowed_mentions: { parse: []; replied_user: false };
  /** 64 (ephemeral) for replies only the asker should see. */
  flags?: number;
}

export interface FormatOptions {
  /** The user's question: the embed's title. Absent for a pressed button (then the entry's title is used). */
  readonly question?: string;
  /** The reply answers a slash command: a fallback or "did you mean" is then shown to the asker only. */
  readonly slash?: boolean;
  /** Show everything to the asker only (buttons pressed in a server channel). */
  readonly ephemeral?: boolean;
}

const NO_MENTIONS = Object.freeze({ parse: [] as [], replied_user: false as const });
const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Cuts `text` to at most `max` UTF-16 units (never more than Discord's count, which is in code points), on a
 * grapheme boundary so no Devanagari vowel sign or emoji half is left dangling, preferring a word boundary near
 * the end, and marks the cut with "…".
 */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return "";
  const budget = max - 1; // room for the ellipsis
  let end = 0;
  for (const { segment, index } of segmenter.segment(text)) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  let head = text.slice(0, end);
  const space = head.search(/\s\S*$/);
  if (space > budget * 0.8) head = head.slice(0, space);
  return `${head.trimEnd()}…`;
}

/** Makes user-typed text inert wherever it is echoed: no @everyone, @here or <@id> can ping, even without allowed_mentions. */
export function inert(text: string): string {
  return text.replace(/@(everyone|here)/gi, "@\u200b$1").replace(/<@/g, "<\u200b@");
}

// ---- Buttons: custom ids ------------------------------------------------------------------------------------------

/** What a button does when pressed, as carried in its custom_id. */
export type ButtonAction =
  | { readonly kind: "answer"; readonly how: "related" | "suggestion" | "topic"; readonly lang: AnswerLang; readonly id: string }
  | { readonly kind: "feedback"; readonly vote: "up" | "down"; readonly lang: AnswerLang; readonly id: string };

const HOW_CODE = { related: "r", suggestion: "s", topic: "t" } as const;
const CODE_HOW = { r: "related", s: "suggestion", t: "topic" } as const;

/** The custom_id for a button, or undefined when it would not fit Discord's 100 characters. */
export function customId(action: ButtonAction): string | undefined {
  const id =
    action.kind === "answer" ? `faq:${HOW_CODE[action.how]}:${action.lang}:${action.id}` : `faq:f:${action.vote}:${action.lang}:${action.id}`;
  return id.length <= LIMITS.customId ? id : undefined;
}

/** Reads a custom_id made by customId(); null for anything else (another bot's, an old format). */
export function parseCustomId(id: string): ButtonAction | null {
  const answer = /^faq:([rst]):(en|hi):(.+)$/.exec(id);
  if (answer) return { kind: "answer", how: CODE_HOW[answer[1] as "r" | "s" | "t"], lang: answer[2] as AnswerLang, id: answer[3]! };
  const feedback = /^faq:f:(up|down):(en|hi):(.+)$/.exec(id);
  if (feedback) return { kind: "feedback", vote: feedback[1] as "up" | "down", lang: feedback[2] as AnswerLang, id: feedback[3]! };
  return null;
}

type Style = ButtonStyle.Primary | ButtonStyle.Secondary;

function button(action: ButtonAction, label: string, style: Style): APIButtonComponentWithCustomId | undefined {
  const custom_id = customId(action);
  const text = cut(label.trim(), LIMITS.buttonLabel);
  if (!custom_id || text === "") return undefined;
  return { type: ComponentType.Button, style, label: text, custom_id };
}

/** Lays buttons out in rows of five, at most `maxRows` rows; the rest are dropped. */
function rows(buttons: readonly (APIButtonComponentWithCustomId | undefined)[], maxRows: number): DiscordPayload["components"] {
  const kept = buttons.filter((b): b is APIButtonComponentWithCustomId => b !== undefined).slice(0, maxRows * LIMITS.buttonsPerRow);
  const out: DiscordPayload["components"] = [];
  for (let i = 0; i < kept.length; i += LIMITS.buttonsPerRow) {
    out.push({ type: ComponentType.ActionRow, components: kept.slice(i, i + LIMITS.buttonsPerRow) });
  }
  return out;
}

function topicButtons(topics: readonly Topic[], how: "related" | "suggestion" | "topic", lang: AnswerLang, style: Style) {
  return topics.map((t) => button({ kind: "answer", how, lang, id: t.id }, t.title, style));
}

function feedbackRow(id: string, lang: AnswerLang): DiscordPayload["components"][number] | undefined {
  const up = customId({ kind: "feedback", vote: "up", lang, id });
  const down = customId({ kind: "feedback", vote: "down", lang, id });
  if (!up || !down) return undefined;
  return {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👍" }, custom_id: up },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, emoji: { name: "👎" }, custom_id: down },
    ],
  };
}

// ---- Replies --------------------------------------------------------------------------------------------------------

/** The Discord message for a core reply. */
export function formatReply(reply: Reply, options: FormatOptions = {}): DiscordPayload {
  const lang = reply.answerLang;
  if (reply.kind === "answer") {
    const title = cut(inert(options.question?.trim() || reply.title), LIMITS.embedTitle);
    const source = sourceLine(reply.sections, lang);
    const footer = source ? cut(source, LIMITS.embedFooter) : undefined;
    const room = Math.min(LIMITS.embedDescription, LIMITS.embedTotal - title.length - (footer?.length ?? 0));
    const embed: APIEmbed = { title, description: cut(reply.text, room) };
    if (footer) embed.footer = { text: footer };
    const feedback = feedbackRow(reply.id, lang);
    const components = rows(topicButtons(reply.related, "related", lang, ButtonStyle.Secondary), feedback ? LIMITS.rows - 1 : LIMITS.rows);
    if (feedback) components.push(feedback);
    return withFlags({ embeds: [embed], components, allowed_mentions: { ...NO_MENTIONS } }, options.ephemeral);
  }
  const how = reply.kind === "suggest" ? "suggestion" : "topic";
  return withFlags(
    {
      content: cut(reply.text, LIMITS.content),
      embeds: [],
      components: rows(topicButtons(reply.suggestions, how, lang, ButtonStyle.Primary), LIMITS.rows),
      allowed_mentions: { ...NO_MENTIONS },
    },
    options.ephemeral || options.slash,
  );
}

/** The topic list (/topics): a heading and one button per topic; topics beyond 25 buttons are listed as text. */
export function formatTopics(topics: readonly Topic[], lang: AnswerLang, options: { ephemeral?: boolean } = {}): DiscordPayload {
  const max = LIMITS.rows * LIMITS.buttonsPerRow;
  const rest = topics.slice(max).map((t) => `• ${t.title}`);
  return withFlags(
    {
      content: cut([message("topics", lang), ...rest].join("\n"), LIMITS.content),
      embeds: [],
      components: rows(topicButtons(topics, "topic", lang, ButtonStyle.Secondary), LIMITS.rows),
      allowed_mentions: { ...NO_MENTIONS },
    },
    options.ephemeral,
  );
}

/** A plain text message (help, a language confirmation, thanks, an error). */
export function formatText(text: string, options: { ephemeral?: boolean } = {}): DiscordPayload {
  return withFlags({ content: cut(text, LIMITS.content), embeds: [], components: [], allowed_mentions: { ...NO_MENTIONS } }, options.ephemeral);
}

function withFlags(payload: DiscordPayload, ephemeral: boolean | undefined): DiscordPayload {
  return ephemeral ? { ...payload, flags: MessageFlags.Ephemeral } : payload;
}

/** Every text of a payload a user can see, each with the limit it must keep. */
export function visibleParts(payload: Pick<DiscordPayload, "content" | "embeds" | "components">): { text: string; limit: number; part: string }[] {
  const parts: { text: string; limit: number; part: string }[] = [];
  if (payload.content) parts.push({ text: payload.content, limit: LIMITS.content, part: "content" });
  for (const e of payload.embeds ?? []) {
    if (e.title) parts.push({ text: e.title, limit: LIMITS.embedTitle, part: "embed.title" });
    if (e.description) parts.push({ text: e.description, limit: LIMITS.embedDescription, part: "embed.description" });
    if (e.footer?.text) parts.push({ text: e.footer.text, limit: LIMITS.embedFooter, part: "embed.footer" });
  }
  for (const row of payload.components ?? []) {
    for (const b of row.components) if ("label" in b && b.label) parts.push({ text: b.label, limit: LIMITS.buttonLabel, part: "button.label" });
  }
  return parts;
}

// ---- Autocomplete ---------------------------------------------------------------------------------------------------

/** Autocomplete choices from conversation.complete(): at most 25, names and values 1-100 characters, no duplicates. */
export function formatChoices(completions: readonly { question: string }[]): APIApplicationCommandOptionChoice<string>[] {
  const seen = new Set<string>();
  const out: APIApplicationCommandOptionChoice<string>[] = [];
  for (const c of completions) {
    const value = cut(c.question.trim(), LIMITS.choiceValue);
    if (value === "" || seen.has(value)) continue;
    seen.add(value);
    out.push({ name: cut(c.question.trim(), LIMITS.choiceName), value });
    if (out.length === LIMITS.choices) break;
  }
  return out;
}

// ---- Slash commands -------------------------------------------------------------------------------------------------

/** The command and option names the adapter dispatches on (the base, English, names). */
export const COMMANDS = Object.freeze({
  ask: message("discordAskName", "en"),
  question: message("discordQuestionName", "en"),
  topics: message("discordTopicsName", "en"),
  lang: message("discordLangName", "en"),
  language: message("discordLanguageName", "en"),
  help: message("discordHelpName", "en"),
});

function named(nameId: MessageId, descriptionId: MessageId) {
  return {
    name: message(nameId, "en"),
    name_localizations: { hi: message(nameId, "hi") },
    description: message(descriptionId, "en"),
    description_localizations: { hi: message(descriptionId, "hi") },
  };
}

function choice(id: MessageId, value: string): APIApplicationCommandOptionChoice<string> {
  return { name: message(id, "en"), name_localizations: { hi: message(id, "hi") }, value };
}

/**
 * The slash commands: /ask question (autocompleted), /topics, /lang language (en, hi, auto), /help, with Hindi
 * names and descriptions for Discord's `hi` locale. `global` adds where they may be used (servers and DMs with the bot).
 */
export function commandDefinitions(options: { global?: boolean } = {}): RESTPutAPIApplicationCommandsJSONBody {
  const where = options.global
    ? { contexts: [InteractionContextType.Guild, InteractionContextType.BotDM], integration_types: [ApplicationIntegrationType.GuildInstall] }
    : {};
  return [
    {
      type: ApplicationCommandType.ChatInput,
      ...named("discordAskName", "discordAskDescription"),
      ...where,
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named("discordQuestionName", "discordQuestionDescription"),
          required: true,
          autocomplete: true,
          max_length: 6000,
        },
      ],
    },
    { type: ApplicationCommandType.ChatInput, ...named("discordTopicsName", "discordTopicsDescription"), ...where },
    {
      type: ApplicationCommandType.ChatInput,
      ...named("discordLangName", "discordLangDescription"),
      ...where,
      options: [
        {
          type: ApplicationCommandOptionType.String,
          ...named("discordLanguageName", "discordLanguageDescription"),
          required: true,
          choices: [choice("discordLangChoiceEn", "en"), choice("discordLangChoiceHi", "hi"), choice("discordLangChoiceAuto", "auto")],
        },
      ],
    },
    { type: ApplicationCommandType.ChatInput, ...named("discordHelpName", "discordHelpDescription"), ...where },
  ];
}
