// Per-page message scoping. There is no provider at the root: each page (or layout) wraps its client
// components in <ClientMessages namespaces={[…]}> naming the namespaces (or sub-paths, "Quotes.view")
// those components read, and only those reach its HTML. A page without client translations loads none
// of next-intl's client code. Every namespace of the message files is listed below (scopes.test.ts).
import type { Messages } from "./messages";

type Namespace = keyof Messages;
/** A namespace or a dotted path inside one ("Checkout.voucher"); checked against the messages when picked. */
export type MessagePath = Namespace | `${Namespace}.${string}`;

/** Namespaces every page must ask for by name (every area's, issues 12–15 included). */
export const KNOWN_NAMESPACES = [
  "Pricing",
  "Api",
  "Meta",
  "Nav",
  "LanguageSwitch",
  "PricingPage",
  "NotFound",
  "Buy",
  "Summary",
  "Wizard",
  "Checkout",
  "Order",
  "Verification",
  "OperatorNav",
  "Console",
  "Vouchers",
  "Audit",
  "Auth",
  "AgreementPage",
  "Invoice",
  "Receipt",
  "Inputs",
  "Limits",
  "OrderStates",
  "Payments",
  "PaymentsAttention",
  "QuoteAdmin",
  "Quotes",
  "ContactSales",
  "OrgDetails",
  "Operator",
  "Staff",
  "Lifecycle",
  "Services",
  "Refunds",
  "RefundsAdmin",
  "Membership",
  "SmsOutbox",
  "PlatformAgreements",
  "Inbox",
  "Phone",
  "PhoneInbox",
  "PhoneOperator",
] as const satisfies readonly Namespace[];

/** The staff side's messages (operator and sales pages): no store or console page may send any of them. */
export const STAFF_PATHS = [
  "QuoteAdmin",
  "Staff",
  "PaymentsAttention",
  "Audit",
  "Operator",
  "OperatorNav",
  "Vouchers",
  "Verification.operator",
  "Quotes.builder",
  "RefundsAdmin",
  "PhoneOperator",
] as const satisfies readonly MessagePath[];

type Tree = { [key: string]: unknown };
const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

/** Two message trees as one (b wins on a leaf both have); neither is changed. */
export function mergeMessages<T extends Tree>(a: T, b: Tree): T {
  const out: Tree = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = isTree(out[key]) && isTree(value) ? mergeMessages(out[key], value) : value;
  return out as T;
}

/** The sub-tree of `messages` holding just the given paths. A path that names nothing throws (a typo would show keys). */
export function pick(messages: Tree, paths: readonly string[]): Tree {
  let out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let node: unknown = messages;
    for (const key of keys) node = isTree(node) ? node[key] : undefined;
    if (node === undefined) throw new Error(`No messages at "${path}"`);
    const wrapped = keys.reduceRight<unknown>((inner, key) => ({ [key]: inner }), node) as Tree;
    out = mergeMessages(out, wrapped);
  }
  return out;
}

/** Whether two paths overlap (one is the other or inside it): "Quotes" overlaps "Quotes.builder". */
export const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/**
 * Strings that give the staff side's messages away in a page's HTML (its Flight payload carries the
 * provider's messages as JSON): each staff namespace's key as JSON writes it, and every staff message
 * of 10 characters or more that HTML escaping leaves as it is and no other message contains. A store
 * page's HTML contains none.
 */
export function staffMessageMarkers(messages: Tree): string[] {
  const staff: string[] = [];
  const others: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (typeof node === "string") (STAFF_PATHS.some((s) => overlaps(path, s)) ? staff : others).push(node);
    else if (isTree(node)) for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(messages, "");
  const markers = new Set<string>();
  for (const path of STAFF_PATHS) if (!path.includes(".")) markers.add(`\\"${path}\\":{`).add(`"${path}":{`);
  for (const text of staff) if (text.length >= 10 && !/["'\\<>&{}]/.test(text) && !others.some((o) => o.includes(text))) markers.add(text);
  return [...markers];
}
