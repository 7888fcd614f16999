// The bot's Prometheus metrics (prom-client): questions by outcome, matching time, corpus, platform errors, backlog.
import { AggregatorRegistry, collectDefaultMetrics, Counter, Gauge, Histogram, Registry, type MetricObjectWithValues, type MetricValue } from "prom-client";
import type { Reply } from "./conversation.js";
import type { DeliveryObserver } from "./outbox.js";

/** What became of a question. */
export type Outcome = "answered" | "suggested" | "declined" | "rate-limited";

export function outcomeOf(reply: Reply): Outcome {
  if (reply.kind === "answer") return "answered";
  if (reply.kind === "suggest") return "suggested";
  return reply.reason === "rate-limited" ? "rate-limited" : "declined";
}

/** Matching takes about 0.1 ms on the shipped corpus and a few ms on very large ones: buckets from 25 µs to 100 ms. */
const MATCH_BUCKETS = [0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1];

export interface MetricsOptions {
  /** Records not yet saved by the learning loop, read at each scrape. */
  readonly backlog?: () => number;
  /** Include Node's process metrics (memory, CPU, event loop); default true. */
  readonly processMetrics?: boolean;
}

export class Metrics {
  readonly registry = new Registry();
  private readonly questions: Counter<"channel" | "lang" | "outcome">;
  private readonly matching: Histogram;
  private readonly entries: Gauge;
  private readonly reloads: Counter<"result">;
  private readonly apiErrors: Counter<"channel" | "code">;
  private readonly shardEvents: Counter<"shard" | "kind">;
  private readonly deliveries: Counter<"channel" | "outcome">;
  private readonly retries: Counter<"channel">;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry });
    this.questions = new Counter({
      name: "faqbot_questions_total",
      help: "Questions by channel, question language and outcome (answered, suggested, declined, rate-limited).",
      labelNames: ["channel", "lang", "outcome"],
      registers,
    });
    this.matching = new Histogram({ name: "faqbot_match_duration_seconds", help: "Time to match one question against the corpus.", buckets: MATCH_BUCKETS, registers });
    this.entries = new Gauge({ name: "faqbot_corpus_entries", help: "Entries in the corpus being served.", registers });
    this.reloads = new Counter({ name: "faqbot_corpus_reloads_total", help: "Corpus reloads after a change: ok, or refused (invalid; the previous corpus kept serving).", labelNames: ["result"], registers });
    this.apiErrors = new Counter({ name: "faqbot_platform_api_errors_total", help: "Failed platform API calls by channel and code (HTTP or API error code; network, gateway).", labelNames: ["channel", "code"], registers });
    this.shardEvents = new Counter({ name: "faqbot_discord_shard_events_total", help: "Discord messages and interactions handled, by gateway shard.", labelNames: ["shard", "kind"], registers });
    this.deliveries = new Counter({
      name: "faqbot_deliveries_total",
      help: "Replies through the outbox by channel and outcome: delivered, failed (given up after retries), abandoned (unsent at a stop; answered after a restart).",
      labelNames: ["channel", "outcome"],
      registers,
    });
    this.retries = new Counter({ name: "faqbot_delivery_retries_total", help: "Sends tried again after a 429, a 5xx or a connection error, by channel.", labelNames: ["channel"], registers });
    const backlog = options.backlog;
    new Gauge({
      name: "faqbot_recorder_backlog",
      help: "Learning-loop records kept in memory because the store could not take them yet.",
      registers,
      collect() {
        this.set(backlog ? backlog() : 0);
      },
    });
    // Start every series a dashboard expects at 0, so rates work from the first scrape.
    for (const result of ["ok", "refused"]) this.reloads.inc({ result }, 0);
  }

  /** One question's outcome, and how long matching took (absent when it was never matched: empty or rate-limited). */
  question(channel: string, reply: Reply, matchSeconds?: number): void {
    this.questions.inc({ channel, lang: reply.lang, outcome: outcomeOf(reply) });
    if (matchSeconds !== undefined) this.matching.observe(matchSeconds);
  }

  corpus(entries: number): void {
    this.entries.set(entries);
  }

  reload(result: "ok" | "refused"): void {
    this.reloads.inc({ result });
  }

  apiError(channel: string, code: string | number): void {
    this.apiErrors.inc({ channel, code: String(code) });
  }

  /** An observer of a channel's outbox that counts what becomes of its replies. */
  delivery(channel: string): DeliveryObserver {
    return {
      settled: (delivered) => this.deliveries.inc({ channel, outcome: delivered ? "delivered" : "failed" }),
      retried: () => this.retries.inc({ channel }),
      abandoned: (count) => this.deliveries.inc({ channel, outcome: "abandoned" }, count),
    };
  }

  shardEvent(shard: number, kind: "message" | "interaction"): void {
    this.shardEvents.inc({ shard: String(shard), kind });
  }

  /** This process's metrics as prom-client JSON: what a shard process sends its manager. */
  json(): Promise<MetricObjectWithValues<MetricValue<string>>[]> {
    return this.registry.getMetricsAsJSON();
  }

  /** Other processes whose metrics are summed into this one's (the Discord shard processes). */
  private sources: (() => Promise<unknown[][]>)[] = [];

  addSource(source: () => Promise<unknown[][]>): void {
    this.sources.push(source);
  }

  /** The Prometheus text exposition: this process's metrics, summed with those of any other sources. */
  async text(): Promise<string> {
    if (this.sources.length === 0) return this.registry.metrics();
    const others = (await Promise.all(this.sources.map((s) => s()))).flat();
    return AggregatorRegistry.aggregate([await this.json(), ...others] as Parameters<typeof AggregatorRegistry.aggregate>[0]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
