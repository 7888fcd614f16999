// A loopback fake of Discord for tests and manual runs: REST under /api/v10 and the gateway (ws) on one port.
// It records every REST call and gateway payload, dispatches MESSAGE_CREATE and INTERACTION_CREATE events with correct
// sequence numbers, and can fail the next matching REST call (429 with retry_after, 403 Missing Permissions, ...).
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";
import { WebSocketServer, type WebSocket } from "ws";
import { LIMITS, parseCustomId, visibleParts, type DiscordPayload } from "../../adapters/discord-format.js";
import { listenOnLoopback } from "./loopback.js";
// The generator the synthetic corpora use (mulberry32): the same seed fails the same calls in every run.
import { random as seededRandom } from "../../bin/synthetic.js";

export interface FakeUser {
  readonly id: string;
  readonly username: string;
  readonly discriminator: "0";
  readonly global_name: string | null;
  readonly avatar: null;
  readonly bot?: boolean;
}

/** One REST call as the bot made it. The token is never kept: `auth` only says whether a Bot authorization came. */
export interface RecordedCall {
  readonly method: string;
  /** Path after /api/v10, without the query: `/channels/123/messages`. */
  readonly path: string;
  readonly query: string;
  readonly body: any;
  readonly status: number;
  readonly auth: boolean;
  readonly at: number;
}

/** One gateway payload the bot sent (IDENTIFY's token replaced by `[token]`). */
export interface GatewayPayload {
  readonly op: number;
  readonly d: any;
}

export type Failure =
  /** A 429 with Discord's headers (retry-after in seconds); `scope` of a route limit: `user` (default) or `shared`. */
  | { readonly status: 429; readonly retryAfter: number; readonly global?: boolean; readonly scope?: "user" | "shared" }
  | { readonly status: 403; readonly code?: number; readonly message?: string }
  /** Any answer, with headers of its own (a 503 with retry-after, a 429 with retry_after only in its body). */
  | { readonly status: number; readonly body: unknown; readonly headers?: Record<string, string> }
  /** The connection reset: before the request is handled, or after it was (a message created, its answer lost). */
  | { readonly status: "reset"; readonly afterCreate?: boolean };

export interface FakeDiscordOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** The token the fake accepts (any `Bot …` authorization when absent). */
  readonly token?: string;
  /** HELLO's heartbeat_interval in ms (default 41,250 like Discord). */
  readonly heartbeatIntervalMs?: number;
  /**
   * Shards `/gateway/bot` recommends (default 1). With more, there is one guild per shard (`guildIds[i]` on shard i),
   * each session gets the guilds of the shard it identified as, and a guild's events go to that shard only.
   */
  readonly shards?: number;
}

export interface MessageOptions {
  readonly content: string;
  /** A user name (made into a stable fake user) or a user object. */
  readonly author?: string | FakeUser;
  /** `guild` (default): the guild's text channel; `dm`: the author's DM channel with the bot. */
  readonly where?: "guild" | "dm";
  /** Which guild (index into guildIds, default 0: guildId) for a guild message. */
  readonly guild?: number;
}

export interface InteractionOptions {
  readonly user?: string | FakeUser;
  readonly where?: "guild" | "dm";
  /** The user's client language, e.g. `hi` or `en-US` (default). */
  readonly locale?: string;
}

type Json = Record<string, unknown>;

