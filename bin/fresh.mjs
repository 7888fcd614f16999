// Preloaded by the npm scripts (`node --import ./bin/fresh.mjs dist/bin/X.js`): rebuilds dist/ when a source is newer.
// `npm ci` builds dist/ once (the `prepare` script); this keeps an edited checkout from running stale JavaScript.
// It costs a few stat() calls when dist/ is fresh, and does nothing where there are no sources (a production image).
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const SOURCES = ["src", "adapters", "bin"];
const CONFIGS = ["tsconfig.json", "tsconfig.build.json", "package.json"];
const stamp = join(root, "dist", ".built");
const lock = join(root, "dist", ".building");
/** A build that takes longer than this is taken to have died, and its lock is broken. */
const STALE_LOCK_MS = 120_000;

const mtime = (path) => {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
};

function newestSource() {
  let newest = Math.max(...CONFIGS.map((f) => mtime(join(root, f))));
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) walk(path);
      else if (d.name.endsWith(".ts")) newest = Math.max(newest, mtime(path));
    }
  };
  for (const dir of SOURCES) if (existsSync(join(root, dir))) walk(join(root, dir));
  return newest;
}

const stale = () => newestSource() > mtime(stamp);

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function build(force) {
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  if (!existsSync(tsc)) {
    if (existsSync(join(root, "dist", "bin"))) return; // no compiler here: run what was built
    process.stderr.write("dist/ is missing and TypeScript is not installed: run `npm ci` (or `npm run build`) first\n");
    process.exit(2);
  }
  // One build at a time (tests start many commands at once); the others wait for it, then find dist/ fresh.
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (err) {
      if (err.code === "ENOENT") {
        mkdirSync(join(root, "dist"), { recursive: true });
        continue;
      }
      if (err.code !== "EEXIST") throw err;
      if (Date.now() - mtime(lock) > STALE_LOCK_MS) rmSync(lock, { force: true });
      else sleep(100);
      if (!force && !stale()) return;
    }
  }
  try {
    if (!force && !stale()) return;
    const started = Date.now();
    try {
      // Output to standard error: standard output belongs to the command (ask --json).
      execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { cwd: root, stdio: ["ignore", 2, 2] });
    } catch {
      process.stderr.write("the TypeScript build failed (errors above): fix them, or run `npm run build` to see them again\n");
      process.exit(2);
    }
    // The stamp is written after a complete build, with the time the build started: a source saved meanwhile is newer.
    writeFileSync(stamp, `${new Date(started).toISOString()}\n`);
    utimesSync(stamp, new Date(started), new Date(started));
  } finally {
    rmSync(lock, { force: true });
  }
}

// `node bin/fresh.mjs --force` (npm run build) builds whether or not dist/ looks fresh.
const force = process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--force");
if (force || stale()) build(force);
