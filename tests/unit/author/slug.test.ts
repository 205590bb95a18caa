import { describe, expect, it } from "vitest";
import { slugify } from "../../../src/author/slug.js";

describe("slugify", () => {
  it("drops accents and keeps letters and digits with single hyphens", () => {
    expect(slugify("Rapport Étude 2023")).toBe("rapport-etude-2023");
    expect(slugify("  --Hello,  World!--  ")).toBe("hello-world");
    expect(slugify("—")).toBe("");
  });

  // An author's test: "Überblick Straßenbahn.pdf" became the id "uberblick-stra-enbahn".
  it("writes the letters that are no letter and an accent as the letters they stand for", () => {
    expect(slugify("Überblick Straßenbahn")).toBe("uberblick-strassenbahn");
    expect(slugify("Ærø Œuvre Łódź Þing")).toBe("aero-oeuvre-lodz-thing");
  });
});