/** Every way a message payload breaks Discord's limits or pings someone; empty when it is fine. */
export function payloadProblems(payload: Partial<DiscordPayload> | null | undefined): string[] {
  if (!payload) return ["no payload"];
  const problems: string[] = [];
  const am = payload.allowed_mentions as { parse?: unknown; replied_user?: unknown } | undefined;
  if (!am || !Array.isArray(am.parse) || am.parse.length !== 0) problems.push(`allowed_mentions.parse is not []: ${JSON.stringify(am)}`);
  if (am && am.replied_user === true) problems.push("replied_user is true");
  const embeds = payload.embeds ?? [];
  const components = payload.components ?? [];
  for (const p of visibleParts({ content: payload.content, embeds, components })) {
    if (p.text.length > p.limit) problems.push(`${p.part} is ${p.text.length} > ${p.limit}`);
  }
  if (embeds.length > 10) problems.push("more than 10 embeds");
  const total = embeds.reduce((n, e) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0) + (e.author?.name.length ?? 0), 0);
  if (total > LIMITS.embedTotal) problems.push(`embeds total ${total} > ${LIMITS.embedTotal}`);
  if (!payload.content && embeds.length === 0) problems.push("empty message");
  if (components.length > LIMITS.rows) problems.push(`${components.length} rows`);
  for (const row of components) {
    if (row.components.length === 0 || row.components.length > LIMITS.buttonsPerRow) problems.push(`a row of ${row.components.length}`);
    for (const b of row.components) {
      if (b.custom_id.length > LIMITS.customId) problems.push(`custom_id of ${b.custom_id.length}`);
      if (!parseCustomId(b.custom_id)) problems.push(`foreign custom_id ${b.custom_id}`);
      if (!b.label && !b.emoji) problems.push("a button without label or emoji");
    }
  }
  return problems;
}
const DISCORD_EPOCH = 1_420_070_400_000n;
const ALL_PERMISSIONS = "2251799813685247";

/** A gateway session: its sequence number, its socket while connected, and its recent events for a RESUME to replay. */
interface Session {
  seq: number;
  ws: WebSocket | undefined;
  readonly sent: { readonly s: number; readonly t: string; readonly d: unknown }[];
  /** The shard this session identified as: [id, count]. */
  readonly shard?: readonly [number, number];
}

export class FakeDiscord {
  readonly calls: RecordedCall[] = [];
  readonly gateway: GatewayPayload[] = [];
  /** Every connection the bot opened (the gateway URL's path and query). */
  readonly connections: string[] = [];
  readonly applicationId: string;
  readonly bot: FakeUser;
  readonly guildId: string;
  readonly channelId: string;
  /** Every guild, one per recommended shard (guildIds[0] is guildId), and its text channel. */
  readonly guildIds: string[] = [];
  readonly channelIds: string[] = [];
  readonly everyoneRoleId: string;
  readonly botRoleId: string;

  private readonly options: FakeDiscordOptions;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private counter = 0n;
  private readonly users = new Map<string, FakeUser>();
  private readonly dmChannels = new Map<string, string>();
  private readonly failures: { method?: string; path: RegExp; failure: Failure }[] = [];
  private readonly holds: { method?: string; path: RegExp; arrived: () => void; released: Promise<void>; release: () => void }[] = [];
  private readonly held = new Set<() => void>();
  private readonly sessions = new Map<string, Session>();
  private readonly sockets = new Set<WebSocket>();
  private readonly acknowledged = new Set<string>();
  private readonly callWaiters = new Set<{ test: (c: RecordedCall) => boolean; resolve: (c: RecordedCall) => void }>();
  private readonly gatewayWaiters = new Set<{ test: (p: GatewayPayload) => boolean; resolve: (p: GatewayPayload) => void }>();
  private readonly closeWaiters = new Set<{ test: (n: number) => boolean; resolve: (n: number) => void }>();
  private listeningPort = 0;
  private random: { path: RegExp; rate: number; failures: readonly Failure[]; next: () => number } | undefined;
  /** Messages created by nonce (with enforce_nonce), so a retried create returns the first message. */
  private readonly byNonce = new Map<string, Json>();
  /** Every message the bot created in a channel, once each (a retry honoured by nonce adds none). */
  readonly created: { readonly channelId: string; readonly id: string; readonly body: any }[] = [];

  private constructor(options: FakeDiscordOptions) {
    this.options = options;
    this.applicationId = this.snowflake();
    this.bot = { id: this.applicationId, username: "career-faq-bot", discriminator: "0", global_name: "Career FAQ Bot", avatar: null, bot: true };
    const shards = options.shards ?? 1;
    for (let i = 0; i < shards; i++) {
      this.guildIds.push(this.snowflakeOnShard(i, shards));
      this.channelIds.push(this.snowflake());
    }
    this.guildId = this.guildIds[0]!;
    this.channelId = this.channelIds[0]!;
    this.everyoneRoleId = this.guildId;
    this.botRoleId = this.snowflake();
    this.http = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on("connection", (ws, req) => this.onConnection(ws, req));
  }

