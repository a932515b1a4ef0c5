// Plain constants shared by the catalog schema and the app; no zod here, so the browser bundle
// can use them without carrying the validator.

/** The two languages every catalog text is written in. */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const EDITION_IDS = ["free", "pro", "business", "enterprise", "education", "education-plus"] as const;
export type EditionId = (typeof EDITION_IDS)[number];

export const FAMILY_IDS = ["large-meeting", "webinar", "recording", "mra", "rooms", "phone-pack"] as const;
export type FamilyId = (typeof FAMILY_IDS)[number];
