import { describe, expect, it } from "vitest";
import { Surface, trigrams } from "../../src/surface.js";

const surface = new Surface([
  { entry: 0, text: "What is the salary of a staff nurse?" },
  { entry: 0, text: "nurse ki salary kitni hai" },
  { entry: 1, text: "What does a staff nurse do?" },
  { entry: 1, text: "नर्स क्या काम करती है?" },
  { entry: 2, text: "Do nurses work night shifts?" },
]);

describe("trigrams", () => {
  it("pads each word and counts repeats, across scripts", () => {
    expect([...trigrams("Fee fee").entries()]).toEqual([[" fe", 2], ["fee", 2], ["ee ", 2]]);
    expect(trigrams("नर्स").size).toBeGreaterThan(0);
    expect(trigrams("?! …").size).toBe(0);
  });
});

describe("Surface", () => {
  it("finds the entry whose question a misspelt one looks like, where whole words would not meet", () => {
    const alike = surface.resemblance("nurse ki salry kitni h");
    expect(alike.get(0)!).toBeGreaterThan(alike.get(1) ?? 0);
    expect(alike.get(0)!).toBeGreaterThan(alike.get(2) ?? 0);
  });

  it("scores an entry by its most alike question, not by its questions together", () => {
    const alike = surface.resemblance("nurse ki salary kitni hai");
    expect(alike.get(0)).toBeCloseTo(1, 5);
  });

  it("finds less likeness where more of the question is letters no question uses", () => {
    const plain = surface.resemblance("staff nurse salary").get(0)!;
    const padded = surface.resemblance("staff nurse salary zyxwv qjzx").get(0)!;
    expect(padded).toBeLessThan(plain);
  });

  it("finds nothing alike in a question of unseen letters or none at all", () => {
    expect(surface.resemblance("zzqx").size).toBe(0);
    expect(surface.resemblance("").size).toBe(0);
  });
});
