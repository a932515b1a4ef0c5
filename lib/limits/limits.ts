// Every abuse limit of the store, in one place (README "Abuse limits" prints this table).

/** What a limit counts against: the client address (lib/limits/address.ts) or the account's email. */
export type LimitKey = "address" | "email";

export interface LimitRule {
  /** Requests allowed per `duration` seconds (scaled by QUORUM_RATE_LIMITS). */
  points: number;
  duration: number;
  /** Seconds a key that went over is refused for. */
  block: number;
  key: LimitKey;
  /** Where it is checked. */
  what: string;
}

export const LIMITS = {
  "sign-in": { points: 10, duration: 60, block: 300, key: "address", what: "POST /api/auth/sign-in/*" },
  "sign-up": { points: 5, duration: 600, block: 1800, key: "address", what: "POST /api/auth/sign-up/*" },
  auth: { points: 60, duration: 60, block: 60, key: "address", what: "every other POST /api/auth/*" },
  price: { points: 120, duration: 60, block: 60, key: "address", what: "POST /api/v1/price" },
  voucher: {
    points: 10,
    duration: 600,
    block: 1800,
    key: "address",
    what: "voucher lookups: checkVoucherAction, placeOrderAction with a code, POST /api/v1/price with a voucher",
  },
  "place-order": { points: 20, duration: 600, block: 600, key: "address", what: "placeOrderAction" },
  upload: { points: 20, duration: 600, block: 600, key: "address", what: "POST /api/uploads/education-proof" },
} as const satisfies Record<string, LimitRule>;

export type LimitName = keyof typeof LIMITS;

/**
 * Per-account back-off on failed sign-ins (keyed by the email typed): the first `free` failures
 * cost nothing; from then on each failure blocks the account's sign-ins for `firstBlock` seconds,
 * doubling with every further failure up to `maxBlock`. Failures are remembered for `memory`
 * seconds; a successful sign-in forgets them. Not scaled by QUORUM_RATE_LIMITS (a test's shared
 * address never reaches it; only repeated failures on one account do).
 */
export const SIGN_IN_BACKOFF = { free: 5, firstBlock: 30, maxBlock: 3600, memory: 86_400, key: "email" } as const;

/** Seconds the account is blocked for after its `failures`-th consecutive failure (0: not blocked). */
export function backoffSeconds(failures: number, rule: { free: number; firstBlock: number; maxBlock: number } = SIGN_IN_BACKOFF): number {
  if (failures < rule.free) return 0;
  const doublings = Math.min(failures - rule.free, 30);
  return Math.min(rule.firstBlock * 2 ** doublings, rule.maxBlock);
}

/** QUORUM_RATE_LIMITS: "off", or a factor the points of every address limit are multiplied by. */
export type LimitScale = "off" | number;

/** A limit's points under `scale`: never below 1. */
export function scaledPoints(points: number, scale: number): number {
  return Math.max(1, Math.round(points * scale));
}
