// An eval report held to floors: in scope per language (%), out of scope declined (%), wrong answers (share of all).
import { expect } from "vitest";
import type { EvalReport } from "../../src/evaluate.js";

export function expectFloors(report: EvalReport, inScope: number, outOfScope: number, wrong: number): void {
  for (const lang of ["en", "hi", "hi-Latn"]) expect(report.groups[`in-scope ${lang}`]!.pct, lang).toBeGreaterThanOrEqual(inScope);
  expect(report.groups["out-of-scope"]!.pct).toBeGreaterThanOrEqual(outOfScope);
  expect(report.wrongAnswers).toBeLessThanOrEqual(report.groups.all!.n * wrong);
}
