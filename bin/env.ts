// Entry-point plumbing shared by the commands: .env loading, configuration and corpus loading with clean exits.
import { config as loadDotenv } from "dotenv";
import { ConfigError, loadConfig, type Config } from "../src/config.js";
import { CorpusError, loadCorpus } from "../src/corpus.js";
import type { Corpus } from "../src/types.js";

/**
 * Reads `.env` (never overriding the real environment) and the settings; exits 2 with one line on error.
 * The command-line tools pass `channels: false`: a bad channel setting must not stop `ask` or `report`.
 */
export function configFromEnv(options: { channels?: boolean } = {}): Config {
  loadDotenv({ quiet: true });
  try {
    return loadConfig(process.env, options);
  } catch (err) {
    if (err instanceof ConfigError) fail(err.message);
    throw err;
  }
}

/** Loads a corpus folder; exits 2 listing each problem as `file: entry: problem`. */
export function corpusOrExit(dir: string): Corpus {
  try {
    return loadCorpus(dir);
  } catch (err) {
    if (err instanceof CorpusError) fail(err.message);
    throw err;
  }
}

/** Prints a one-line (or one-per-problem) error and exits with code 2: a usage or setup problem. */
export function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}
