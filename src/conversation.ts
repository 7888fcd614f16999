// The conversation layer every channel uses: an incoming message as plain data in, a reply as plain data out.
import type { Matcher, MatchResult } from "./match.js";
import { bilingual, message } from "./messages.js";
import { answerText, corpusVars } from "./describe.js";
import { matchMessage, type Part } from "./parts.js";
import { detectLang } from "./lang.js";
import { cleanText } from "./normalize.js";
import type { RateDecision, RateLimiter } from "./ratelimit.js";
import type { SharedState } from "./store/store.js";
import { answerLangFor, type AnswerLang, type Entry, type LangChoice, type QuestionLang } from "./types.js";

/** A question as it reaches the bot from any channel. */
export interface IncomingMessage {
  readonly text: string;
  /** Stable id of the user within the channel (never shown or stored raw). */
  readonly userId: string;
  /** `terminal`, `telegram`, `discord`, ... */
  readonly channel: string;
  /** A language chosen for this message; otherwise the user's saved choice, else the question's language. */
  readonly lang?: LangChoice;
  /** The channel's id of the update or message (Telegram's update_id): ties the record to its delivery. */
  readonly ref?: string;
}

/** An entry offered as a button or list item. */
export interface Topic {
  readonly id: string;
  readonly title: string;
}

interface ReplyBase {
  /** The language the question was written in. */
  readonly lang: QuestionLang;
  /** The language of every text in the reply. */
  readonly answerLang: AnswerLang;
  readonly confidence: number;
}

/** What the bot says back. Never null: not knowing is a reply too. */
export type Reply =
  | (ReplyBase & {
      readonly kind: "answer";
      readonly id: string;
      /** The entry's title in the answer language: a heading for the answer. */
      readonly title: string;
      readonly text: string;
      /** The article headings the answer draws on; empty for small talk. */
      readonly sections: readonly string[];
      readonly related: readonly Topic[];
    })
  | (ReplyBase & {
      readonly kind: "suggest";
      readonly text: string;
      readonly suggestions: readonly Topic[];
      /** The entry the question came closest to. */
      readonly nearest?: string;
    })
  | (ReplyBase & {
      readonly kind: "none";
      /** What to say; empty when `silent`. */
      readonly text: string;
      /** Topics to offer instead (may be empty). */
      readonly suggestions: readonly Topic[];
      readonly reason: "empty" | "unknown" | "rate-limited";
      readonly nearest?: string;
      /** Say nothing at all: a user over the rate limit who has already been told. */
      readonly silent?: boolean;
    });

/** A 👍/👎 press on an answer. */
export interface Feedback {
  readonly entryId: string;
  readonly userId: string;
  readonly channel: string;
  readonly vote: "up" | "down";
}

/** Where outcomes go: logged now, stored by the learning loop later. */
export interface ConversationEvents {
  answered?(msg: IncomingMessage, reply: Reply): void;
  /** Every reply to a question, empty and rate-limited ones included, with how long matching took (absent if never matched). */
  replied?(msg: IncomingMessage, reply: Reply, matchSeconds?: number): void;
  feedback?(feedback: Feedback): void;
  chose?(event: { entryId: string; userId: string; channel: string; how: "suggestion" | "related" | "topic" }): void;
  /** The shared store failed: this instance answered with its own rate limit and remembered choices meanwhile. */
  sharedFailed?(err: unknown): void;
}

/** Remembers each user's language choice. In memory here; a shared store can replace it. */
export interface Preferences {
  get(user: string): LangChoice | undefined;
  set(user: string, choice: LangChoice): void;
}

/** Per-user values in memory, at most `max` users: the one set longest ago goes first. */
function userMemory<V>(max: number): { get(user: string): V | undefined; set(user: string, value: V): void } {
  const map = new Map<string, V>();
  return {
    get: (user) => map.get(user),
    set: (user, value) => {
      map.delete(user);
      if (map.size >= max) map.delete(map.keys().next().value!);
      map.set(user, value);
    },
  };
}

