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
  /**
   * The update or message the question came in (channel-unique): a redelivered update replaces its record rather
   * than adding one. Absent where a channel has no such id (the terminal).
   */
  readonly ref?: string | null;
  /** Over the user's rate limit: recorded, not matched. */
  readonly rateLimited?: boolean;
  /** Whether the reply reached the user: pending until the channel settles it (see Store.settleUpdate). */
  readonly delivery?: Delivery | null;
}

/** What became of a reply: sent, given up (see the logs for why), nothing to send (a silenced user), or not yet known. */
export type Delivery = "pending" | "delivered" | "failed" | "none";

/** An update accepted for answering, with what is needed to answer it again after a crash or an abandoned stop. */
export interface UpdateClaim {
  readonly channel: string;
  readonly ref: string;
  /** The process that took it (a random id per run). */
  readonly owner: string;
  readonly time: number;
  /** The update as received (JSON): kept only until the update is settled. */
  readonly payload: string;
}

/** A day, for retention and rate-limit windows. */
export const DAY_MS = 86_400_000;
/** How long a settled update is remembered: longer than any platform redelivers (Telegram keeps updates 24 h). */
export const UPDATE_WINDOW_MS = 2 * DAY_MS;

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
  /** Questions over a user's rate limit (counted in `questions`, never as answered). */
  readonly rateLimited: number;
  /** Replies given up after their retries (the logs say why each one was). */
  readonly deliveryFailed: number;
  /** Replies not yet known to be delivered: in flight, or abandoned by a crash and not yet answered again. */
  readonly deliveryPending: number;
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
  /**
   * The delivery journal, which makes each update answered once across redeliveries, restarts and replicas.
   * Takes an update for answering: false when it was taken before (answered, given up, or in another's hands),
   * remembered for a window (UPDATE_WINDOW_MS) after it is settled.
   */
  claimUpdate(claim: UpdateClaim): MaybePromise<boolean>;
  /**
   * Settles an update: delivered, given up ("failed") or nothing to send ("none"), also marking its question's
   * record; or "released": not answered (a stop ran out of time), to be taken over at once by the next start.
   */
  settleUpdate(channel: string, ref: string, outcome: Exclude<Delivery, "pending"> | "released", now?: number): MaybePromise<void>;
  /** Takes over the unsettled updates that were released, or whose owner has held them since before `staleBefore`. */
  takeOverUpdates(channel: string, owner: string, staleBefore: number, now?: number): MaybePromise<{ ref: string; payload: string }[]>;
  close(): MaybePromise<void>;
}

/**
 * Per-user state that several instances of the bot behind one balancer must share, so they behave as one bot:
 * the rate limit's window, the language choice and what each was last answered. Users are keys the caller has
 * already hashed.
 */
export interface SharedState {
  /** Counts one question from `user` against `limit` per `windowMs`, atomically across instances, and decides. */
  hit(user: string, limit: number, windowMs: number): Promise<RateDecision>;
  language(user: string): Promise<LangChoice | undefined>;
  setLanguage(user: string, choice: LangChoice): Promise<void>;
  /**
   * What `user`'s conversation is about (see FollowUp: an entry, or none once they asked about something else) and
   * how long ago that was set, if less than `withinMs` ago.
   */
  followUp(user: string, withinMs: number): Promise<{ entry: string | undefined; ageMs: number } | undefined>;
  setFollowUp(user: string, entry: string | undefined): Promise<void>;
}
