// The salt for user hashes: from settings, or generated once and kept (owner-only) beside the database.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MIN_LENGTH = 16;

function read(file: string): string | undefined {
  try {
    const salt = readFileSync(file, "utf8").trim();
    return salt.length >= MIN_LENGTH ? salt : undefined;
  } catch {
    return undefined;
  }
}

/** The configured salt, else the one kept in DATA_DIR/salt, else a new one written there. Throws if it cannot. */
export function loadOrCreateSalt(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dataDir, "salt");
  const existing = read(file);
  if (existing) return existing;
  // A missing, empty or short salt file is replaced whole: written aside, then renamed into place, so no
  // process ever reads a half-written salt. If two start at once, the last rename wins and both re-read it.
  mkdirSync(dataDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  renameSync(temp, file);
  const salt = read(file);
  if (!salt) throw new Error(`${file} could not be written`);
  return salt;
}
