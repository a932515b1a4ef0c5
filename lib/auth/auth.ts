import { createHash } from "node:crypto";
import path from "node:path";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { phoneNumber } from "better-auth/plugins";
import { phoneNumberOptions } from "@/lib/membership/phone";
import { requestLocaleOrDefault, requestNowOrNow } from "./request-context";
import { getDb, type Db } from "@/lib/db/client";
import { account, session, user, verification } from "@/lib/db/schema";
import { env, type Env } from "@/lib/env";
import { bootstrapOperators } from "./bootstrap";
import { requestOrigins } from "./request";
import { DEFAULT_DISCOUNT_LIMIT_PERCENT, ROLES } from "./roles";

// No `server-only` here: scripts/create-operator.ts and vitest build auth instances too.

export interface CreateAuthOptions {
  /** Signs cookies; at least 32 characters. */
  secret: string;
  /** The public origin; undefined trusts each request's own origin (any host/port). */
  baseURL?: string;
}

/** A better-auth instance (email + password) over the given database. */
export function createAuth(db: Db, options: CreateAuthOptions) {
  const { secret, baseURL } = options;
  return betterAuth({
    appName: "Quorum Store",
    secret,
    // Unset, the origin the browser used (its Host header) is trusted, so the app works on
    // http://localhost:3000, http://127.0.0.1:3917 or a LAN address alike, while a cross-site
    // POST still fails the origin check. Set, only that origin is trusted.
    baseURL,
    trustedOrigins: baseURL ? [] : (request) => requestOrigins(request),
    database: drizzleAdapter(db, { provider: "pg", schema: { user, session, account, verification } }),
    emailAndPassword: { enabled: true, requireEmailVerification: false, minPasswordLength: 8, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: [...ROLES], required: true, defaultValue: "buyer", input: false },
        discountLimitPercent: { type: "number", required: true, defaultValue: DEFAULT_DISCOUNT_LIMIT_PERCENT, input: false },
      },
    },
    advanced: {
      // Secure cookies need HTTPS, which a configured https:// BETTER_AUTH_URL vouches for (without it, the
      // auth route adds Secure per request when the browser came over https: lib/auth/secure-cookies.ts);
      // better-auth's own default (on in production) would break sign-in over plain HTTP on a LAN.
      useSecureCookies: baseURL?.startsWith("https://") ?? false,
      // better-auth skips the origin (CSRF) check when NODE_ENV=test; keep it on everywhere.
      disableOriginCheck: false,
    },
    // Off: better-auth's own limiter counts per process and believes any X-Forwarded-For. The auth
    // route applies the store's limits instead (lib/limits/auth.ts): in the database, shared by every
    // server, by the address TRUSTED_PROXIES allows, with per-account back-off on failed sign-ins.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    logger: {
      log(level, message, ...args) {
        // Deriving the base URL from the request is deliberate (see above): drop that warning.
        if (!baseURL && message.includes("Base URL is not set")) return;
        (level === "error" ? console.error : level === "warn" ? console.warn : console.log)(`[auth] ${message}`, ...args);
      },
    },
    // Must stay last: it copies Set-Cookie from auth.api calls in server actions into next/headers.
    // phoneNumber (issue 14): a person proves a mobile number with a one-time code (lib/membership/phone.ts).
    plugins: [phoneNumber(phoneNumberOptions(db, { now: requestNowOrNow, locale: requestLocaleOrDefault })), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * BETTER_AUTH_SECRET, else a development default derived from DATA_DIR: stable across restarts but
 * guessable by anyone who knows the folder, so production must set BETTER_AUTH_SECRET.
 */
export function authSecret(e: Pick<Env, "BETTER_AUTH_SECRET" | "DATA_DIR">): string {
  if (e.BETTER_AUTH_SECRET) return e.BETTER_AUTH_SECRET;
  return createHash("sha256")
    .update(`quorum-store/dev-auth-secret/${path.resolve(e.DATA_DIR)}`)
    .digest("hex");
}

/** The auth options the environment asks for. */
export function authOptionsFromEnv(e: Env = env()): CreateAuthOptions {
  // A derived secret is announced once at start (startupWarnings in lib/env.ts); a public deployment refuses it.
  return { secret: authSecret(e), baseURL: e.BETTER_AUTH_URL };
}

const globalForAuth = globalThis as typeof globalThis & { __authPromise?: Promise<Auth> };

/** The process-wide auth instance over `getDb()`, built once. */
export function getAuth(): Promise<Auth> {
  // Keep the promise, like getDb(): concurrent first callers must share one instance.
  globalForAuth.__authPromise ??= getDb()
    .then(async (db) => {
      const e = env();
      const auth = createAuth(db, authOptionsFromEnv(e));
      // Before any sign-in can reach this instance: the listed operators exist.
      if (e.QUORUM_BOOTSTRAP_OPERATORS?.length && e.QUORUM_BOOTSTRAP_OPERATOR_PASSWORD) {
        await bootstrapOperators(auth, db, { emails: e.QUORUM_BOOTSTRAP_OPERATORS, password: e.QUORUM_BOOTSTRAP_OPERATOR_PASSWORD });
      }
      return auth;
    })
    .catch((error: unknown) => {
      globalForAuth.__authPromise = undefined;
      throw error;
    });
  return globalForAuth.__authPromise;
}
