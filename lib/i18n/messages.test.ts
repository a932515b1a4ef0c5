import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALES, type Locale } from "./locale";

// Every message file on disk, read as the app bundles them: messages/<locale>.json (the shop) and
// messages/<area>/<locale>.json (one folder per area). Read from the folder, not from messages.ts,
// so a new area folder is checked the day it is added.
const ROOT = fileURLToPath(new URL("../../messages", import.meta.url));

type Tree = { [key: string]: string | Tree };

const areas = [
  ".",
  ...readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(),
];

const read = (area: string, locale: Locale): Tree => JSON.parse(readFileSync(join(ROOT, area, `${locale}.json`), "utf8")) as Tree;

const files = areas.map((area) => ({ area, byLocale: Object.fromEntries(LOCALES.map((l) => [l, read(area, l)])) as Record<Locale, Tree> }));

/** Every leaf of a message tree as [dotted key, value] (a value that is not a string is a leaf too). */
function leaves(tree: Tree, prefix = ""): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object" && !Array.isArray(value)) return leaves(value, path);
    return [[path, value]];
  });
}

/**
 * The ICU arguments of a message by name, plus the option keys of every `select` as
 * `name:select[a|b]` (a plural's categories differ by language, a select's must not), plus any
 * rich-text tag as `<tag>`. Follows ICU's apostrophe rule: `''` is an apostrophe, `'{…'` is quoted text.
 */
function icuArguments(message: string): string[] {
  const found = new Set<string>();
  let i = 0;

  const fail = (why: string): never => {
    throw new Error(`${why} at ${i} in ${JSON.stringify(message)}`);
  };

  // Reads text up to an unquoted "}" (or the end at depth 0), recording every argument in it.
  function text(inPlural: boolean, nested: boolean) {
    while (i < message.length) {
      const c = message[i]!;
      if (c === "'") {
        const next = message[i + 1];
        if (next === "'") i += 2;
        else if (next === "{" || next === "}" || (inPlural && next === "#")) {
          const end = message.indexOf("'", i + 1);
          i = end === -1 ? message.length : end + 1;
        } else i++;
      } else if (c === "{") {
        i++;
        argument();
      } else if (c === "}") {
        if (!nested) fail("unbalanced }");
        return;
      } else if (c === "<") {
        const tag = /^<\/?([a-zA-Z][\w-]*)\s*\/?>/.exec(message.slice(i));
        if (tag) {
          found.add(`<${tag[1]}>`);
          i += tag[0].length;
        } else i++;
      } else i++;
    }
    if (nested) fail("unclosed {");
  }

  const token = (stops: string) => {
    const start = i;
    while (i < message.length && !stops.includes(message[i]!)) i++;
    return message.slice(start, i).trim();
  };

  // After "{": name [, type [, style | options]] "}".
  function argument() {
    const name = token(",}");
    if (!name) fail("empty argument");
    if (message[i] === "}") {
      i++;
      found.add(name);
      return;
    }
    i++; // ","
    const type = token(",}");
    // A plural in one language may be a plain number in another ("{count} 年" vs "# years"): only
    // the name must match, and a select's options (its value is a key, never shown as it is).
    found.add(name);
    if (message[i] === "}") {
      i++;
      return;
    }
    i++; // ","
    if (type === "plural" || type === "select" || type === "selectordinal") {
      const keys: string[] = [];
      for (;;) {
        const key = token("{}");
        if (message[i] === "}") {
          i++;
          break;
        }
        if (message[i] !== "{") fail("unclosed option");
        // "offset:1 =0" and the like: the option key is the last word before "{".
        const option = key.split(/\s+/).filter((w) => !w.startsWith("offset:"));
        if (option.length !== 1) fail(`bad option key ${JSON.stringify(key)}`);
        keys.push(option[0]!);
        i++;
        text(type !== "select", true);
        i++; // "}" of the option
      }
      if (type === "select") found.add(`${name}:select[${keys.sort().join("|")}]`);
    } else {
      token("}"); // a number/date/time style
      if (message[i] !== "}") fail("unclosed {");
      i++;
    }
  }

  text(false, false);
  return [...found].sort();
}

