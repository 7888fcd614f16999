// Writes a generated corpus of N entries to a folder, for scale tests: `tsx bin/gen-corpus.ts 5000 /tmp/faq-5000`.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "../src/corpus.js";
import { fail } from "./env.js";
import { syntheticCorpusFiles } from "./synthetic.js";

const [size, dir] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(size) || size < 1 || !dir) fail("usage: tsx bin/gen-corpus.ts ENTRIES DIR");
mkdirSync(dir, { recursive: true });
for (const f of syntheticCorpusFiles(loadCorpus("faq"), size)) writeFileSync(join(dir, f.file), f.text);
process.stderr.write(`wrote ${size} entries to ${dir}\n`);
