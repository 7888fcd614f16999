// What the learning loop records, and the storage interface any store (SQLite now, a shared one later) implements.
import type { QuestionLang } from "../types.js";

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

/** Storage for the learning loop. Every method may throw; the recorder keeps the bot answering when it does. */
export interface Store {
  recordQuestion(r: QuestionRecord): void;
  recordFeedback(r: FeedbackRecord): void;
  recordChoice(r: ChoiceRecord): void;
  /** Deletes records older than `days` days; returns how many went. */
  prune(days: number, now?: number): number;
  report(days: number, now?: number): Report;
  close(): void;
}
