import { describe, expect, it } from "vitest";
import { BOOST_DEFAULTS, boostedChance, fitBoosted, type BoostedTrees } from "../../src/boosted.js";

describe("boosted trees", () => {
  it("walks each tree to its leaf: left when the input is at most the threshold", () => {
    const model: BoostedTrees = { inputs: 2, bias: 0, trees: [[[1, 0.5, 1, 2], [-2], [2]]] };
    expect(boostedChance(model, [9, 0.5])).toBeCloseTo(1 / (1 + Math.exp(2)));
    expect(boostedChance(model, [9, 0.6])).toBeCloseTo(1 / (1 + Math.exp(-2)));
  });

  it("learns how two inputs combine, which one weight per input cannot", () => {
    // Right when exactly one of two signals is high (a lead that says little without a rival, say).
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 400; i++) {
      const a = (i % 20) / 20;
      const b = Math.floor(i / 20) / 20;
      rows.push([a, b]);
      labels.push(a > 0.5 !== b > 0.5 ? 1 : 0);
    }
    const model = fitBoosted(rows, labels);
    expect(boostedChance(model, [0.9, 0.1])).toBeGreaterThan(0.8);
    expect(boostedChance(model, [0.1, 0.9])).toBeGreaterThan(0.8);
    expect(boostedChance(model, [0.9, 0.9])).toBeLessThan(0.2);
    expect(boostedChance(model, [0.1, 0.1])).toBeLessThan(0.2);
  });

  it("keeps to the base rate where the inputs say nothing", () => {
    const rows = Array.from({ length: 200 }, () => [1]);
    const labels = rows.map((_, i) => (i % 4 === 0 ? 1 : 0));
    expect(boostedChance(fitBoosted(rows, labels), [1])).toBeCloseTo(0.25, 2);
  });
});

describe("boosted trees with a monotone input", () => {
  it("never lets the chance fall as that input rises, even where the data says so by chance", () => {
    // The label rises with the input, but a dip in the middle (noise) would pull an unconstrained tree down there.
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 600; i++) {
      const x = (i % 100) / 100;
      rows.push([x]);
      labels.push(x > 0.45 && x < 0.55 ? 0 : i % 3 === 0 || x > 0.6 ? 1 : 0);
    }
    const free = fitBoosted(rows, labels);
    const rising = fitBoosted(rows, labels, { ...BOOST_DEFAULTS, monotone: [1] });
    const chances = (m: BoostedTrees) => Array.from({ length: 100 }, (_, i) => boostedChance(m, [i / 100]));
    const dips = (c: number[]) => c.some((p, i) => i > 0 && p < c[i - 1]! - 1e-9);
    expect(dips(chances(free))).toBe(true);
    expect(dips(chances(rising))).toBe(false);
    expect(boostedChance(rising, [0.9])).toBeGreaterThan(boostedChance(rising, [0.1]));
  });
});
