// Discord through discord.js's ShardingManager (DISCORD_SHARDING=process): one child process per gateway shard, each
// running this bot's Discord channel (bin/start.js sees SHARDING_MANAGER and runs as a shard). This process starts,
// watches and stops them, and gathers their health and metrics over the IPC channel discord.js opens.
import { randomUUID } from "node:crypto";
import { REST, Routes, ShardingManager, type Shard } from "discord.js";
import type { Config } from "../src/config.js";
import type { Adapter, AdapterDeps } from "./adapter.js";
import { restApiRoot } from "./discord.js";

/** A question from the manager to a shard process, and its answer. */
export interface ShardRequest {
  readonly faqbot: "metrics";
  readonly id: string;
}
export interface ShardResponse {
  readonly faqbot: "metrics";
  readonly id: string;
  readonly metrics: unknown[];
}

export interface ShardManagerOptions {
  /** The compiled entry point each shard process runs (dist/bin/start.js). */
  readonly script: string;
  /** Node options for the shard processes (those of this process by default). */
  readonly execArgv?: readonly string[];
  /** How long spawning waits for each shard to become ready, in ms (default 30 s). */
  readonly readyTimeoutMs?: number;
  /** How long a shard process has to answer a metrics request, in ms (default 2 s). */
  readonly requestTimeoutMs?: number;
}

export interface ShardManagerAdapter extends Adapter {
  /** Every shard process's metrics, as prom-client JSON, for aggregation (shards that do not answer are left out). */
  shardMetrics(): Promise<unknown[][]>;
}

const CHANNEL = "discord";

export function createDiscordShardManager(settings: NonNullable<Config["discord"]>, deps: AdapterDeps, options: ShardManagerOptions): ShardManagerAdapter {
  const logger = deps.logger.child({ channel: CHANNEL });
  const pending = new Map<string, (r: ShardResponse) => void>();
  let manager: ShardingManager | undefined;
  let stopping = false;
  let stopped: Promise<void> | undefined;

  /** The shard count Discord recommends, asked of the configured API root (ShardingManager would ask discord.com). */
  async function recommended(): Promise<number> {
    const api = restApiRoot(settings.apiRoot);
    const rest = new REST({ ...(api ? { api } : {}) }).setToken(settings.token);
    const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
    return shards;
  }

  function watch(shard: Shard): void {
    shard.on("spawn", () => logger.info({ shard: shard.id }, "discord: shard process started"));
    shard.on("ready", () => logger.info({ shard: shard.id }, "discord: shard process ready"));
    shard.on("disconnect", () => !stopping && logger.warn({ shard: shard.id }, "discord: shard process disconnected from the gateway"));
    shard.on("death", (child) => {
      if (!stopping) logger.error({ shard: shard.id, code: "exitCode" in child ? child.exitCode : undefined }, "discord: shard process died; it is started again");
    });
    shard.on("error", (err) => logger.error({ shard: shard.id, err: { message: err.message } }, "discord: shard process error"));
    shard.on("message", (m: Partial<ShardResponse>) => {
      if (m?.faqbot === "metrics" && typeof m.id === "string") pending.get(m.id)?.(m as ShardResponse);
    });
  }

  function ask(shard: Shard): Promise<ShardResponse | undefined> {
    const id = randomUUID();
    return new Promise((resolve) => {
      const timer = setTimeout(() => done(undefined), options.requestTimeoutMs ?? 2000);
      function done(r: ShardResponse | undefined) {
        clearTimeout(timer);
        pending.delete(id);
        resolve(r);
      }
      pending.set(id, done);
      shard.send({ faqbot: "metrics", id } satisfies ShardRequest).catch(() => done(undefined));
    });
  }

  return {
    name: CHANNEL,
    health() {
      if (stopping) return { ok: false, reason: "discord: stopping" };
      if (!manager || manager.shards.size === 0) return { ok: false, reason: "discord: shard processes starting" };
      const down = manager.shards.filter((s) => !s.ready).map((s) => s.id);
      return down.length ? { ok: false, reason: `discord: shard ${down.join(", ")} not connected` } : { ok: true };
    },
    async start() {
      const total = typeof settings.shards === "number" ? settings.shards : await recommended();
      if (stopping) return;
      manager = new ShardingManager(options.script, {
        totalShards: total,
        token: settings.token,
        mode: "process",
        respawn: true,
        execArgv: [...(options.execArgv ?? process.execArgv)],
      });
      manager.on("shardCreate", watch);
      logger.info({ shards: total }, "discord: starting one process per shard");
      await manager.spawn({ amount: total, timeout: options.readyTimeoutMs ?? 30_000 });
    },
    async shardMetrics() {
      if (!manager) return [];
      const answers = await Promise.all(manager.shards.map((s) => ask(s)));
      return answers.filter((a): a is ShardResponse => !!a).map((a) => a.metrics);
    },
    stop() {
      stopped ??= (async () => {
        stopping = true;
        if (!manager) return;
        // SIGTERM to each shard process: each finishes what is in flight and exits (within 5 s, like this one).
        await Promise.all(
          manager.shards.map((shard) => {
            const child = shard.process;
            if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
            const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
            shard.kill();
            return exited;
          }),
        );
        logger.info("discord: every shard process stopped");
      })();
      return stopped;
    },
  };
}