export function memoryPreferences(max = 100_000): Preferences {
  return userMemory<LangChoice>(max);
}

/**
 * What a user's conversation is about: the entry they were last answered from an article, or none (`entry`
 * undefined: they have since asked about something else), and when (`at`, ms).
 */
export interface FollowUp {
  readonly entry: string | undefined;
  readonly at: number;
}

/**
 * Remembers each user's last FollowUp: what a follow-up ("and the pay?") goes on about when several articles are
 * loaded, for FOLLOW_UP_MS. In memory here; a shared store keeps it for every instance.
 */
export interface FollowUps {
  get(user: string): FollowUp | undefined;
  set(user: string, last: FollowUp): void;
}

/**
 * How long a conversation stays on its article: a question after a longer pause is read afresh. (Half an hour: a
 * chat about one career is read and answered in minutes; the next day's question is a new one.)
 */
export const FOLLOW_UP_MS = 30 * 60_000;

export function memoryFollowUps(max = 100_000): FollowUps {
  return userMemory<FollowUp>(max);
}

export interface ConversationOptions {
  /** The matcher to use; a function so a reloaded corpus can be swapped in. */
  readonly matcher: () => Matcher;
  readonly preferences?: Preferences;
  readonly followUps?: FollowUps;
  /** The clock follow-ups are timed by, injectable so tests never sleep. */
  readonly now?: () => number;
  readonly events?: ConversationEvents;
  /** Limits how fast each user may ask; shared by every channel. */
  readonly rateLimiter?: RateLimiter;
  /**
   * Per-user state shared with the other instances of the bot (a PostgreSQL store): used by ask() for the rate
   * limit (with the limiter's limit and window), language choices and what each user was last answered (see
   * FollowUps), so instances behind a balancer act as one bot.
   */
  readonly shared?: SharedState;
}

export class Conversation {
  private readonly matcher: () => Matcher;
  readonly preferences: Preferences;
  private readonly followUps: FollowUps;
  private readonly now: () => number;
  private readonly events: ConversationEvents;
  private readonly rateLimiter?: RateLimiter;
  private readonly shared?: SharedState;
  /** Language choices and follow-ups on their way to the shared store. */
  private readonly writes = new Set<Promise<void>>();

  constructor(options: ConversationOptions) {
    this.matcher = options.matcher;
    this.preferences = options.preferences ?? memoryPreferences();
    this.followUps = options.followUps ?? memoryFollowUps();
    this.now = options.now ?? Date.now;
    this.events = options.events ?? {};
    this.rateLimiter = options.rateLimiter;
    this.shared = options.shared;
  }

  private userKey(msg: { channel: string; userId: string }): string {
    return `${msg.channel}:${msg.userId}`;
  }

  /** The language choice in force for a user (auto unless they chose). */
  choiceOf(user: { channel: string; userId: string }): LangChoice {
    return this.preferences.get(this.userKey(user)) ?? "auto";
  }

  /**
   * The language for texts that answer no question (menus, help, errors): the user's choice, else the
   * language their app is set to (a BCP 47 tag such as `hi-IN`), else English.
   */
  menuLanguage(user: { channel: string; userId: string }, appLocale?: string): AnswerLang {
    const choice = this.choiceOf(user);
    if (choice !== "auto") return choice;
    return appLocale?.toLowerCase().startsWith("hi") ? "hi" : "en";
  }

  /** Saves a user's language choice (in the shared store too, when there is one) and returns the confirmation to show. */
  setLanguage(user: { channel: string; userId: string }, choice: LangChoice): string {
    this.preferences.set(this.userKey(user), choice);
    if (this.shared) this.write(this.shared.setLanguage(this.userKey(user), choice));
    return message(choice === "en" ? "langEn" : choice === "hi" ? "langHi" : "langAuto", choice === "auto" ? "en" : choice);
  }

