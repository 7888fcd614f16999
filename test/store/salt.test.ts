import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateSalt } from "../../src/store/salt.js";

const dir = () => join(mkdtempSync(join(tmpdir(), "salt-")), "data");

describe("the user-hash salt", () => {
  it("is generated once, kept owner-only, and reused", () => {
    const d = dir();
    const first = loadOrCreateSalt(d);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(d, "salt")).mode & 0o077).toBe(0);
    expect(loadOrCreateSalt(d)).toBe(first);
  });

  it("replaces an empty or short salt file instead of hashing with it", () => {
    const d = dir();
    loadOrCreateSalt(d);
    writeFileSync(join(d, "salt"), "");
    const salt = loadOrCreateSalt(d);
    expect(salt.length).toBeGreaterThanOrEqual(16);
    expect(readFileSync(join(d, "salt"), "utf8").trim()).toBe(salt);
  });

  it("uses the configured salt as it is", () => {
    expect(loadOrCreateSalt(dir(), "configured-salt-value")).toBe("configured-salt-value");
  });

  it("fails with an error when the folder cannot be created", () => {
    expect(() => loadOrCreateSalt("/dev/null/data")).toThrow();
  });
});

describe("the salt under concurrency", () => {
  it("is the same for processes that create it at the same time", async () => {
    const { spawn } = await import("node:child_process");
    const d = dir();
    const script = `import { loadOrCreateSalt } from "./src/store/salt.ts"; process.stdout.write(loadOrCreateSalt(${JSON.stringify(d)}));`;
    const once = () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
        child.on("close", () => resolve(out));
      });
    const salts = await Promise.all([once(), once(), once(), once()]);
    expect(new Set(salts).size).toBe(1);
    expect(salts[0]).toBe(readFileSync(join(d, "salt"), "utf8").trim());
  });
});
