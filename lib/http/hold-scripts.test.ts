import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FALLBACK_MS, ScriptHolder, type HeldTag } from "./hold-scripts";

const N = 'nonce="n0nce+/="';
// The shape of a Next.js 16 page (turbopack build): preload and chunk scripts in the head, the
// polyfills as noModule, the bootstrap inline, the main chunk after it in the body, flight data after that.
const PAGE = [
  `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/>`,
  `<link rel="preload" as="script" fetchPriority="low" ${N} href="/_next/static/chunks/main.js"/>`,
  `<script src="/_next/static/chunks/a.js" async="" ${N}></script>`,
  `<script src="/_next/static/chunks/b.js" async="" ${N}></script>`,
  `<meta name="description" content="x &gt; y"/>`,
  `<script src="/_next/static/chunks/polyfills.js" noModule="" ${N}></script>`,
  `<link rel="stylesheet" href="/_next/static/css/app.css"/><link rel="preload" as="style" href="/_next/static/css/x.css"/>`,
  `<style>a>b{color:red}</style></head><body><h1>Preise ¥1,234.00 — 价格</h1>`,
  `<script ${N} id="_R_">(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push({"otherChunks":["static/chunks/main.js"]});</script>`,
  `<script src="/_next/static/chunks/main.js" ${N} async=""></script>`,
  `<script src="https://example.com/other.js" async=""></script>`,
  `<script ${N}>self.__next_f.push([1,"\\u003cp\\u003e"])</script></body></html>`,
].join("");

/** The tags each inline loader call hands over, in order. */
function calls(html: string): HeldTag[][] {
  return [...html.matchAll(/__qsHold\((.*?)\)<\/script>/g)].map((m) => JSON.parse(m[1]!) as HeldTag[]);
}

const whole = (html: string) => {
  const holder = new ScriptHolder();
  return holder.push(html) + holder.end();
};

describe("ScriptHolder", () => {
  const out = whole(PAGE);

  it("takes every framework script and script preload out of the HTML", () => {
    expect(out).not.toMatch(/<script src="\/_next\/static\/chunks\/(a|b|main)\.js"/);
    expect(out).not.toMatch(/<link rel="preload" as="script"/);
  });

  it("hands them to the loader in document order, the head's run as one call, with their attributes but the nonce", () => {
    expect(calls(out)).toEqual([
      [
        ["link", { rel: "preload", as: "script", fetchPriority: "low", href: "/_next/static/chunks/main.js" }],
        ["script", { src: "/_next/static/chunks/a.js", async: "" }],
        ["script", { src: "/_next/static/chunks/b.js", async: "" }],
      ],
      [["script", { src: "/_next/static/chunks/main.js", async: "" }]],
    ]);
  });

  it("defines the loader once, first, under the page's nonce, with its fallback", () => {
    const inline = [...out.matchAll(/<script([^>]*)>[^<]*__qsHold\(/g)];
    expect(inline.map((m) => m[1])).toEqual([` ${N}`, ` ${N}`]);
    expect(out.split("w.__qsHold=function").length - 1).toBe(1);
    expect(out.indexOf("w.__qsHold=function")).toBeLessThan(out.indexOf("__qsHold(["));
    expect(out).toContain(`first-contentful-paint`);
    expect(out).toContain(`setTimeout(go,${FALLBACK_MS})`);
  });

  it("leaves everything else as it was: polyfills, styles, other scripts, inline scripts, text", () => {
    const untouched = (s: string) => expect(out).toContain(s);
    untouched(`<script src="/_next/static/chunks/polyfills.js" noModule="" ${N}></script>`);
    untouched(`<link rel="stylesheet" href="/_next/static/css/app.css"/><link rel="preload" as="style" href="/_next/static/css/x.css"/>`);
    untouched(`<script src="https://example.com/other.js" async=""></script>`);
    untouched(`<style>a>b{color:red}</style></head><body><h1>Preise ¥1,234.00 — 价格</h1>`);
    untouched(`<script ${N} id="_R_">`);
    untouched(`self.__next_f.push([1,"\\u003cp\\u003e"])</script></body></html>`);
    // Nothing but the held tags changed.
    const removed = out.replace(/<script[^>]*>[^<]*__qsHold\(.*?\)<\/script>/g, "");
    expect(removed).toBe(
      PAGE.replace(/<script src="\/_next\/static\/chunks\/(a|b|main)\.js"[^>]*><\/script>/g, "").replace(
        /<link rel="preload" as="script"[^>]*>/,
        "",
      ),
    );
  });

  it.each([
    ["a page without framework scripts", "<html><body><p>x</p></body></html>"],
    ["an empty document", ""],
    ["text with a lone <", "<p>1 < 2</p>"],
  ])("passes %s through", (_, html) => {
    expect(whole(html)).toBe(html);
  });

  it("writes no value that could end its own script: `<` in an attribute is escaped in the JSON", () => {
    const html = `<link rel="preload" as="script" href="/_next/static/x.js?a=&lt;/script&gt;&amp;b"/>`;
    const result = whole(html);
    expect(result).not.toContain("</script><");
    expect(calls(result)).toEqual([[["link", { rel: "preload", as: "script", href: "/_next/static/x.js?a=</script>&b" }]]]);
  });

  it("gives the same output however the stream is cut (a tag or an inline script split across chunks waits for the rest)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: PAGE.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [0, ...cuts.sort((a, b) => a - b), PAGE.length];
        const holder = new ScriptHolder();
        let streamed = "";
        for (let i = 1; i < points.length; i++) streamed += holder.push(PAGE.slice(points[i - 1], points[i]));
        streamed += holder.end();
        expect(streamed).toBe(out);
      }),
      { numRuns: 500 },
    );
  });

  it("sends a chunk that ends on a whole element at once, holding nothing back", () => {
    const holder = new ScriptHolder();
    const head = `<html><head><script src="/_next/static/chunks/a.js" async=""></script><title>x</title>`;
    expect(holder.push(head)).toMatch(/<title>x<\/title>$/);
    expect(holder.push(`<script>self.x=1`)).toBe("");
    expect(holder.push(`</script><p>`)).toBe(`<script>self.x=1</script><p>`);
    expect(holder.end()).toBe("");
  });
});
