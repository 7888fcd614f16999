// The salt for user hashes: from settings, or generated once and kept (owner-only) beside the database.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function loadOrCreateSalt(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dataDir, "salt");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 16) return existing;
  } catch {
    // No salt yet: make one below.
  }
  mkdirSync(dataDir, { recursive: true });
  const salt = randomBytes(32).toString("hex");
  try {
    // "wx" never overwrites a salt another process wrote first; re-read in that case.
    writeFileSync(file, `${salt}\n`, { mode: 0o600, flag: "wx" });
    return salt;
  } catch {
    return readFileSync(file, "utf8").trim();
  }
}
