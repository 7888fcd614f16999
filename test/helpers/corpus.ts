// Builds throw-away corpus folders for tests from plain objects.
import { mkdtempSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dump as stringify } from "js-yaml";

export function entry(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    section: "Test section",
    questions: { en: [`what is ${id}`], hi: [`${id} क्या है`], "hi-Latn": [`${id} kya hai`] },
    answer: { en: `About ${id}.`, hi: `${id} के बारे में।` },
    ...extra,
  };
}

/** A temporary folder holding the given YAML files (objects are serialised, strings written as they are). */
export function corpusDir(files: Record<string, unknown>, copyShipped = false): string {
  const dir = mkdtempSync(join(tmpdir(), "faq-"));
  if (copyShipped) cpSync("faq", dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : stringify(content));
  }
  return dir;
}
