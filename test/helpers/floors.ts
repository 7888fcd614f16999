// An eval report held to floors: in scope per language (%, one for all or one each), out of scope declined (%), wrong answers (share of all).
import { expect } from "vitest";
import type { EvalReport } from "../../src/evaluate.js";

export type InScopeFloor = number | Readonly<Record<"en" | "hi" | "hi-Latn", number>>;

export function expectFloors(report: EvalReport, inScope: InScopeFloor, outOfScope: number, wrong: number): void {
  for (const lang of ["en", "hi", "hi-Latn"] as const) {
    expect(report.groups[`in-scope ${lang}`]!.pct, lang).toBeGreaterThanOrEqual(typeof inScope === "number" ? inScope : inScope[lang]);
  }
  expect(report.groups["out-of-scope"]!.pct).toBeGreaterThanOrEqual(outOfScope);
  expect(report.wrongAnswers).toBeLessThanOrEqual(report.groups.all!.n * wrong);
}
