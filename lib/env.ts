import { z } from "zod";
import { parseTrustedProxies } from "./limits/address";

// No `server-only` here: plain node scripts (start, migrate) read the environment too.
const envSchema = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATA_DIR: z.string().min(1).default("./.data"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    // Signs session cookies. Unset: a development default derived from DATA_DIR (lib/auth/auth.ts), for
    // `npm start` on a laptop only; a public deployment (BETTER_AUTH_URL set) refuses to start without it.
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
    // The public origin, e.g. https://store.example.com. Setting it makes this a public deployment: its
    // own secrets are required and the sandbox gateway is off unless QUORUM_SANDBOX_PAYMENTS=1. Unset:
    // taken from each request's Host, which suits plain HTTP on any host/port (a laptop, a LAN).
    BETTER_AUTH_URL: z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    // Operator accounts the server makes sure exist when it starts (first deployment, end-to-end
    // tests): comma-separated emails, all with QUORUM_BOOTSTRAP_OPERATOR_PASSWORD (lib/auth/bootstrap.ts).
    QUORUM_BOOTSTRAP_OPERATORS: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email("must be comma-separated email addresses")))
      .optional(),
    QUORUM_BOOTSTRAP_OPERATOR_PASSWORD: z.string().min(8, "must be 8–128 characters").max(128, "must be 8–128 characters").optional(),
    // Which payment provider takes payments (lib/payments/registry.ts); only the built-in sandbox so far.
    PAYMENT_PROVIDER: z.enum(["sandbox"]).default("sandbox"),
    // Signs the sandbox gateway's notifications. Unset: a development default derived from DATA_DIR
    // (lib/payments/sandbox/secret.ts), like BETTER_AUTH_SECRET, and like it required on a public deployment.
    SANDBOX_PAYMENT_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
    // Whether the sandbox gateway (its hosted page /pay/sandbox/*, its notify endpoint, PAYMENT_PROVIDER=sandbox)
    // is served: anyone who can reach it marks their own order paid. Unset: on for a laptop, off for a public
    // deployment (BETTER_AUTH_URL set), which must opt in with 1 (a demo or staging store).
    QUORUM_SANDBOX_PAYMENTS: z
      .enum(["1", "0", "true", "false"], "must be 1 or 0")
      .transform((v) => v === "1" || v === "true")
      .optional(),
    // The CJK font embedded in quote PDFs, a .ttf/.otf/.ttc path. Unset: the first of Debian's fonts-noto-cjk
    // or fonts-wqy-zenhei found (lib/quotes/pdf.ts). For a .ttc, QUOTE_PDF_FONT_NAME picks the face by its
    // PostScript name (see `fc-query -f '%{postscriptname}\n' FILE`), e.g. NotoSansCJKsc-Regular.
    // Reverse proxies whose X-Forwarded-For is believed (lib/limits/address.ts): comma-separated addresses and
    // CIDR ranges. Unset: none, so a client's address is the socket's peer and X-Forwarded-For is ignored.
    TRUSTED_PROXIES: z
      .string()
      .optional()
      .superRefine((v, ctx) => {
        try {
          parseTrustedProxies(v);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: `must be comma-separated IP addresses or CIDR ranges: ${(error as Error).message}` });
        }
      }),
    // The abuse limits (lib/limits/limits.ts): unset or 1 as listed, a factor (e.g. 50) scales every per-address
    // budget, "off" turns every limit off (refused on a public deployment).
    QUORUM_RATE_LIMITS: z.union([z.literal("off"), z.coerce.number().positive("must be off or a positive factor")]).default(1),
    QUOTE_PDF_FONT: z.string().optional(),
    QUOTE_PDF_FONT_NAME: z.string().optional(),
  })
  // One refinement for every cross-variable rule, so a bad environment is told all of them at once.
  .superRefine((e, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if (e.QUORUM_BOOTSTRAP_OPERATORS?.length && !e.QUORUM_BOOTSTRAP_OPERATOR_PASSWORD) {
      problem("QUORUM_BOOTSTRAP_OPERATOR_PASSWORD", "is required when QUORUM_BOOTSTRAP_OPERATORS is set");
    }
    // A public deployment: the development defaults derived from DATA_DIR are guessable.
    if (e.BETTER_AUTH_URL) {
      for (const name of ["BETTER_AUTH_SECRET", "SANDBOX_PAYMENT_SECRET"] as const) {
        if (!e[name]) {
          problem(
            name,
            "is required when BETTER_AUTH_URL is set (a public deployment): the development default derived from DATA_DIR is guessable (try `openssl rand -base64 32`)",
          );
        }
      }
    }
    if (e.BETTER_AUTH_URL && e.QUORUM_RATE_LIMITS === "off") {
      problem("QUORUM_RATE_LIMITS", "cannot be off on a public deployment (BETTER_AUTH_URL set)");
    }
    if (e.PAYMENT_PROVIDER === "sandbox" && !sandboxOn(e)) {
      problem(
        "PAYMENT_PROVIDER",
        e.BETTER_AUTH_URL
          ? "is the sandbox gateway (no real money: anyone can mark an order paid), which a public deployment (BETTER_AUTH_URL set) serves only with QUORUM_SANDBOX_PAYMENTS=1"
          : "is the sandbox gateway, which QUORUM_SANDBOX_PAYMENTS=0 turns off",
      );
    }
  })
  .transform((e) => ({ ...e, QUORUM_SANDBOX_PAYMENTS: sandboxOn(e) }));

function sandboxOn(e: { QUORUM_SANDBOX_PAYMENTS?: boolean; BETTER_AUTH_URL?: string }): boolean {
  return e.QUORUM_SANDBOX_PAYMENTS ?? !e.BETTER_AUTH_URL;
}

export type Env = z.infer<typeof envSchema>;

/** Whether the sandbox gateway is served (its page, its notify endpoint, the provider itself). */
export function sandboxPaymentsEnabled(e: Pick<Env, "QUORUM_SANDBOX_PAYMENTS">): boolean {
  return e.QUORUM_SANDBOX_PAYMENTS;
}

/**
 * What the server says as it starts about a configuration that works but is for development only:
 * the secrets it derives from DATA_DIR, and a public deployment that serves the sandbox gateway.
 */
export function startupWarnings(e: Env): string[] {
  const warnings: string[] = [];
  const derived = (["BETTER_AUTH_SECRET", "SANDBOX_PAYMENT_SECRET"] as const).filter((name) => !e[name]);
  if (derived.length) {
    warnings.push(
      `[env] ${derived.join(" and ")} ${derived.length > 1 ? "are" : "is"} not set: using development secrets derived from DATA_DIR, ` +
        "guessable by anyone who knows the folder. Fine for `npm start` on a laptop; set them before exposing this server " +
        "(a public deployment, with BETTER_AUTH_URL, refuses to start without them).",
    );
  }
  if (e.BETTER_AUTH_URL && e.QUORUM_SANDBOX_PAYMENTS) {
    warnings.push(
      `[env] QUORUM_SANDBOX_PAYMENTS=1 on the public deployment ${e.BETTER_AUTH_URL}: the sandbox gateway is served, so anyone can mark their own order paid without paying.`,
    );
  }
  return warnings;
}

let cached: Env | undefined;

/** Parses an environment such as process.env, without caching; throws listing every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  // An empty string means "unset" for shells and .env files alike.
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  return result.data;
}

/** The server environment, parsed once; throws listing every bad variable. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
