// What the learning loop records, and the storage interface any store (SQLite now, a shared one later) implements.
import type { RateDecision } from "../ratelimit.js";
import type { LangChoice, QuestionLang } from "../types.js";

export interface QuestionRecord {
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly channel: string;
  /** Salted hash of the user's channel id: never the raw id or name. */
  readonly user: string;
  readonly lang: QuestionLang;
  /** The entry answered, or null. */
  readonly entryId: string | null;
  readonly confidence: number;
  readonly suggestions: readonly string[];
  /** The question as typed: kept only for unanswered and low-confidence questions, and only if allowed. */
  readonly text: string | null;
  /** The normalised form unanswered questions are grouped by. */
  readonly normalized: string | null;
  /** The entry the question came closest to. */
  readonly nearest: string | null;
}

export interface FeedbackRecord {
  readonly time: number;
  readonly channel: string;
  readonly user: string;
  readonly entryId: string;
  readonly vote: "up" | "down";
}

export interface ChoiceRecord {
  readonly time: number;
  readonly channel: string;
  readonly user: string;
  readonly entryId: string;
  /** What was picked: a "did you mean" suggestion, a related entry, or a topic from a list. */
  readonly how: "suggestion" | "related" | "topic";
}

export interface Report {
  readonly days: number;
  readonly questions: number;
  readonly answered: number;
  /** answered / questions, 0 when there are none. */
  readonly answerRate: number;
  readonly byDay: Readonly<Record<string, number>>;
  readonly byLanguage: Readonly<Record<string, number>>;
  readonly byChannel: Readonly<Record<string, number>>;
  readonly unanswered: readonly { question: string; count: number; nearest: string | null }[];
  readonly feedback: readonly { id: string; up: number; down: number }[];
  /** "Did you mean" suggestions users picked instead of a first answer. */
  readonly choices: readonly { id: string; count: number }[];
}

/** A result now (SQLite, synchronous) or later (PostgreSQL, over the network). */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Storage for the learning loop. Every method may throw or reject; the recorder keeps the bot answering when it does.
 * SQLite answers synchronously, PostgreSQL with promises: callers await either.
 */
export interface Store {
  recordQuestion(r: QuestionRecord): MaybePromise<void>;
  recordFeedback(r: FeedbackRecord): MaybePromise<void>;
  recordChoice(r: ChoiceRecord): MaybePromise<void>;
  /** Deletes records older than `days` days; returns how many went. */
  prune(days: number, now?: number): MaybePromise<number>;
  report(days: number, now?: number): MaybePromise<Report>;
  close(): MaybePromise<void>;
}

/**
 * Per-user state that several instances of the bot behind one balancer must share, so they behave as one bot:
 * the rate limit's window and the language choice. Users are keys the caller has already hashed.
 */
export interface SharedState {
  /** Counts one question from `user` against `limit` per `windowMs`, atomically across instances, and decides. */
  hit(user: string, limit: number, windowMs: number): Promise<RateDecision>;
  language(user: string): Promise<LangChoice | undefined>;
  setLanguage(user: string, choice: LangChoice): Promise<void>;
}
