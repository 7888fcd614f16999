// The salt for user hashes: from settings, or generated once and kept (owner-only) beside the database.
import { randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const MIN_LENGTH = 16;

/** The salt in `file`; undefined when the file does not exist or is too short to be one. Other errors throw. */
function read(file: string): string | undefined {
  try {
    const salt = readFileSync(file, "utf8").trim();
    return salt.length >= MIN_LENGTH ? salt : undefined;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    // Unreadable is not missing: a new salt would silently unlink every stored user hash.
    throw err;
  }
}

/** The configured salt, else the one kept in DATA_DIR/salt, else a new one written there. Throws if it cannot. */
export function loadOrCreateSalt(dataDir: string, configured?: string): string {
  if (configured) return configured;
  const file = join(dataDir, "salt");
  const existing = read(file);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  // Written aside first, so nobody ever reads a half-written salt. A missing file is created with link(),
  // which fails if another process created it first: then both use that one. A short file is replaced.
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600 });
  try {
    linkSync(temp, file);
    unlinkSync(temp);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
      unlinkSync(temp);
      throw err;
    }
    if (read(file)) unlinkSync(temp);
    else renameSync(temp, file);
  }
  const salt = read(file);
  if (!salt) throw new Error(`${file} could not be written`);
  return salt;
}
