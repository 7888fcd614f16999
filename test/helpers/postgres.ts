// Starts a real, throwaway PostgreSQL server on loopback for a test: Debian's binaries (the `postgresql` package,
// which .ci/run installs), a fresh cluster in a temporary folder, trust authentication, a free port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface Postgres {
  /** postgres://… of a fresh database on the server. */
  readonly url: string;
  /** A new empty database on the same server. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The folder of Debian's PostgreSQL binaries (newest version), or undefined. */
function binaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "postgres"))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : undefined;
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user Debian's package creates. */
function asServerUser(): { uid?: number; gid?: number } | undefined {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const uid = id("-u");
  const gid = id("-g");
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) } : undefined;
}

/** Why no server can be started here, or undefined when one can. */
export function postgresUnavailable(): string | undefined {
  if (!binaries()) return "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)";
  if (!asServerUser()) return "running as root without a `postgres` user to run the server as";
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<Postgres> {
  const bin = binaries();
  const user = asServerUser();
  if (!bin || !user) throw new Error(postgresUnavailable());
  const dir = mkdtempSync(join(tmpdir(), "pg-"));
  chmodSync(dir, 0o777); // the server user must own its cluster folder, made inside
  const data = join(dir, "data");
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(join(bin, cmd), args, { encoding: "utf8", ...user });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]);
  const port = await freePort();
  const args = ["-D", data, "-p", String(port), "-h", "127.0.0.1", "-k", dir, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
  const server: ChildProcess = spawn(join(bin, "postgres"), args, { stdio: ["ignore", "pipe", "pipe"], ...user });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d.toString();
      if (log.includes("ready to accept connections")) resolve();
    };
    server.stdout!.on("data", onData);
    server.stderr!.on("data", onData);
    server.once("exit", (code) => reject(new Error(`postgres exited (${code}) before it was ready:\n${log}`)));
  });
  const base = `postgres://postgres@127.0.0.1:${port}`;
  const database = async (name: string) => {
    const client = new pg.Client({ connectionString: `${base}/postgres` });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    return `${base}/${name}`;
  };
  return {
    url: await database("faqbot"),
    database,
    stop: async () => {
      if (server.exitCode === null) {
        const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
        server.kill("SIGINT"); // fast shutdown
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
