import { describe, expect, it } from "vitest";
import { Surface, trigrams } from "../../src/surface.js";

const surface = new Surface([
  { entry: 0, text: "What is the salary of a staff nurse?" },
  { entry: 0, text: "nurse ki salary kitni hai" },
  { entry: 1, text: "What does a staff nurse do?" },
  { entry: 1, text: "नर्स क्या काम करती है?" },
  { entry: 2, text: "Do nurses work night shifts?" },
]);
const ENTRIES = [0, 1, 2];

describe("trigrams", () => {
  it("pads each word and counts repeats, across scripts", () => {
    expect([...trigrams("Fee fee").entries()]).toEqual([[" fe", 2], ["fee", 2], ["ee ", 2]]);
    expect(trigrams("नर्स").size).toBeGreaterThan(0);
    expect(trigrams("?! …").size).toBe(0);
  });
});

describe("Surface", () => {
  it("finds the entry whose question a misspelt one looks like, where whole words would not meet", () => {
    const [pay, what, shifts] = surface.resemblance("nurse ki salry kitni h", ENTRIES);
    expect(pay).toBeGreaterThan(what!);
    expect(pay).toBeGreaterThan(shifts!);
  });

  it("scores an entry by its questions together, not by its most alike question", () => {
    // Word for word one of the entry's two questions, yet not the whole of what the entry's questions say.
    expect(surface.resemblance("What is the salary of a staff nurse?", [0])[0]).toBeLessThan(0.99);
    const [both] = surface.resemblance("salary of a staff nurse kitni hai", [0]);
    const [one] = surface.resemblance("salary of a staff nurse", [0]);
    expect(both).toBeGreaterThan(one!);
  });

  it("answers for the entries asked about, in their order", () => {
    const [shifts, pay] = surface.resemblance("night shifts", [2, 0]);
    expect(shifts).toBeGreaterThan(pay!);
    expect(surface.resemblance("night shifts", [7])).toEqual([0]);
  });

  it("finds less likeness where more of the question is letters no question uses", () => {
    const plain = surface.resemblance("staff nurse salary", [0])[0]!;
    const padded = surface.resemblance("staff nurse salary zyxwv qjzx", [0])[0]!;
    expect(padded).toBeLessThan(plain);
  });

  it("finds nothing alike in a question of unseen letters or none at all", () => {
    expect(surface.resemblance("zzqx", ENTRIES)).toEqual([0, 0, 0]);
    expect(surface.resemblance("", ENTRIES)).toEqual([0, 0, 0]);
  });
});
