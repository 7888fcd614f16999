// A per-user sliding-window rate limit: the first question over the limit gets a notice, later ones silence.

export type RateDecision = "ok" | "notify" | "silent";

export interface RateLimitOptions {
  /** Questions allowed per window. 0 turns the limit off. */
  readonly limit: number;
  readonly windowMs: number;
  /** The clock, injectable so tests never sleep. */
  readonly now?: () => number;
  /** Users remembered at most; the least recently seen are forgotten first. */
  readonly maxUsers?: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, { times: number[]; notified: boolean }>();
  private readonly now: () => number;
  private readonly maxUsers: number;

  constructor(private readonly options: RateLimitOptions) {
    this.now = options.now ?? Date.now;
    this.maxUsers = options.maxUsers ?? 100_000;
  }

  /** Questions allowed per window (0: no limit). */
  get limit(): number {
    return this.options.limit;
  }

  get windowMs(): number {
    return this.options.windowMs;
  }

  /** Counts one question from `user` and says whether to answer it. */
  check(user: string): RateDecision {
    const { limit, windowMs } = this.options;
    if (limit <= 0) return "ok";
    const now = this.now();
    let state = this.hits.get(user);
    if (state) this.hits.delete(user);
    else state = { times: [], notified: false };
    this.hits.set(user, state); // most recently seen last
    if (this.hits.size > this.maxUsers) this.hits.delete(this.hits.keys().next().value!);
    return decide(state, now, limit, windowMs);
  }
}

/**
 * The sliding-window decision for one question at `now`, updating `state` (the times of the questions counted in
 * the window, and whether the user was told): shared by the in-process limiter and the shared store's.
 */
export function decide(state: { times: number[]; notified: boolean }, now: number, limit: number, windowMs: number): RateDecision {
  while (state.times.length > 0 && now - state.times[0]! >= windowMs) state.times.shift();
  if (state.times.length < limit) {
    state.times.push(now);
    state.notified = false;
    return "ok";
  }
  if (state.notified) return "silent";
  state.notified = true;
  return "notify";
}