  /** Sends one write to the shared store, tracked until it lands (see settle). */
  private write(pending: Promise<void>): void {
    const write = pending.catch((err: unknown) => this.events.sharedFailed?.(err));
    this.writes.add(write);
    void write.finally(() => this.writes.delete(write));
  }

  /**
   * Remembers what a user's next question may go on about: the article entry they were just answered, or nothing
   * (`undefined`) when they asked about another career than the one remembered.
   */
  private remember(user: { channel: string; userId: string }, entry: string | undefined): void {
    this.followUps.set(this.userKey(user), { entry, at: this.now() });
    if (this.shared) this.write(this.shared.setFollowUp(this.userKey(user), entry));
  }

  /** The entry a user's question may go on about now, if any (see FollowUps). */
  private following(user: { channel: string; userId: string }): string | undefined {
    const last = this.followUps.get(this.userKey(user));
    return last !== undefined && this.now() - last.at < FOLLOW_UP_MS ? last.entry : undefined;
  }

  /**
   * Reads from the shared store what a user's conversation is about (a no-op without one), for a follow-up to go on
   * about: the newer of it and this instance's own, whose write may still be on its way, dated by its age in the
   * store so that reading it does not renew it.
   */
  private async recall(user: { channel: string; userId: string }): Promise<void> {
    if (!this.shared) return;
    try {
      const shared = await this.shared.followUp(this.userKey(user), FOLLOW_UP_MS);
      if (shared === undefined) return;
      const at = this.now() - shared.ageMs;
      const own = this.followUps.get(this.userKey(user));
      if (own === undefined || own.at < at) this.followUps.set(this.userKey(user), { entry: shared.entry, at });
    } catch (err) {
      this.events.sharedFailed?.(err);
    }
  }

  /** The choice in force for one message: the one it carries, else the user's saved one. */
  private choiceFor(user: { channel: string; userId: string; lang?: LangChoice }): LangChoice {
    return user.lang && user.lang !== "auto" ? user.lang : this.choiceOf(user);
  }

  /** The answer language for a text from this user, honouring an explicit or saved choice. */
  answerLangFor(user: { channel: string; userId: string; lang?: LangChoice }, text = ""): AnswerLang {
    return answerLangFor(detectLang(cleanText(text), this.matcher().langVocabulary), this.choiceFor(user));
  }

  /** Reads a user's language choice from the shared store (a no-op without one), for what follows to see it. */
  async refresh(user: { channel: string; userId: string }): Promise<void> {
    if (!this.shared) return;
    try {
      const choice = await this.shared.language(this.userKey(user));
      if (choice) this.preferences.set(this.userKey(user), choice);
    } catch (err) {
      this.events.sharedFailed?.(err);
    }
  }

  /**
   * Answers one message as reply() does, but with the state shared across instances when there is a shared store:
   * the user's language choice is read from it and the question counted against the shared rate limit. If the
   * store fails, this instance's own limiter and remembered choices answer instead.
   */
  async ask(msg: IncomingMessage): Promise<Reply> {
    if (!this.shared) return this.reply(msg);
    await this.refresh(msg);
    let pace: RateDecision | undefined;
    if (this.rateLimiter && cleanText(msg.text) !== "") {
      try {
        pace = await this.shared.hit(this.userKey(msg), this.rateLimiter.limit, this.rateLimiter.windowMs);
      } catch (err) {
        this.events.sharedFailed?.(err);
      }
    }
    // (Only a question that will be matched needs what the conversation is about: a flood costs no more reads.)
    if ((pace ?? "ok") === "ok" && cleanText(msg.text) !== "") await this.recall(msg);
    return this.respond(msg, pace);
  }

