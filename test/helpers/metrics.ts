// Reads the bot's /healthz and /metrics over HTTP, and picks samples out of the Prometheus text format.

export interface Scrape {
  /** The value of one sample (0 when absent): `name` with exactly these labels. */
  value(name: string, labels?: Record<string, string>): number;
  /** The sum over every sample of `name` whose labels include `labels`. */
  sum(name: string, labels?: Record<string, string>): number;
  readonly text: string;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;

export function parseMetrics(text: string): Scrape {
  const samples = text
    .split("\n")
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => {
      const m = SAMPLE.exec(l);
      if (!m) throw new Error(`not a Prometheus sample line: ${l}`);
      const labels = Object.fromEntries([...(m[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((x) => [x[1]!, x[2]!]));
      return { name: m[1]!, labels, value: Number(m[3]) };
    });
  const has = (s: { labels: Record<string, string> }, want: Record<string, string>) => Object.entries(want).every(([k, v]) => s.labels[k] === v);
  return {
    text,
    value: (name, labels = {}) =>
      samples.find((s) => s.name === name && has(s, labels) && Object.keys(s.labels).length === Object.keys(labels).length)?.value ?? 0,
    sum: (name, labels = {}) => samples.filter((s) => s.name === name && has(s, labels)).reduce((n, s) => n + s.value, 0),
  };
}

export async function scrape(port: number): Promise<Scrape> {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  if (!res.headers.get("content-type")?.startsWith("text/plain")) throw new Error(`/metrics has content type ${res.headers.get("content-type")}`);
  return parseMetrics(await res.text());
}

/**
 * Scrapes until `done` holds (a reply is settled just after the platform answers it, so a count may lag the fake's
 * record of the call by a moment); throws with the last scrape's text after `tries` scrapes.
 */
export async function scrapeUntil(port: number, done: (s: Scrape) => boolean, tries = 500): Promise<Scrape> {
  let last: Scrape | undefined;
  for (let i = 0; i < tries; i++) {
    last = await scrape(port);
    if (done(last)) return last;
  }
  throw new Error(`/metrics never showed what was awaited; last scrape:\n${last?.text.split("\n").filter((l) => l.startsWith("faqbot_")).join("\n")}`);
}

export async function health(port: number): Promise<{ status: number; body: { status: string; reasons: string[] } }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as { status: string; reasons: string[] } };
}

/** The port a bot started with HTTP_PORT=0 logged. */
export function loggedPort(stderr: string): number | undefined {
  const line = stderr.split("\n").find((l) => l.includes("health and metrics listening"));
  return line ? (JSON.parse(line) as { port: number }).port : undefined;
}
