import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encodeCart } from "@/lib/cart/url";
import { y } from "@/lib/pricing/test-helpers";
import type { CartInput } from "@/lib/pricing/types";

// A tab as session-cart.ts sees it: an address bar, the current entry's history state, the tab's
// session storage and popstate listeners. The module is loaded again for each test, in that tab.
type Tab = ReturnType<typeof newTab>;
function newTab() {
  const url = new URL("http://shop.test/buy");
  const storage = new Map<string, string>();
  const listeners: ((event: { state: unknown }) => void)[] = [];
  const tab = {
    state: null as unknown,
    /** The address bar moves (Next.js, or the wizard on screen, rewrites it) without a traversal. */
    show(path: string) {
      const next = new URL(path, url);
      url.pathname = next.pathname;
      url.search = next.search;
    },
    /** Back or Forward to an entry at `path` whose history state is `state`. */
    traverse(path: string, state: unknown) {
      tab.show(path);
      tab.state = state;
      listeners.forEach((l) => l({ state }));
    },
    window: {
      location: url,
      history: {
        get state() {
          return tab.state;
        },
        replaceState(state: unknown, _unused: string, href?: string) {
          tab.state = state;
          if (href) tab.show(href);
        },
      },
      addEventListener(type: string, listener: (event: { state: unknown }) => void) {
        if (type === "popstate") listeners.push(listener);
      },
    },
    sessionStorage: {
      getItem: (key: string) => storage.get(key) ?? null,
      setItem: (key: string, value: string) => void storage.set(key, value),
    },
  };
  return tab;
}

const six: CartInput = { edition: "business", seats: 6, term: y(1), addons: [] };
const withRoom: CartInput = { ...six, addons: [{ sku: "rooms", quantity: 1 }] };
const eight: CartInput = { ...six, seats: 8 };
const at = (cart: CartInput, step?: string) => `/buy?${encodeCart(cart)}${step ? `&step=${step}` : ""}`;

let tab: Tab;
let cartModule: typeof import("./session-cart");
beforeEach(async () => {
  tab = newTab();
  vi.stubGlobal("window", tab.window);
  vi.stubGlobal("sessionStorage", tab.sessionStorage);
  vi.resetModules();
  cartModule = await import("./session-cart");
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A checkout opened on `cart` at the add-ons step, whose latest cart is `latest`. */
function checkoutAt(latest: CartInput): string {
  const { entryCheckout, resumeSessionCart, saveSessionCart } = cartModule;
  tab.show(at(six));
  expect(resumeSessionCart(six, entryCheckout(six, ""))).toBeUndefined();
  const id = (tab.state as { quorumCheckout: string }).quorumCheckout;
  tab.show(at(latest, "addons"));
  saveSessionCart(latest);
  return id;
}

describe("the session cart on Back and Forward (issue 10, item 4)", () => {
  it("Back after a refresh: the entry's render resumes the latest cart though Next.js rewrote its state and the address bar shows another cart", () => {
    const id = checkoutAt(withRoom);
    tab.traverse(at(six, "term"), { __NA: true, quorumCheckout: id });
    // The wizard still on screen writes the latest cart into the address bar; then the entry's render
    // from the server arrives and Next.js rewrites the entry's state without the checkout's id.
    tab.show(at(withRoom, "term"));
    tab.state = { __NA: true };
    const opened = cartModule.entryCheckout(six, "term");
    expect(opened).toBe(id);
    expect(cartModule.resumeSessionCart(six, opened)?.cart).toEqual(withRoom);
    expect(tab.state).toMatchObject({ quorumCheckout: id });
  });

  it("Back after a refresh, when the render arrives first: the same", () => {
    const id = checkoutAt(withRoom);
    tab.traverse(at(six, "term"), { __NA: true, quorumCheckout: id });
    const opened = cartModule.entryCheckout(six, "term");
    expect(opened).toBe(id);
    expect(cartModule.resumeSessionCart(six, opened)?.cart).toEqual(withRoom);
  });

  const newVisits: [string, (id: string) => void, CartInput, string][] = [
    ["a link to another cart after a Back", (id) => tab.traverse(at(six, "term"), { quorumCheckout: id }), eight, ""],
    ["a Back to an entry of no checkout", () => tab.traverse(at(six, "term"), { __NA: true }), six, "term"],
  ];
  it.each(newVisits)("%s starts from its URL", (_name, before, cart, step) => {
    const id = checkoutAt(withRoom);
    before(id);
    const opened = cartModule.entryCheckout(cart, step);
    expect(opened).toBeUndefined();
    expect(cartModule.resumeSessionCart(cart, opened)).toBeUndefined();
    expect(tab.state).not.toMatchObject({ quorumCheckout: id });
  });

  it("a traversal counts once: once a wizard has opened on it, a later render of that entry's cart reads the entry again", () => {
    const id = checkoutAt(withRoom);
    tab.traverse(at(six, "term"), { quorumCheckout: id });
    cartModule.resumeSessionCart(six, cartModule.entryCheckout(six, "term"));
    // Later: a new visit to that same cart link from another page (the address bar not yet moved).
    tab.show("/pricing");
    tab.state = { __NA: true };
    expect(cartModule.entryCheckout(six, "term")).toBeUndefined();
  });
});
