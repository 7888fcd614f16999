// Delivers replies through platform faults: one queue per chat (in order there, chats independent of each other),
// retries with backoff that honour the platform's retry-after, a bounded total time, then a short apology.
import type { Logger } from "./log.js";

/** The delivery constants, in one place. */
export const DELIVERY = Object.freeze({
  /** How long a reply may take from being queued to being sent, retries included, before it is given up. */
  maxTotalMs: 30_000,
  /** First backoff after a 5xx or a connection error; doubles on each try, up to maxBackoffMs. */
  baseBackoffMs: 250,
  maxBackoffMs: 8_000,
  /** Replies (one per update) queued or in flight at most; beyond it, fetching pauses (see Outbox.full). */
  maxQueued: 5_000,
  /** Sends in flight at once across all chats (a wait for a retry holds no slot). */
  maxConcurrent: 16,
});

/** The delivery constants' shape, for overrides. */
export type DeliveryTuning = { readonly [K in keyof typeof DELIVERY]: number };

/** What a failed send means: try again (after `afterMs` if the platform said), or give up. */
export type Failure =
  | { readonly retry: true; readonly reason: string; readonly afterMs?: number }
  /** `reachable: false`: the chat cannot be written to (blocked, left, forbidden): no apology is tried. */
  | { readonly retry: false; readonly reason: string; readonly reachable: boolean };

/** One platform call of a reply. An optional step (removing buttons, say) may fail without failing the reply. */
export interface Step {
  readonly name: string;
  readonly run: () => Promise<unknown>;
  readonly optional?: boolean;
}

/** One reply: every call it takes, in order, to one chat. */
export interface Job {
  /** The chat (or user) the calls go to: jobs with the same key are sent one after another. */
  readonly key: string;
  readonly steps: readonly Step[];
  /** Said (one try) when the reply is given up while the chat may still be reachable. */
  readonly apology?: () => Promise<unknown>;
  /** For logs: which update or message this replies to. */
  readonly ref?: string;
}

export type Outcome = { readonly delivered: true } | { readonly delivered: false; readonly reason: string };

/** What the outbox tells an observer (metrics): each reply's end, each retry, the replies a stop abandoned. */
export interface DeliveryObserver {
  settled?(delivered: boolean): void;
  retried?(): void;
  abandoned?(count: number): void;
}

export interface OutboxOptions {
  readonly logger: Logger;
  /** Told what happens to replies (counted as metrics when they are on); never affects delivery. */
  readonly observer?: DeliveryObserver;
  /** Says whether a platform error is worth another try. */
  readonly classify: (err: unknown) => Failure;
  /** Waits `ms`, resolving early when `signal` aborts. Injectable so tests never sleep. */
  readonly pause?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly now?: () => number;
  readonly tuning?: Partial<DeliveryTuning>;
}

interface Entry {
  readonly job: Job;
  readonly queuedAt: number;
  readonly settle: (outcome: Outcome) => void;
}

/** Waits `ms` on a real timer, or less if `signal` aborts. */
export function timerPause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** Thrown inside the outbox when a drain ran out of time: the reply is left unsettled (its update stays unconfirmed). */
class Abandoned extends Error {}

export class Outbox {
  private readonly chats = new Map<string, Entry[]>();
  private readonly tuning: DeliveryTuning;
  private readonly pause: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly now: () => number;
  private readonly abandon = new AbortController();
  private readonly changed = new Set<() => void>();
  /** Chats told that their reply was given up, until one of their replies gets through: one apology per outage. */
  private readonly apologised = new Set<string>();
  private queued = 0;
  private running = 0;
  private readonly slots: (() => void)[] = [];
  private closed = false;
  private drainDeadline = Infinity;
  private readonly waits = new Set<{ readonly until: number; readonly stop: AbortController }>();