describe("icuArguments", () => {
  it.each([
    ["plain text, the buyer's link", []],
    ["{name} and {count, number}", ["count", "name"]],
    ["{count, plural, one {# seat for {who}} other {# seats}}", ["count", "who"]],
    ["{count, plural, offset:1 =0 {none} other {# more}}", ["count"]],
    ["{yes, select, yes {{a}} other {b}}", ["a", "yes", "yes:select[other|yes]"]],
    ["quoted '{notAnArgument}' and it''s {real}", ["real"]],
    ["<link>read</link> {x}", ["<link>", "x"]],
  ])("%s", (message, expected) => {
    expect(icuArguments(message)).toEqual(expected);
  });

  it("rejects an unbalanced message", () => {
    expect(() => icuArguments("{count, plural, one {x}")).toThrow();
    expect(() => icuArguments("stray }")).toThrow();
  });
});

describe("message files", () => {
  it("every area folder has a file for every locale and nothing else", () => {
    for (const area of areas.filter((a) => a !== ".")) {
      const names = readdirSync(join(ROOT, area)).sort();
      expect(names, `messages/${area}`).toEqual(LOCALES.map((l) => `${l}.json`).sort());
    }
  });

  it("no namespace is defined by two files (they are merged side by side)", () => {
    const owner = new Map<string, string>();
    for (const { area, byLocale } of files) {
      for (const locale of LOCALES) {
        for (const ns of Object.keys(byLocale[locale])) {
          const where = owner.get(`${locale}/${ns}`);
          expect(where, `${ns} in messages/${area}/${locale}.json`).toBeUndefined();
          owner.set(`${locale}/${ns}`, area);
        }
      }
    }
  });

  describe.each(files.map((f) => [f.area === "." ? "messages/" : `messages/${f.area}/`, f.byLocale] as const))("%s", (_where, byLocale) => {
    const keyed = Object.fromEntries(LOCALES.map((l) => [l, new Map(leaves(byLocale[l]))])) as Record<Locale, Map<string, unknown>>;

    it("has the same namespaces in every language", () => {
      const [first, ...rest] = LOCALES;
      for (const locale of rest) expect(Object.keys(byLocale[locale]).sort(), locale).toEqual(Object.keys(byLocale[first!]).sort());
    });

    it.each(LOCALES.flatMap((a) => LOCALES.filter((b) => b !== a).map((b) => [a, b] as const)))("every %s key exists in %s", (from, to) => {
      const missing = [...keyed[from].keys()].filter((key) => !keyed[to].has(key));
      expect(missing).toEqual([]);
    });

    it.each(LOCALES)("no %s message is empty or a non-string", (locale) => {
      const entries = [...keyed[locale]];
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.filter(([, value]) => typeof value !== "string").map(([key]) => key)).toEqual([]);
      expect(entries.filter(([, value]) => typeof value === "string" && value.trim() === "").map(([key]) => key)).toEqual([]);
    });

    it("every message has the same ICU arguments in every language", () => {
      const [first, ...rest] = LOCALES;
      const mismatches: string[] = [];
      for (const [key, value] of keyed[first!]) {
        if (typeof value !== "string") continue; // reported by the string test
        const expected = icuArguments(value);
        for (const locale of rest) {
          const other = keyed[locale].get(key);
          if (typeof other !== "string") continue; // reported by the key and string tests
          const actual = icuArguments(other);
          if (JSON.stringify(actual) !== JSON.stringify(expected))
            mismatches.push(`${key}: ${first} ${JSON.stringify(expected)} ≠ ${locale} ${JSON.stringify(actual)}`);
        }
      }
      expect(mismatches).toEqual([]);
    });
  });
});
