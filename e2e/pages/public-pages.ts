import { agreements } from "../../lib/agreements";

/** Every public page, with the broken and edge cases worth seeing (phone.spec.ts, security-headers.spec.ts). */
export const PUBLIC_PAGES = [
  "/pricing",
  "/pricing?billing=monthly",
  "/buy",
  "/buy?edition=pro&seats=lots&term=13m&add=mra:1&add=hologram:2",
  "/contact-sales",
  "/contact-sales?edition=enterprise",
  "/contact-sales/thanks",
  "/sign-in",
  "/sign-up",
  "/forbidden",
  "/no-such-page",
  ...agreements.map((a) => `/agreements/${a.id}`),
];
