import { describe, expect, it } from "vitest";
import { collectVocabulary, joinLines } from "../../../src/ingest/join-lines.js";

const vocabulary = collectVocabulary(["a long-term plan", "the Sino-Russian border", "a well-known author", "as is well known"]);

describe("joinLines", () => {
  it("joins a word hyphenated at the line end", () => {
    expect(joinLines("the transfor-", "mation of ties", vocabulary)).toBe("the transformation of ties");
  });

  it("keeps the hyphen before a capital letter", () => {
    expect(joinLines("the Sino-", "Russian border", vocabulary)).toBe("the Sino-Russian border");
  });

  // An author's test: "self-" + "evident bias" came in as "selfevident bias", and no quote of it matched.
  it("keeps the hyphen after self- and quasi-, which English always writes", () => {
    expect(joinLines("with a self-", "evident bias", vocabulary)).toBe("with a self-evident bias");
    expect(joinLines("a quasi-", "alliance", vocabulary)).toBe("a quasi-alliance");
    expect(joinLines("it is self-", "ish", vocabulary)).toBe("it is selfish");
  });

  it("keeps the hyphen of a compound the document writes with one elsewhere", () => {
    expect(joinLines("a long-", "term view", vocabulary)).toBe("a long-term view");
  });

  it("joins when the document also writes the word without the hyphen", () => {
    expect(joinLines("it is well-", "known", collectVocabulary(["a well-known fact", "wellknown"]))).toBe("it is wellknown");
  });

  it("drops a soft hyphen and puts no space after an unspaced dash or before a number", () => {
    expect(joinLines("transfor\u00AD", "mation", vocabulary)).toBe("transformation");
    expect(joinLines("from 1990–", "1995", vocabulary)).toBe("from 1990–1995");
    expect(joinLines("ties—", "and trade", vocabulary)).toBe("ties—and trade");
  });

  it("puts a space between other lines, spaced dashes included", () => {
    expect(joinLines("one line", "and the next", vocabulary)).toBe("one line and the next");
    expect(joinLines("ties –", "and trade", vocabulary)).toBe("ties – and trade");
  });
});