  /** Resolves once every language choice and follow-up has reached the shared store (or failed to): before shutting down. */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.writes]);
  }

  /** Answers one message, with this instance's rate limit. */
  reply(msg: IncomingMessage): Reply {
    return this.respond(msg);
  }

  /** Answers one message; `decided` is the rate limit's decision when the shared store made it. */
  private respond(msg: IncomingMessage, decided?: RateDecision): Reply {
    const choice = this.choiceFor(msg);
    const matcher = this.matcher();
    const clean = cleanText(msg.text);
    if (clean === "") {
      const answerLang = answerLangFor("en", choice);
      const reply: Reply = { kind: "none", reason: "empty", lang: "en", answerLang, confidence: 0, text: this.prompt(answerLang), suggestions: [] };
      this.events.replied?.(msg, reply);
      return reply;
    }
    // The limit is checked before matching, so a flood costs no more than counting.
    const pace = decided ?? this.rateLimiter?.check(this.userKey(msg)) ?? "ok";
    if (pace !== "ok") {
      const lang = detectLang(clean, matcher.langVocabulary);
      const answerLang = answerLangFor(lang, choice);
      // In the language of the question (or the user's choice), like any other reply.
      const text = pace === "notify" ? message("rateLimited", answerLang) : "";
      const limited: Reply = { kind: "none", reason: "rate-limited", lang, answerLang, confidence: 0, text, suggestions: [], silent: pace === "silent" };
      // Recorded too: every question counts, marked as over the limit.
      this.events.answered?.(msg, limited);
      this.events.replied?.(msg, limited);
      return limited;
    }
    const started = performance.now();
    const { whole, main: result, parts, answeredEntry } = matchMessage(matcher, msg.text, this.following(msg));
    const matchSeconds = (performance.now() - started) / 1000;
    // What the next question may go on about: the last article entry answered; or, none answered, nothing once it
    // asked about another career ("how do I become a plumber?").
    if (answeredEntry !== undefined) this.remember(msg, answeredEntry);
    else if (whole.leavesFollowUp && this.following(msg) !== undefined) this.remember(msg, undefined);
    const answerLang = answerLangFor(whole.lang, choice);
    let reply: Reply;
    const nearest = result.candidates[0]?.id;
    if (result.id) {
      reply = this.answer(matcher.corpus.byId.get(result.id)!, whole.lang, answerLang, result.confidence);
      if (parts) reply = { ...reply, text: this.partsText(matcher, parts, answerLang) };
    } else {
      const suggestions = this.toTopics(matcher, result.suggestions, answerLang);
      // A question about what the articles never cover (how to apply, pay) is told so, not that it was unclear.
      const corpus = corpusVars(matcher);
      const vars = (l: AnswerLang) => ({ ...corpus(l), subject: result.subject?.[l] ?? "" });
      reply =
        suggestions.length > 0
          ? { kind: "suggest", lang: result.lang, answerLang, confidence: result.confidence, text: message(result.uncovered ? "notCoveredSuggest" : "didYouMean", answerLang, vars), suggestions, nearest }
          : { kind: "none", reason: "unknown", lang: result.lang, answerLang, confidence: result.confidence, text: message(result.uncovered ? "notCovered" : "fallback", answerLang, vars), suggestions: [], nearest };
    }
    this.events.answered?.(msg, reply);
    this.events.replied?.(msg, reply, matchSeconds);
    return reply;
  }

  /**
   * A message that asks several things: each answered part's answer under its question, and a plain word on
   * each part the corpus does not cover.
   */
  private partsText(matcher: Matcher, parts: readonly Part[], lang: AnswerLang): string {
    const vars = corpusVars(matcher);
    const seen = new Set<string>();
    return parts
      .flatMap((p) => {
        if (p.result.id === null) {
          const subject = p.result.subject?.[lang] ?? (lang === "en" ? "that" : "इस");
          return [message("partNotCovered", lang, () => ({ part: p.text, subject }))];
        }
        if (seen.has(p.result.id)) return [];
        seen.add(p.result.id);
        return [`${message("partAnswer", lang, () => ({ part: p.text }))}\n${answerText(matcher.corpus.byId.get(p.result.id)!, lang, vars)}`];
      })
      .join("\n\n");
  }

  /** The answer of one entry, for a pressed button (a suggestion, a related entry or a topic). */
  answerById(
    id: string,
    user: { channel: string; userId: string; lang?: LangChoice },
    how: "suggestion" | "related" | "topic" = "topic",
  ): Reply {
    const matcher = this.matcher();
    const entry = matcher.corpus.byId.get(id);
    const choice = this.choiceFor(user);
    const answerLang: AnswerLang = choice === "auto" ? "en" : choice;
    if (!entry) {
      return { kind: "none", reason: "unknown", lang: "en", answerLang, confidence: 0, text: message("unknownTopic", answerLang), suggestions: this.topics(answerLang) };
    }
    this.events.chose?.({ entryId: id, userId: user.userId, channel: user.channel, how });
    if (!entry.smalltalk) this.remember(user, entry.id);
    return this.answer(entry, answerLang === "en" ? "en" : "hi", answerLang, 1);
  }

  /** An entry's answer without recording a choice: for previews such as Telegram's inline results. */
  preview(id: string, answerLang: AnswerLang): Reply | undefined {
    const entry = this.matcher().corpus.byId.get(id);
    return entry ? this.answer(entry, answerLang === "en" ? "en" : "hi", answerLang, 1) : undefined;
  }

  private answer(entry: Entry, lang: QuestionLang, answerLang: AnswerLang, confidence: number): Reply {
    const matcher = this.matcher();
    return {
      kind: "answer",
      id: entry.id,
      lang,
      answerLang,
      confidence,
      title: entry.title[answerLang],
      text: answerText(entry, answerLang, corpusVars(matcher)),
      sections: entry.sections,
      related: this.toTopics(matcher, entry.related, answerLang),
    };
  }

  private toTopics(matcher: Matcher, ids: readonly string[], lang: AnswerLang): Topic[] {
    return ids.flatMap((id) => {
      const e = matcher.corpus.byId.get(id);
      return e ? [{ id: e.id, title: e.title[lang] }] : [];
    });
  }

  /** Every answerable topic (small talk left out), in corpus order. */
  topics(lang: AnswerLang): Topic[] {
    return this.matcher()
      .corpus.entries.filter((e) => !e.smalltalk)
      .map((e) => ({ id: e.id, title: e.title[lang] }));
  }

  /** Corpus questions (entries' titles among them) matching a partial one, best first: autocomplete, inline search. */
  complete(text: string, limit: number): { id: string; question: string; title: string }[] {
    const matcher = this.matcher();
    const clean = cleanText(text);
    if (clean === "") {
      return matcher.corpus.entries
        .filter((e) => !e.smalltalk)
        .slice(0, limit)
        .map((e) => ({ id: e.id, question: e.questions.en[0]!, title: e.title.en }));
    }
    const lang = answerLangFor(detectLang(clean, matcher.langVocabulary));
    return matcher.complete(text, limit).map((c) => ({ ...c, title: matcher.corpus.byId.get(c.id)!.title[lang] }));
  }

  /** The help text: the corpus's `help` entry when it has one, else the list of commands. */
  help(lang: AnswerLang): string {
    const matcher = this.matcher();
    const entry = matcher.corpus.byId.get("help");
    return entry ? answerText(entry, lang, corpusVars(matcher)) : message("helpCommands", lang);
  }

  /** What to say to an empty message: please ask, with an example from the loaded corpus. */
  prompt(lang: AnswerLang): string {
    return message("empty", lang, corpusVars(this.matcher()));
  }

  /** The first greeting, in both languages: what the loaded corpus covers. */
  welcome(): string {
    return bilingual("welcome", corpusVars(this.matcher()));
  }

  /** The matcher's reasoning for a question, for `/explain`: as a follow-up when `user` has one in force now. */
  explain(text: string, user?: { channel: string; userId: string }): MatchResult {
    return this.matcher().match(text, { follows: user === undefined ? undefined : this.following(user) });
  }

  /** Records a 👍/👎 press and returns the thank-you text. */
  feedback(feedback: Feedback, lang: AnswerLang): string {
    this.events.feedback?.(feedback);
    return message("feedbackThanks", lang);
  }
}