  /** Starts a fake on 127.0.0.1 (a free port unless one is given). */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    fake.listeningPort = await listenOnLoopback(fake.http, options.port);
    return fake;
  }

  get port(): number {
    return this.listeningPort;
  }
  /** What DISCORD_API_ROOT / settings.apiRoot must be: the API root without the version. */
  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  // ---- ids and users ------------------------------------------------------------------------------------------------

  /** A fresh snowflake (timestamp bits are real, so discord.js can read creation times). */
  snowflake(): string {
    this.counter += 1n;
    return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) + (this.counter % 4096n)).toString();
  }

  /** A snowflake whose guild would be on `shard` of `count` (Discord: (id >> 22) % count). */
  private snowflakeOnShard(shard: number, count: number): string {
    this.counter += 1n;
    const n = BigInt(count);
    let t = BigInt(Date.now()) - DISCORD_EPOCH;
    t += (BigInt(shard) - (t % n) + n) % n;
    return ((t << 22n) + (this.counter % 4096n)).toString();
  }

  /** The shard a guild's events go to, of `count`. */
  static shardOf(guildId: string, count: number): number {
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  /** A stable fake user for a name (human unless `bot`). */
  user(name: string, bot = false): FakeUser {
    const key = `${bot ? "bot" : "user"}:${name}`;
    let u = this.users.get(key);
    if (!u) {
      u = { id: this.snowflake(), username: name.toLowerCase().replace(/[^a-z0-9_.]/g, "_").slice(0, 32) || "user", discriminator: "0", global_name: name, avatar: null, ...(bot ? { bot: true } : {}) };
      this.users.set(key, u);
    }
    return u;
  }

  /** The DM channel between a user and the bot. */
  dmChannelOf(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (!id) {
      id = this.snowflake();
      this.dmChannels.set(userId, id);
    }
    return id;
  }

  // ---- recording and waiting ----------------------------------------------------------------------------------------

  /** Resolves with the first recorded REST call (past or future) that matches. */
  waitFor(test: (c: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const found = this.calls.find(test);
    if (found) return Promise.resolve(found);
    return this.waiting(this.callWaiters, test, timeoutMs, "REST call");
  }

  /** Resolves with the first gateway payload from the bot (past or future) that matches, once the fake has answered it. */
  waitForGateway(test: (p: GatewayPayload) => boolean, timeoutMs = 5000): Promise<GatewayPayload> {
    const found = this.gateway.find(test);
    if (found) return Promise.resolve(found);
    return this.waiting(this.gatewayWaiters, test, timeoutMs, "gateway payload");
  }

  private waiting<T>(set: Set<{ test: (x: T) => boolean; resolve: (x: T) => void }>, test: (x: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter = {
        test,
        resolve: (x: T) => {
          clearTimeout(timer);
          set.delete(waiter);
          resolve(x);
        },
      };
      const timer = setTimeout(() => {
        set.delete(waiter);
        reject(new Error(`fake discord: no matching ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      set.add(waiter);
    });
  }

  /** Makes the next REST call matching `path` (and `method`, when given) fail. Failures queue in order. */
  failNext(match: { method?: string; path: RegExp }, failure: Failure): void {
    this.failures.push({ ...match, failure });
  }

  /** Makes a share `rate` of the POSTs to `path` fail, each with one of `failures`, from a seeded generator. */
  failRandomly(path: RegExp, rate: number, failures: readonly Failure[], seed = 1): void {
    const next = seededRandom(seed);
    this.random = { path, rate, failures, next };
  }

  /** The scripted (or random) failure for this call, taken. */
  private takeFailure(method: string, path: string): Failure | undefined {
    const at = this.failures.findIndex((f) => (!f.method || f.method === method) && f.path.test(path));
    if (at >= 0) return this.failures.splice(at, 1)[0]!.failure;
    const r = this.random;
    if (r && method === "POST" && r.path.test(path) && r.next() < r.rate) return r.failures[Math.floor(r.next() * r.failures.length)];
    return undefined;
  }

  /**
   * Holds the next REST call matching `path` (and `method`) that no failNext applies to: the fake neither answers
   * nor records it until release() (or close()). `arrived` resolves once such a call has come in. For tests that
   * need a request to be in flight, deterministically, while something else happens.
   */
  holdNext(match: { method?: string; path: RegExp }, timeoutMs = 5000): { arrived: Promise<void>; release(): void } {
    let arrived!: () => void;
    let release!: () => void;
    const came = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.holds.push({ ...match, arrived, released, release });
    this.held.add(release);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`fake discord: no REST call to hold (${match.method ?? "any"} ${match.path}) within ${timeoutMs} ms`)), timeoutMs);
    });
    const arrivedInTime = Promise.race([came, timeout]).finally(() => clearTimeout(timer));
    arrivedInTime.catch(() => undefined); // observed by whoever awaits `arrived`
    return {
      arrived: arrivedInTime,
      release: () => {
        this.held.delete(release);
        release();
      },
    };
  }

  /**
   * Resolves once the bot has received every gateway event dispatched so far: asks each connected session for a
   * heartbeat (op 1, which a client answers at once with the last sequence number it has seen) until one carries
   * the session's latest sequence number. discord.js emits an event before it reads the next payload, so by then
   * the bot's handlers have run up to their first await.
   */
  async sync(timeoutMs = 5000): Promise<void> {
    for (const session of this.sessions.values()) {
      for (;;) {
        const ws = session.ws;
        if (!ws) break;
        const target = session.seq;
        const beat = this.waiting(this.gatewayWaiters, (p) => p.op === 1, timeoutMs, "heartbeat");
        this.send(ws, { op: 1, d: null, s: null, t: null });
        const { d } = await beat;
        if (typeof d === "number" && d >= target) break;
      }
    }
  }

  /** Resolves once no gateway connection is open (at once if none is). */
  allClosed(timeoutMs = 5000): Promise<void> {
    if (this.sockets.size === 0) return Promise.resolve();
    return this.waiting(this.closeWaiters, (n) => n === 0, timeoutMs, "close of every gateway connection").then(() => undefined);
  }

  /** The REST calls posting a message to a channel. */
  channelPosts(channelId?: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path) && (!channelId || c.path === `/channels/${channelId}/messages`));
  }

  // ---- REST ---------------------------------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    let body: unknown = null;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";
    const path = url.pathname.startsWith("/api/v10/") ? url.pathname.slice("/api/v10".length) : url.pathname;
    const held = !this.failures.some((f) => (!f.method || f.method === method) && f.path.test(path)) ? this.takeHold(method, path) : undefined;
    if (held) {
      held.arrived();
      await held.released;
    }
    const authorization = req.headers.authorization ?? "";
    const auth = authorization.startsWith("Bot ") && (!this.options.token || authorization === `Bot ${this.options.token}`);
    const failure = this.takeFailure(method, path);
    if (failure?.status === "reset") {
      if (failure.afterCreate) this.route(method, path, url, body, auth, url.pathname.startsWith("/api/v10/"));
      const call: RecordedCall = { method, path, query: url.search, body, status: 0, auth, at: Date.now() };
      this.calls.push(call);
      req.socket.destroy();
      for (const w of [...this.callWaiters]) if (w.test(call)) w.resolve(call);
      return;
    }
    const { status, json, headers } = this.route(method, path, url, body, auth, url.pathname.startsWith("/api/v10/"), failure);
    const call: RecordedCall = { method, path, query: url.search, body, status, auth, at: Date.now() };
    this.calls.push(call);
    res.writeHead(status, { ...(json === undefined ? {} : { "content-type": "application/json" }), ...headers });
    res.end(json === undefined ? undefined : JSON.stringify(json));
    for (const w of [...this.callWaiters]) if (w.test(call)) w.resolve(call);
  }

  private takeHold(method: string, path: string) {
    const at = this.holds.findIndex((h) => (!h.method || h.method === method) && h.path.test(path));
    return at >= 0 ? this.holds.splice(at, 1)[0] : undefined;
  }

  private route(
    method: string,
    path: string,
    url: URL,
    body: unknown,
    auth: boolean,
    versioned: boolean,
    f?: Failure,
  ): { status: number; json?: unknown; headers?: Record<string, string> } {
    const notFound = { status: 404, json: { message: "404: Not Found", code: 0 } };
    if (!versioned) return notFound;
    if (f && f.status !== "reset") {
      if (f.status === 429 && "retryAfter" in f) {
        return {
          status: 429,
          json: { message: "You are being rate limited.", retry_after: f.retryAfter, global: f.global ?? false },
          headers: { "retry-after": String(f.retryAfter), "x-ratelimit-scope": f.global ? "global" : (f.scope ?? "user"), ...(f.global ? { "x-ratelimit-global": "true" } : {}) },
        };
      }
      if ("body" in f) return { status: f.status, json: f.body, ...(f.headers ? { headers: f.headers } : {}) };
      const forbidden = f as { code?: number; message?: string };
      return { status: 403, json: { message: forbidden.message ?? "Missing Permissions", code: forbidden.code ?? 50013 } };
    }

    // Interaction callbacks and webhooks authenticate with the interaction token in the path, not the bot token.
    let m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    if (m && method === "POST") {
      if (this.acknowledged.has(m[1]!)) return { status: 400, json: { message: "Interaction has already been acknowledged.", code: 40060 } };
      this.acknowledged.add(m[1]!);
      return url.searchParams.get("with_response") === "true" ? { status: 200, json: { interaction: { id: m[1], type: 2 }, resource: { type: (body as Json)?.type } } } : { status: 204 };
    }
    m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/@original)?$/.exec(path);
    if (m && (method === "PATCH" || method === "POST")) return { status: 200, json: this.botMessage(this.snowflake(), body as Json) };

    if (!auth) return { status: 401, json: { message: "401: Unauthorized", code: 0 } };
    if (method === "GET" && path === "/gateway/bot") {
      return {
        status: 200,
        json: { url: this.gatewayUrl, shards: this.options.shards ?? 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: this.options.shards ?? 1 } },
      };
    }
    if (method === "GET" && path === "/users/@me") return { status: 200, json: this.bot };
    m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (m && method === "PUT") {
      if (m[1] !== this.applicationId) return notFound;
      const list = Array.isArray(body) ? (body as Json[]) : [];
      return {
        status: 200,
        json: list.map((c) => ({
          type: 1,
          ...c,
          id: this.snowflake(),
          application_id: this.applicationId,
          version: this.snowflake(),
          default_member_permissions: null,
          nsfw: false,
          ...(m![2] ? { guild_id: m![2] } : {}),
        })),
      };
    }
    m = /^\/channels\/(\d+)\/messages$/.exec(path);
    if (m && method === "POST") {
      const channelId = m[1]!;
      const known = this.channelIds.includes(channelId) || [...this.dmChannels.values()].includes(channelId);
      if (!known) return { status: 404, json: { message: "Unknown Channel", code: 10003 } };
      const nonce = (body as Json)?.enforce_nonce === true ? (body as Json).nonce : undefined;
      const key = nonce !== undefined ? `${channelId}:${String(nonce)}` : undefined;
      const earlier = key ? this.byNonce.get(key) : undefined;
      if (earlier) return { status: 200, json: earlier };
      const made = this.botMessage(channelId, body as Json);
      if (key) this.byNonce.set(key, made);
      this.created.push({ channelId, id: String(made.id), body });
      return { status: 200, json: made };
    }
    if (method === "POST" && path === "/users/@me/channels") {
      const recipient = String((body as Json)?.recipient_id ?? "");
      const u = [...this.users.values()].find((x) => x.id === recipient);
      if (!u) return { status: 400, json: { message: "Invalid Form Body", code: 50035 } };
      return { status: 200, json: { id: this.dmChannelOf(u.id), type: 1, last_message_id: null, flags: 0, recipients: [u] } };
    }
    return notFound;
  }

  private botMessage(channelId: string, body: Json | null): Json {
    const reference = body?.message_reference as Json | undefined;
    return {
      id: this.snowflake(),
      channel_id: channelId,
      ...(this.channelIds.includes(channelId) ? { guild_id: this.guildIds[this.channelIds.indexOf(channelId)] } : {}),
      author: this.bot,
      content: typeof body?.content === "string" ? body.content : "",
      embeds: Array.isArray(body?.embeds) ? body.embeds : [],
      components: Array.isArray(body?.components) ? body.components : [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      type: reference ? 19 : 0,
      flags: typeof body?.flags === "number" ? body.flags : 0,
      ...(reference ? { message_reference: { type: 0, message_id: reference.message_id, channel_id: channelId } } : {}),
    };
  }

  // ---- gateway ------------------------------------------------------------------------------------------------------

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    this.sockets.add(ws);
    this.connections.push(req.url ?? "/");
    let sessionId: string | undefined;
    ws.on("close", () => {
      this.sockets.delete(ws);
      for (const w of [...this.closeWaiters]) if (w.test(this.sockets.size)) w.resolve(this.sockets.size);
      const s = sessionId ? this.sessions.get(sessionId) : undefined;
      if (s?.ws === ws) s.ws = undefined;
    });
    ws.on("message", (data) => {
      let payload: GatewayPayload;
      try {
        payload = JSON.parse(String(data)) as GatewayPayload;
      } catch {
        ws.close(4002, "Decode error");
        return;
      }
      switch (payload.op) {
        case 1: // HEARTBEAT
          this.send(ws, { op: 11, d: null, s: null, t: null });
          break;
        case 2: {
          // IDENTIFY
          sessionId = randomBytes(8).toString("hex");
          const d = payload.d as Json;
          const shard = (Array.isArray(d.shard) ? d.shard : [0, 1]) as [number, number];
          const session: Session = { seq: 0, ws, sent: [], shard };
          this.sessions.set(sessionId, session);
          const guilds = this.guildIds.map((id, i) => ({ id, i })).filter((g) => FakeDiscord.shardOf(g.id, shard[1]) === shard[0]);
          this.recordGateway({ op: 2, d: { ...d, token: "[token]", tokenMatches: !this.options.token || d.token === this.options.token } });
          this.sendDispatch(session, "READY", {
            v: 10,
            user: this.bot,
            guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
            session_id: sessionId,
            resume_gateway_url: this.gatewayUrl,
            shard,
            application: { id: this.applicationId, flags: 0 },
            private_channels: [],
            relationships: [],
            user_settings: {},
            presences: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: [],
          });
          for (const g of guilds) this.sendDispatch(session, "GUILD_CREATE", this.guildPayload(g.i));
          return;
        }
        case 6: {
          // RESUME
          const d = payload.d as Json;
          const session = this.sessions.get(String(d.session_id));
          if (!session) {
            this.recordGateway({ op: 6, d: { ...d, token: "[token]" } });
            this.send(ws, { op: 9, d: false, s: null, t: null });
            return;
          }
          sessionId = String(d.session_id);
          session.ws = ws;
          // Every event after the client's last sequence number, then RESUMED, as Discord does.
          for (const e of session.sent.filter((x) => x.s > Number(d.seq ?? 0) && x.t !== "RESUMED")) this.send(ws, { op: 0, t: e.t, s: e.s, d: e.d });
          this.sendDispatch(session, "RESUMED", {});
          this.recordGateway({ op: 6, d: { ...d, token: "[token]" } });
          return;
        }
      }
      this.recordGateway(payload);
    });
    this.send(ws, { op: 10, d: { heartbeat_interval: this.options.heartbeatIntervalMs ?? 41_250 }, s: null, t: null });
  }

  private recordGateway(payload: GatewayPayload): void {
    this.gateway.push(payload);
    for (const w of [...this.gatewayWaiters]) if (w.test(payload)) w.resolve(payload);
  }

  private send(ws: WebSocket, payload: unknown): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(payload));
  }

  private sendDispatch(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    // Kept, as Discord keeps them, so that a RESUME replays what a dropped or closing connection missed.
    session.sent.push({ s: session.seq, t, d });
    if (session.sent.length > 1000) session.sent.shift();
    if (session.ws && session.ws.readyState === session.ws.OPEN) this.send(session.ws, { op: 0, t, s: session.seq, d });
  }

  private guildPayload(index = 0): Json {
    const now = new Date().toISOString();
    const guildId = this.guildIds[index]!;
    return {
      id: guildId,
      name: "Career FAQ test server",
      icon: null,
      owner_id: this.user("owner").id,
      unavailable: false,
      member_count: 3,
      large: false,
      joined_at: now,
      features: [],
      preferred_locale: "en-US",
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      system_channel_flags: 0,
      afk_timeout: 300,
      roles: [
        { id: guildId, name: "@everyone", permissions: "1024", position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 },
        { id: this.botRoleId, name: "Career FAQ Bot", permissions: "2048", position: 1, color: 0, hoist: false, managed: true, mentionable: false, flags: 0, tags: { bot_id: this.bot.id } },
      ],
      emojis: [],
      stickers: [],
      channels: [{ id: this.channelIds[index]!, type: 0, name: "general", position: 0, permission_overwrites: [], parent_id: null, nsfw: false, topic: null, last_message_id: null, rate_limit_per_user: 0 }],
      threads: [],
      members: [{ user: this.bot, roles: [this.botRoleId], joined_at: now, deaf: false, mute: false, flags: 0 }],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /**
   * Sends a dispatch event to every identified session; with `guildId` and several shards, only to the sessions of the
   * shard the guild is on (direct messages, `guildId` null, go to shard 0, as on Discord).
   */
  dispatch(t: string, d: unknown, guildId?: string | null): void {
    for (const session of this.sessions.values()) {
      const shard = session.shard;
      if (guildId !== undefined && shard && shard[1] > 1 && (guildId === null ? 0 : FakeDiscord.shardOf(guildId, shard[1])) !== shard[0]) continue;
      this.sendDispatch(session, t, d);
    }
  }

  /** The gateway sessions identified so far, with the shard each asked for. */
  get identifiedShards(): (readonly [number, number])[] {
    return [...this.sessions.values()].map((s) => s.shard ?? [0, 1]);
  }

  /** How many gateway connections are open. */
  get openConnections(): number {
    return this.sockets.size;
  }

  /** Asks the bot to reconnect and resume (op 7), as Discord does during maintenance. */
  requestReconnect(): void {
    for (const session of this.sessions.values()) if (session.ws) this.send(session.ws, { op: 7, d: null, s: null, t: null });
  }

  /** Drops every gateway connection with a close code (4000 "unknown error": the bot should resume). */
  dropConnections(code = 4000): void {
    for (const ws of this.sockets) ws.close(code, "fake: dropped");
  }

  // ---- events -------------------------------------------------------------------------------------------------------

  private author(a: string | FakeUser | undefined): FakeUser {
    return typeof a === "object" ? a : this.user(a ?? "asker");
  }

  /** Dispatches MESSAGE_CREATE (a guild channel message or a DM to the bot) and returns the message sent. */
  message(options: MessageOptions): Json & { id: string; channel_id: string } {
    const author = this.author(options.author);
    const dm = options.where === "dm";
    const guildId = this.guildIds[options.guild ?? 0]!;
    const channelId = dm ? this.dmChannelOf(author.id) : this.channelIds[options.guild ?? 0]!;
    const known = [this.bot, ...this.users.values()];
    const mentioned = [...options.content.matchAll(/<@!?(\d+)>/g)].map((x) => known.find((u) => u.id === x[1])).filter((u): u is FakeUser => !!u);
    const now = new Date().toISOString();
    const msg = {
      id: this.snowflake(),
      channel_id: channelId,
      ...(dm ? { channel_type: 1 } : { guild_id: guildId, channel_type: 0, member: { roles: [], joined_at: now, deaf: false, mute: false, flags: 0 } }),
      author,
      content: options.content,
      timestamp: now,
      edited_timestamp: null,
      tts: false,
      mention_everyone: /@(everyone|here)/.test(options.content),
      mentions: mentioned.map((u) => (dm ? u : { ...u, member: { roles: u.id === this.bot.id ? [this.botRoleId] : [], joined_at: now, deaf: false, mute: false, flags: 0 } })),
      mention_roles: [...options.content.matchAll(/<@&(\d+)>/g)].map((x) => x[1]!),
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
      components: [],
      nonce: this.snowflake(),
    };
    this.dispatch("MESSAGE_CREATE", msg, dm ? null : guildId);
    return msg;
  }

  private interaction(type: number, data: Json, options: InteractionOptions, extra: Json = {}): Json & { id: string; token: string } {
    const u = this.author(options.user);
    const dm = options.where === "dm";
    const channel = dm ? { id: this.dmChannelOf(u.id), type: 1, recipients: [u], flags: 0, last_message_id: null } : { id: this.channelId, type: 0, guild_id: this.guildId, name: "general", flags: 0, permissions: ALL_PERMISSIONS };
    const now = new Date().toISOString();
    const interaction = {
      id: this.snowflake(),
      application_id: this.applicationId,
      type,
      data,
      token: `itok.${randomBytes(12).toString("hex")}`,
      version: 1,
      channel,
      channel_id: channel.id,
      ...(dm
        ? { user: u, context: 1, authorizing_integration_owners: { "0": this.guildId } }
        : {
            guild_id: this.guildId,
            guild: { id: this.guildId, locale: "en-US", features: [] },
            guild_locale: "en-US",
            member: { user: u, roles: [], permissions: ALL_PERMISSIONS, joined_at: now, deaf: false, mute: false, flags: 0, avatar: null, nick: null },
            context: 0,
            authorizing_integration_owners: { "0": this.guildId },
          }),
      app_permissions: ALL_PERMISSIONS,
      locale: options.locale ?? "en-US",
      entitlements: [],
      attachment_size_limit: 10_485_760,
      ...extra,
    };
    this.dispatch("INTERACTION_CREATE", interaction, dm ? null : this.guildId);
    return interaction;
  }

  /** Dispatches a slash command (type 2) with string options. */
  command(name: string, options: Record<string, string> = {}, who: InteractionOptions = {}): Json & { id: string; token: string } {
    return this.interaction(
      2,
      { id: this.snowflake(), name, type: 1, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })), ...(who.where === "dm" ? {} : { guild_id: this.guildId }) },
      who,
    );
  }

  /** Dispatches an autocomplete request (type 4) with one focused string option. */
  autocomplete(name: string, option: string, value: string, who: InteractionOptions = {}): Json & { id: string; token: string } {
    return this.interaction(4, { id: this.snowflake(), name, type: 1, options: [{ name: option, type: 3, value, focused: true }] }, who);
  }

  /** Dispatches a button press (type 3) on a message (by default a bot message in the same channel). */
  button(customId: string, who: InteractionOptions = {}, onMessage?: Json): Json & { id: string; token: string } {
    const u = this.author(who.user);
    const channelId = who.where === "dm" ? this.dmChannelOf(u.id) : this.channelId;
    const message = onMessage ?? this.botMessage(channelId, { content: "", components: [] });
    return this.interaction(3, { custom_id: customId, component_type: 2 }, who, { message });
  }

  /** The callback the bot made for an interaction (waits for it). */
  callbackOf(interaction: { id: string }, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitFor((c) => c.method === "POST" && c.path.startsWith(`/interactions/${interaction.id}/`), timeoutMs);
  }

  /** The reply the bot posted to a message (waits for a successful one). */
  replyTo(msg: { id: string; channel_id: string }, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitFor(
      (c) => c.method === "POST" && c.path === `/channels/${msg.channel_id}/messages` && c.status === 200 && c.body?.message_reference?.message_id === msg.id,
      timeoutMs,
    );
  }

  async close(): Promise<void> {
    for (const release of this.held) release();
    this.held.clear();
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }
}

/** `tsx test/fakes/discord.ts [PORT]`: runs the fake for a manual end-to-end check; type commands on standard input. */
async function main(): Promise<void> {
  const fake = await FakeDiscord.start({ port: Number(process.argv[2] ?? 0) });
  const out = (s: string) => process.stdout.write(`${s}\n`);
  out(`fake discord on ${fake.apiRoot} (gateway ${fake.gatewayUrl}); commands: mention TEXT | dm TEXT | ask TEXT | ignore TEXT | calls | quit`);
  const { createInterface } = await import("node:readline");
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    const [cmd, ...rest] = line.trim().split(" ");
    const text = rest.join(" ");
    try {
      if (cmd === "mention") out(JSON.stringify((await fake.replyTo(fake.message({ content: `<@${fake.bot.id}> ${text}` }))).body));
      else if (cmd === "dm") out(JSON.stringify((await fake.replyTo(fake.message({ content: text, where: "dm" }))).body));
      else if (cmd === "ignore") fake.message({ content: text });
      else if (cmd === "ask") out(JSON.stringify((await fake.callbackOf(fake.command("ask", { question: text }))).body));
      else if (cmd === "calls") for (const c of fake.calls) out(`${c.status} ${c.method} ${c.path}`);
      else if (cmd === "quit") break;
    } catch (err) {
      out(`error: ${(err as Error).message}`);
    }
  }
  rl.close();
  await fake.close();
  process.exit(0); // standard input may still be open (a FIFO)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
