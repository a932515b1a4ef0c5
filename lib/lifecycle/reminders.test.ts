import { describe, expect, it } from "vitest";
import { reminderThreshold } from "./reminders";

describe("renewal reminders 30, 7 and 1 days before the seats expire", () => {
  it.each([
    [31, null],
    [30, 30],
    [8, 30],
    [7, 7],
    [2, 7],
    [1, 1],
    [0, null],
  ])("%i days left → %s", (days, threshold) => {
    expect(reminderThreshold(days)).toBe(threshold);
  });
});