  constructor(private readonly options: OutboxOptions) {
    this.tuning = Object.freeze({ ...DELIVERY, ...options.tuning });
    this.pause = options.pause ?? timerPause;
    this.now = options.now ?? Date.now;
  }

  /** Replies queued or being sent. */
  get size(): number {
    return this.queued;
  }

  /** At the bound: a caller should stop fetching (polling) or refuse with a retry (a webhook) until there is room. */
  get full(): boolean {
    return this.queued >= this.tuning.maxQueued;
  }

  /**
   * Queues a reply behind the chat's earlier ones. `settle` is called once, when every step is sent or the reply is
   * given up; never when a drain abandons it (it is neither, and its update must stay unconfirmed).
   * Returns false, queueing nothing, when the outbox is full or closed.
   */
  enqueue(job: Job, settle: (outcome: Outcome) => void): boolean {
    const place = this.reserve();
    if (!place) return false;
    place.fill(job, settle);
    return true;
  }

  /**
   * Takes a place in the outbox now, for a reply to be filled in shortly (once its handlers have run), so that a
   * burst of updates accepted together cannot overshoot the bound. Undefined when full or closed; `force` takes a
   * place even then (an update a previous run left, which must not wait behind new ones).
   */
  reserve(force = false): { fill(job: Job, settle: (outcome: Outcome) => void): void; cancel(): void } | undefined {
    if (!force && (this.closed || this.full)) return undefined;
    this.queued++;
    let used = false;
    return {
      fill: (job, settle) => {
        if (used) throw new Error("outbox: a place filled twice");
        used = true;
        this.place(job, settle);
      },
      cancel: () => {
        if (used) return;
        used = true;
        this.queued--;
        this.notify();
      },
    };
  }

  private place(job: Job, settle: (outcome: Outcome) => void): void {
    const entry: Entry = { job, queuedAt: this.now(), settle };
    const queue = this.chats.get(job.key);
    if (queue) {
      queue.push(entry);
      return;
    }
    this.chats.set(job.key, [entry]);
    void this.runChat(job.key);
  }

  /** Resolves when the outbox has room below `size` (at once if it has). */
  async room(size = Math.floor(this.tuning.maxQueued / 2)): Promise<void> {
    while (this.queued > size && !this.closed) await this.nextChange();
  }

  /** Resolves when nothing is queued or in flight. */
  async idle(): Promise<void> {
    while (this.queued > 0) await this.nextChange();
  }

  /**
   * Takes no new replies, lets queued ones finish for at most `ms`, then abandons the rest (their waits end at
   * once; a request already on the wire is let finish). Returns how many were abandoned, unsettled.
   */
  async drain(ms: number): Promise<number> {
    this.closed = true;
    this.drainDeadline = this.now() + ms;
    // A wait for a retry that would end after the budget cannot lead to a send in time: abandon it now.
    for (const w of [...this.waits]) if (w.until > this.drainDeadline) w.stop.abort();
    const left = this.queued;
    if (left > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.idle(), new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
      clearTimeout(timer);
    }
    const abandoned = this.queued;
    this.abandon.abort();
    for (const wake of this.slots.splice(0)) wake();
    if (abandoned > 0) {
      // What becomes of them is the channel's to say (Telegram delivers their updates again; Discord does not).
      this.options.logger.warn({ abandoned }, "delivery: stopping with replies unsent");
      this.options.observer?.abandoned?.(abandoned);
    }
    return abandoned;
  }

