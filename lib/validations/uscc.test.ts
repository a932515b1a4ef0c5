import fc from "fast-check";
import { describe, expect, it } from "vitest";
import zhCN from "@/messages/sales/zh-CN.json" with { type: "json" };
import en from "@/messages/sales/en.json" with { type: "json" };
import { isValidUscc, normalizeUscc, USCC_ALPHABET, USCC_PROBLEM_KEYS, usccCheckChar, usccProblem } from "./uscc";

describe("isValidUscc", () => {
  it.each([
    ["91350100M000100Y43", "the GB 32100-2015 example"],
    ["91110000600037341L", "a Beijing company"],
    ["91440300708461136T", "a Shenzhen company"],
    ["91110108551385082Q", "a Haidian company"],
    ["914403001922038216", "a check digit, not a letter"],
    ["91350100m000100y43", "lower case"],
    ["  91110000600037341L\t", "surrounding spaces"],
  ])("accepts %s (%s)", (code) => {
    expect(isValidUscc(code)).toBe(true);
  });

  it.each([
    ["91350100M000100Y44", "wrong check character"],
    ["91110000600037341M", "wrong check letter"],
    ["91350100M000100Y4", "17 characters"],
    ["91350100M000100Y433", "19 characters"],
    ["", "empty"],
    ["91350100I000100Y43", "I is not in the alphabet"],
    ["91350100O000100Y43", "O is not in the alphabet"],
    ["91350100Z000100Y43", "Z is not in the alphabet"],
    ["91350100S000100Y43", "S is not in the alphabet"],
    ["91350100V000100Y43", "V is not in the alphabet"],
    ["9135 0100M000100Y43", "a space inside"],
    ["91350100M000100Y4-", "punctuation"],
    ["９１３５０１００Ｍ０００１００Ｙ４３", "full-width characters"],
  ])("refuses %s (%s)", (code) => {
    expect(isValidUscc(code)).toBe(false);
  });
});

describe("usccCheckChar", () => {
  it.each([
    ["91350100M000100Y4", "3"],
    ["91110000600037341", "L"],
    ["91440300708461136", "T"],
  ])("%s → %s", (first17, check) => {
    expect(usccCheckChar(first17)).toBe(check);
  });

  it("is undefined for anything but 17 alphabet characters", () => {
    expect(usccCheckChar("9135010")).toBeUndefined();
    expect(usccCheckChar("91350100I000100Y4")).toBeUndefined();
  });
});

describe("normalizeUscc", () => {
  it("trims and upper-cases", () => {
    expect(normalizeUscc(" 91350100m000100y43 ")).toBe("91350100M000100Y43");
  });
});

const alphabetChar = fc.constantFrom(...USCC_ALPHABET.split(""));
const body = fc.array(alphabetChar, { minLength: 17, maxLength: 17 }).map((cs) => cs.join(""));

describe("USCC properties", () => {
  it("any 17 alphabet characters followed by their check character validate", () => {
    fc.assert(
      fc.property(body, (first17) => {
        expect(isValidUscc(first17 + usccCheckChar(first17))).toBe(true);
      }),
    );
  });

  it("changing any single character of a valid code invalidates it", () => {
    const replacement = fc.oneof(alphabetChar, fc.constantFrom("I", "O", "Z", "S", "V", "-", " "));
    fc.assert(
      fc.property(body, fc.nat({ max: 17 }), replacement, (first17, position, char) => {
        const code = first17 + usccCheckChar(first17);
        fc.pre(code.charAt(position) !== char);
        const changed = code.slice(0, position) + char + code.slice(position + 1);
        expect(isValidUscc(changed)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("usccProblem", () => {
  it.each([
    ["91350100M000100Y43", undefined],
    [" 91350100m000100y43 ", undefined],
    ["", "required"],
    ["   ", "required"],
    ["91350100M000100Y4", "length"],
    ["91350100M000100Y433", "length"],
    ["9135", "length"],
    ["91350100I000100Y43", "characters"],
    ["91350100O000100Y43", "characters"],
    ["91350100S000100Y43", "characters"],
    ["91350100V000100Y43", "characters"],
    ["91350100Z000100Y43", "characters"],
    ["9135 0100M000100Y43", "characters"],
    ["91350100M000100Y4-", "characters"],
    ["９１３５０１００Ｍ０００１００Ｙ４３", "characters"],
    ["91350100M000100Y44", "check"],
    ["91110000600037341M", "check"],
  ] as const)("%j → %s", (code, problem) => {
    expect(usccProblem(code)).toBe(problem);
  });

  it("agrees with isValidUscc on every code", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...USCC_ALPHABET.split(""), "I", "O", " ", "-"), maxLength: 20 }), (code) => {
        expect(usccProblem(code) === undefined).toBe(isValidUscc(code));
      }),
    );
  });

  it.each(Object.entries(USCC_PROBLEM_KEYS))("%s has its own message in both languages", (_problem, key) => {
    const zh = (zhCN.OrgDetails.errors as Record<string, string>)[key];
    const english = (en.OrgDetails.errors as Record<string, string>)[key];
    expect(zh).toBeTruthy();
    expect(english).toBeTruthy();
    const others = Object.values(USCC_PROBLEM_KEYS).filter((k) => k !== key);
    for (const other of others) {
      expect((zhCN.OrgDetails.errors as Record<string, string>)[other]).not.toBe(zh);
      expect((en.OrgDetails.errors as Record<string, string>)[other]).not.toBe(english);
    }
  });
});
