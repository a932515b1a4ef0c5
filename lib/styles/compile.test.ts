import { afterEach, describe, expect, it, vi } from "vitest";
import { appStyles, compileStylesheet } from "./compile";
import { handedOffStyles, handOffStyles } from "./hand-off";

const ROOT = process.cwd();

describe("the app's stylesheet, compiled by the server", () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    // [what, a rule the sources need]
    ["a class used in a component", ".bg-brand-700"],
    ["a class with a variant", ".aria-invalid\\:border-red-600[aria-invalid=true]"],
    ["the brand colour from tailwind.config.ts", "#1a4fb3"],
    ["globals.css's own rules", ".below-fold"],
    ["the print rules", "@media print"],
    ["sRGB colours for browsers without oklch, as next build writes them", "--color-slate-50:#f8fafc"],
  ])("holds %s (%s)", async (_what, rule) => {
    expect(await compileStylesheet(ROOT)).toContain(rule);
  });

  it("is minified, and holds no class nobody uses", async () => {
    const css = await compileStylesheet(ROOT);
    expect(css).not.toMatch(/\n\s+/);
    // Spelt in pieces: Tailwind scans this file too, and would generate the class if it were written whole.
    expect(css).not.toContain(`.${["bg", "fuchsia", "950"].join("-")}`);
  });

  it("is compiled once per server, and a failed compile is tried again", async () => {
    const cwd = vi.spyOn(process, "cwd").mockReturnValue("/nonexistent-quorum-root");
    await expect(appStyles()).rejects.toThrow();
    cwd.mockRestore();
    const first = appStyles();
    expect(appStyles()).toBe(first);
    expect(await first).toContain(".bg-brand-700");
  });

  it("is handed from the server render to the HTML render through the process", () => {
    handOffStyles(".a{color:red}");
    expect(handedOffStyles()).toBe(".a{color:red}");
  });
});
