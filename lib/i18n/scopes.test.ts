import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { covers, declaredNamespaces, pagesWithLayouts, rendersClientMessages, scanEntry } from "./client-scan";
import { LOCALES } from "./locale";
import { messagesFor } from "./messages";
import { KNOWN_NAMESPACES, mergeMessages, overlaps, pick, STAFF_PATHS, staffMessageMarkers } from "./scopes";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const pages = pagesWithLayouts(ROOT).map(({ page, layouts }) => {
  const route = relative(ROOT, page);
  const declared = [page, ...layouts].flatMap(declaredNamespaces);
  const provided = [page, ...layouts].some(rendersClientMessages);
  return { route, staff: /^app\/\((operator|sales)\)\//.test(route), declared, provided, used: scanEntry(ROOT, page) };
});

describe("pick and mergeMessages", () => {
  const messages = { A: { x: "1", y: { z: "2", w: "3" } }, B: { v: "4" } };
  it.each([
    [["A"], { A: messages.A }],
    [["A.y.z"], { A: { y: { z: "2" } } }],
    [["A.x", "A.y.w", "B"], { A: { x: "1", y: { w: "3" } }, B: { v: "4" } }],
    [["A.y", "A.y.z"], { A: { y: { z: "2", w: "3" } } }],
    [[], {}],
  ])("pick(%j)", (paths, expected) => {
    expect(pick(messages, paths)).toEqual(expected);
  });
  it("refuses a path that names nothing", () => {
    expect(() => pick(messages, ["A.nope"])).toThrow('No messages at "A.nope"');
    expect(() => pick(messages, ["A.x.deeper"])).toThrow();
  });
  it("merges nested trees without changing either", () => {
    const a = { A: { x: "1" } };
    const b = { A: { y: { z: "2" } }, B: { v: "4" } };
    expect(mergeMessages(a, b)).toEqual({ A: { x: "1", y: { z: "2" } }, B: { v: "4" } });
    expect(a).toEqual({ A: { x: "1" } });
  });
});

describe("per-page message scoping", () => {
  it("finds the pages and their client components", () => {
    const buy = pages.find((p) => p.route === "app/(store)/buy/page.tsx")!;
    expect(buy.used.clientModules).toContain("components/checkout/buy-wizard.tsx");
    expect(buy.used.namespaces).toEqual(expect.arrayContaining(["Buy", "Summary", "Wizard", "Pricing"]));
  });

  it.each(LOCALES)("every namespace of the messages (%s) is known, so every page has to ask for it by name", (locale) => {
    const known: readonly string[] = KNOWN_NAMESPACES;
    expect(Object.keys(messagesFor(locale)).filter((ns) => !known.includes(ns))).toEqual([]);
  });

  it.each(pages.map((p) => [p.route, p] as const))("%s lists every namespace its client components read", (_route, page) => {
    const missing = page.used.namespaces.filter((used) => !page.declared.some((d) => covers(d, used)));
    expect(missing).toEqual([]);
  });

  // The root layout renders no provider: a client component calling a
  // next-intl hook outside a <ClientMessages> would throw "No intl context found".
  it.each(pages.map((p) => [p.route, p] as const))("%s wraps its next-intl client components in a provider", (_route, page) => {
    if (page.used.intlModules.length > 0) expect(page.provided, page.used.intlModules.join(", ")).toBe(true);
  });

  it.each(pages.map((p) => [p.route, p] as const))("%s names only paths that exist", (_route, page) => {
    for (const locale of LOCALES) expect(() => pick(messagesFor(locale), page.declared)).not.toThrow();
  });

  it.each(pages.filter((p) => !p.staff).map((p) => [p.route, p] as const))(
    "%s (store side) sends none of the staff side's messages",
    (_route, page) => {
      const staff = page.declared.filter((d) => STAFF_PATHS.some((s) => overlaps(d, s)));
      expect(staff).toEqual([]);
    },
  );

  it("the staff paths exist", () => {
    for (const locale of LOCALES) expect(() => pick(messagesFor(locale), STAFF_PATHS)).not.toThrow();
  });
});

describe("staffMessageMarkers", () => {
  it.each(LOCALES)("finds the staff side's messages in a payload that carries them (%s)", (locale) => {
    const messages = messagesFor(locale);
    const markers = staffMessageMarkers(messages);
    const leaked = `self.__next_f.push([1,${JSON.stringify(JSON.stringify({ messages: pick(messages, ["Quotes.builder"]) }))}])`;
    expect(markers.some((m) => leaked.includes(m))).toBe(true);
    const everything = JSON.stringify(JSON.stringify(messages));
    expect(markers.filter((m) => everything.includes(m)).length).toBeGreaterThan(STAFF_PATHS.length);
    const store = JSON.stringify(JSON.stringify(pick(messages, ["Buy", "Checkout", "Summary", "Wizard", "Quotes.view", "Pricing"])));
    expect(markers.filter((m) => store.includes(m))).toEqual([]);
  });
});
