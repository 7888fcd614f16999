// Renders a match's reasoning for maintainers: the cleaned query, how each word counted, the top candidates.
import type { MatchResult } from "./match.js";

export function formatExplain(m: MatchResult): string {
  const lines = [`  query: ${m.clean}`, `  language: ${m.lang}`, "  words:"];
  for (const w of m.words) {
    lines.push(`    ${w.word.padEnd(16)} key=${w.key.padEnd(10)} ${w.as.padEnd(12)} ${w.how}${w.weight ? ` weight=${w.weight.toFixed(2)}` : ""}`);
  }
  lines.push("  candidates:");
  if (m.candidates.length === 0) lines.push("    (none)");
  for (const c of m.candidates) {
    lines.push(`    ${c.id.padEnd(24)} score=${c.score.toFixed(3)} coverage=${c.coverage.toFixed(3)} via "${c.question}" [${c.matched.join(" ")}]`);
  }
  lines.push(`  decision (${m.stage}): ${m.decision}`);
  return lines.join("\n");
}
