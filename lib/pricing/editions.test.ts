import { describe, expect, it } from "vitest";
import { catalog } from "@/lib/catalog";
import { seatPricePoints } from "./editions";

describe("seatPricePoints", () => {
  it.each([
    ["pro", { year: "988.00", month: "98.00", yearPerMonth: "82.33", monthTimesTwelve: "1176.00", annualSavingPercent: 15 }],
    ["business", { year: "1390.00", month: "139.00", yearPerMonth: "115.83", monthTimesTwelve: "1668.00", annualSavingPercent: 16 }],
    ["education", { year: "760.00", month: "76.00", yearPerMonth: "63.33", monthTimesTwelve: "912.00", annualSavingPercent: 16 }],
    ["enterprise", { year: undefined, month: undefined }],
  ])("%s", (id, expected) => {
    expect(seatPricePoints(catalog.editions.find((e) => e.id === id)!)).toEqual(expected);
  });
});