  private nextChange(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.changed.delete(done);
        resolve();
      };
      this.changed.add(done);
    });
  }

  private notify(): void {
    for (const f of [...this.changed]) f();
  }

  private async runChat(key: string): Promise<void> {
    const queue = this.chats.get(key)!;
    while (queue.length > 0) {
      const entry = queue[0]!;
      let outcome: Outcome | undefined;
      try {
        outcome = await this.deliver(entry);
      } catch (err) {
        if (!(err instanceof Abandoned)) outcome = { delivered: false, reason: `internal error: ${(err as Error)?.message}` };
      }
      queue.shift();
      this.queued--;
      if (outcome) {
        this.options.observer?.settled?.(outcome.delivered);
        try {
          entry.settle(outcome);
        } catch (err) {
          this.options.logger.error({ err: { message: (err as Error)?.message }, ref: entry.job.ref }, "delivery: settling a reply failed");
        }
      } else {
        // Abandoned by a drain: the rest of this chat's queue is abandoned with it.
        this.queued -= queue.length;
        queue.length = 0;
      }
      this.notify();
    }
    this.chats.delete(key);
  }

  private async slot(): Promise<void> {
    while (this.running >= this.tuning.maxConcurrent) {
      if (this.abandon.signal.aborted) throw new Abandoned();
      await new Promise<void>((resolve) => this.slots.push(resolve));
    }
    if (this.abandon.signal.aborted) throw new Abandoned();
    this.running++;
  }

  private release(): void {
    this.running--;
    this.slots.shift()?.();
  }

  private async deliver(entry: Entry): Promise<Outcome> {
    const { job } = entry;
    const deadline = entry.queuedAt + this.tuning.maxTotalMs;
    for (const step of job.steps) {
      const failure = await this.send(step, deadline, job);
      if (!failure) continue;
      if (step.optional) {
        this.options.logger.debug({ ref: job.ref, step: step.name, reason: failure.reason }, "delivery: an optional step failed; the reply goes on");
        continue;
      }
      this.options.logger.warn({ chat: job.key, ref: job.ref, step: step.name, reason: failure.reason }, "delivery: reply given up");
      if (job.apology && failure.reachable && !this.apologised.has(job.key)) {
        this.apologised.add(job.key);
        await this.slot();
        try {
          await job.apology();
        } catch (err) {
          this.options.logger.warn({ chat: job.key, ref: job.ref, reason: this.options.classify(err).reason }, "delivery: the apology could not be sent either");
        } finally {
          this.release();
        }
      }
      return { delivered: false, reason: failure.reason };
    }
    this.apologised.delete(job.key);
    return { delivered: true };
  }

  /** Sends one step, retrying while it may; resolves with the failure it gave up on, or undefined when sent. */
  private async send(step: Step, deadline: number, job: Job): Promise<{ reason: string; reachable: boolean } | undefined> {
    for (let attempt = 0; ; attempt++) {
      await this.slot();
      let failure: Failure;
      try {
        await step.run();
        return undefined;
      } catch (err) {
        failure = this.options.classify(err);
      } finally {
        this.release();
      }
      if (!failure.retry) return { reason: failure.reason, reachable: failure.reachable };
      const backoff = Math.min(this.tuning.baseBackoffMs * 2 ** attempt, this.tuning.maxBackoffMs);
      const wait = failure.afterMs ?? backoff;
      const left = deadline - this.now();
      if (wait > left) {
        return { reason: `${failure.reason}; gave up after ${attempt + 1} tries (the next would come ${wait} ms later, past the ${this.tuning.maxTotalMs} ms bound)`, reachable: true };
      }
      this.options.logger.warn({ chat: job.key, ref: job.ref, step: step.name, attempt: attempt + 1, reason: failure.reason, retryInMs: wait }, "delivery: send failed, retrying");
      this.options.observer?.retried?.();
      const until = this.now() + wait;
      if (this.abandon.signal.aborted || until > this.drainDeadline) throw new Abandoned();
      const w = { until, stop: new AbortController() };
      const onAbandon = () => w.stop.abort();
      this.abandon.signal.addEventListener("abort", onAbandon, { once: true });
      this.waits.add(w);
      try {
        await this.pause(wait, w.stop.signal);
      } finally {
        this.waits.delete(w);
        this.abandon.signal.removeEventListener("abort", onAbandon);
      }
      if (w.stop.signal.aborted) throw new Abandoned();
    }
  }
}
