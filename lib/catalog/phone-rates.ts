import data from "./phone-rates.json" with { type: "json" };

/**
 * The phone rate card (PRODUCT.md §8): catalog data, versioned like prices. Each version holds
 * per-minute rates in yuan (decimal strings, may carry a fraction of a fen): dial-in to a toll
 * and a toll-free number (mainland numbers), and call-me / dial-out by destination country (ISO
 * 3166 alpha-2). A call is rated at the version in force when it started. The shipped rates are
 * sample defaults.
 */
export interface PhoneRateVersion {
  version: string;
  /** ISO instant from which this version is in force (until the next one). */
  effectiveFrom: string;
  currency: "CNY";
  /** The home country: its numbers are "domestic" for the outbound policy and the edition gates. */
  domestic: string;
  dialIn: { toll: string; tollFree: string };
  callMe: Record<string, string>;
  dialOut: Record<string, string>;
}

export interface PhoneRateCard {
  /** Oldest first. */
  versions: PhoneRateVersion[];
}

export const phoneRateCard = data as PhoneRateCard;
