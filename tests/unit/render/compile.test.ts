import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { precompiledModule, TemplateCompiler, type PrecompiledTemplates } from "../../../src/render/compile.js";

/** A module of precompiled specs, evaluated as require() would. */
function load(moduleText: string): PrecompiledTemplates {
  const module = { exports: {} as PrecompiledTemplates };
  new Function("module", moduleText)(module);
  return module.exports;
}

describe("TemplateCompiler", () => {
  it("uses the precompiled form of a source by the hash of its text, and compiles any other source", () => {
    const [hash] = Object.keys(load(precompiledModule(["Hello {{name}}"])));
    // The spec filed under "Hello"'s hash is another template's: what runs shows which was used.
    const swapped = { [hash!]: Object.values(load(precompiledModule(["Goodbye {{name}}"])))[0]! };
    const compiler = new TemplateCompiler(swapped);
    const environment = Handlebars.create();
    expect(compiler.template(environment, "Hello {{name}}")({ name: "Ann" })).toBe("Goodbye Ann");
    expect(compiler.template(environment, "Hi {{name}}")({ name: "Ann" })).toBe("Hi Ann");
  });

  it("a source compiled once runs in each environment with that environment's helpers", () => {
    const compiler = new TemplateCompiler({});
    const environments = ["one", "two"].map((word) => {
      const environment = Handlebars.create();
      environment.registerHelper("word", () => word);
      return environment;
    });
    expect(environments.map((e) => compiler.template(e, "{{word}} {{name}}")({ name: "x" }))).toEqual(["one x", "two x"]);
  });

  it("compiles on first use, as Handlebars.compile does: a broken partial no template runs is no error", () => {
    const template = new TemplateCompiler({}).template(Handlebars.create(), "{{#if}");
    expect(() => template({})).toThrow();
  });
});
