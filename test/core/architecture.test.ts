import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The core stays platform-free: dependencies point inward, from adapters/ and bin/ to src/, never back.
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : []));
}

const importsOf = (file: string) => [...readFileSync(file, "utf8").matchAll(/^\s*(?:import|export)[^'"]*from\s+["']([^"']+)["']/gm)].map((m) => m[1]!);

describe("the core", () => {
  it.each(sources("src"))("%s imports no channel library, no adapter and no dotenv", (file) => {
    for (const spec of importsOf(file)) {
      expect(spec).not.toMatch(/^(discord\.js|telegraf|dotenv)(\/|$)|adapters\//);
    }
  });
});
