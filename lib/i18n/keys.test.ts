import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { isOneOf, translateKnown } from "./keys";
import { messagesFor } from "./messages";

const t = createTranslator({ locale: "en", messages: messagesFor("en"), onError: () => {} });

describe("typed message keys", () => {
  it("checks a written key at compile time", () => {
    expect(t("Buy.edition")).toBe("Edition");
    // @ts-expect-error a misspelt key fails tsc (this line would be an unused directive otherwise)
    expect(t("Buy.editon")).toBe("Buy.editon");
    // @ts-expect-error so does a namespace that is not a message
    expect(t("Buy")).toBe("Buy");
  });
});

describe("translateKnown", () => {
  it.each([
    [["Auth.errors.emailInvalid"], undefined, "Enter a valid email address, like name@example.com."],
    [["Staff.errors.nope", "Auth.errors.emailInvalid"], undefined, "Enter a valid email address, like name@example.com."],
    [[undefined, "", "Nope.key"], "Staff.errors.generic" as const, "Something went wrong. Reload the page and try again."],
    [["Nope.key"], undefined, "Nope.key"],
  ])("%j (fallback %s) → %s", (candidates, fallback, expected) => {
    expect(translateKnown(t, candidates, fallback)).toBe(expected);
  });
});

describe("isOneOf", () => {
  it("narrows a stored string to a listed value", () => {
    const types = ["government", "vocational"] as const;
    expect(isOneOf(types, "government")).toBe(true);
    expect(isOneOf(types, "private-school")).toBe(false);
  });
});
