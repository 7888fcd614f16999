// `npm run report`: what users asked, what the bot answered, what it could not, and the feedback it got.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { PostgresStore } from "../src/store/postgres.js";
import { SqliteStore } from "../src/store/sqlite.js";
import type { Report } from "../src/store/store.js";
import { configFromEnv, fail } from "./env.js";

const usage = "usage: npm run --silent report -- [--json] [--days N]";
const parse = () => parseArgs({ options: { json: { type: "boolean" }, days: { type: "string" } } });
let args: ReturnType<typeof parse>;
try {
  args = parse();
} catch (err) {
  fail(`${(err as Error).message}\n${usage}`);
}
const days = args.values.days === undefined ? 30 : Number(args.values.days);
if (!Number.isInteger(days) || days < 1) fail(`--days must be a whole number of days, 1 or more\n${usage}`);
const config = configFromEnv({ channels: false });
const path = join(config.dataDir, "bot.db");

const empty: Report = { days, questions: 0, answered: 0, answerRate: 0, byDay: {}, byLanguage: {}, byChannel: {}, unanswered: [], feedback: [], choices: [], rateLimited: 0, deliveryFailed: 0, deliveryPending: 0 };
let report = empty;
if (config.databaseUrl) {
  // The shared PostgreSQL store of every instance (migrated first if it is new: an empty report then).
  const store = new PostgresStore(config.databaseUrl);
  try {
    report = await store.report(days);
  } catch (err) {
    process.stderr.write(`cannot read the PostgreSQL database of DATABASE_URL: ${(err as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await store.close();
  }
  if (process.exitCode) process.exit();
} else if (existsSync(path)) {
  let store: SqliteStore | undefined;
  try {
    store = new SqliteStore(path, { readonly: true });
    report = store.report(days);
  } catch (err) {
    fail(`cannot read ${path}: ${(err as Error).message}`);
  } finally {
    store?.close();
  }
}

if (args.values.json) {
  process.stdout.write(`${JSON.stringify(report)}\n`);
} else {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  const table = (o: Readonly<Record<string, number>>) => Object.entries(o).map(([k, n]) => `  ${k.padEnd(12)} ${n}`).join("\n") || "  (none)";
  const lines = [
    `Last ${days} days: ${report.questions} questions, ${report.answered} answered (${pct(report.answerRate)}), ${report.rateLimited} over the rate limit`,
    `Delivery: ${report.deliveryFailed} replies given up (the log says why), ${report.deliveryPending} not yet confirmed delivered`,
    "By day:", table(report.byDay),
    "By channel:", table(report.byChannel),
    "By language:", table(report.byLanguage),
    "Most frequent unanswered questions (add them to the corpus):",
    ...(report.unanswered.length ? report.unanswered.map((u) => `  ${String(u.count).padStart(4)}  ${u.question}${u.nearest ? `  (closest: ${u.nearest})` : ""}`) : ["  (none)"]),
    "Feedback (most 👎 first):",
    ...(report.feedback.length ? report.feedback.map((f) => `  ${f.id.padEnd(24)} 👍 ${f.up}  👎 ${f.down}`) : ["  (none)"]),
    "Suggestions picked instead of a first answer:",
    ...(report.choices.length ? report.choices.map((c) => `  ${c.id.padEnd(24)} ${c.count}`) : ["  (none)"]),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
