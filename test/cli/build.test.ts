import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// The commands run compiled JavaScript from dist/, built by `npm ci` (prepare) and rebuilt when a source is newer.
const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

describe("the compiled build", () => {
  it("runs every command from dist/ with no TypeScript loader, and builds on npm ci", () => {
    for (const name of ["start", "ask", "faq", "eval", "report", "bench"]) {
      expect(scripts[name]).toMatch(new RegExp(`dist/bin/${name}\\.js$`));
      expect(scripts[name]).not.toMatch(/tsx|ts-node|\.ts\b/);
      expect(existsSync(`dist/bin/${name}.js`)).toBe(true);
    }
    expect(scripts.prepare).toBe("node bin/fresh.mjs");
  });

  it("rebuilds dist/ when a source is newer than the last build, and only then", () => {
    // A small project of the same shape, built by bin/fresh.mjs with the real TypeScript compiler.
    const root = mkdtempSync(join(tmpdir(), "fresh-"));
    mkdirSync(join(root, "bin"));
    mkdirSync(join(root, "src"));
    cpSync("bin/fresh.mjs", join(root, "bin/fresh.mjs"));
    symlinkSync(resolve("node_modules"), join(root, "node_modules"));
    writeFileSync(join(root, "tsconfig.build.json"), JSON.stringify({ compilerOptions: { module: "NodeNext", target: "ES2022", lib: ["ES5"], skipLibCheck: true, outDir: "dist", rootDir: ".", types: [] }, include: ["src"] }));
    const source = join(root, "src/a.ts");
    writeFileSync(source, "export const a: number = 1;\n");
    const past = new Date(Date.now() - 60_000);
    utimesSync(source, past, past);
    const fresh = () => execFileSync(process.execPath, ["--import", join(root, "bin/fresh.mjs"), "-e", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] }).toString();

    expect(fresh()).toBe("");
    expect(readFileSync(join(root, "dist/src/a.js"), "utf8")).toMatch(/\ba = 1;/);
    const built = statSync(join(root, "dist/.built")).mtimeMs;
    fresh();
    expect(statSync(join(root, "dist/.built")).mtimeMs).toBe(built);

    writeFileSync(source, "export const a: number = 2;\n");
    fresh();
    expect(readFileSync(join(root, "dist/src/a.js"), "utf8")).toMatch(/\ba = 2;/);

    writeFileSync(source, "export const a: number = 'three';\n");
    let failure: { status: number; stderr: Buffer } | undefined;
    try {
      fresh();
    } catch (err) {
      failure = err as { status: number; stderr: Buffer };
    }
    expect(failure?.status).toBe(2);
    expect(failure?.stderr.toString()).toMatch(/TypeScript build failed/);
  });
});
