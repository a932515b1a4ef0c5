import { z } from "zod";

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
    // Signs session cookies. Unset: a development default derived from DATA_DIR (lib/auth/auth.ts);
    // production must set it (e.g. `openssl rand -base64 32`).
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
    // The public origin, e.g. https://store.example.com. Unset: taken from each request's Host, which
    // suits plain HTTP on any host/port; set it behind an HTTPS proxy (it also turns on Secure cookies).
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
    // (lib/payments/sandbox/secret.ts), like BETTER_AUTH_SECRET.
    SANDBOX_PAYMENT_SECRET: z.string().min(32, "must be at least 32 characters (try `openssl rand -base64 32`)").optional(),
    // The CJK font embedded in quote PDFs, a .ttf/.otf/.ttc path. Unset: the first of Debian's fonts-noto-cjk
    // or fonts-wqy-zenhei found (lib/quotes/pdf.ts). For a .ttc, QUOTE_PDF_FONT_NAME picks the face by its
    // PostScript name (see `fc-query -f '%{postscriptname}\n' FILE`), e.g. NotoSansCJKsc-Regular.
    QUOTE_PDF_FONT: z.string().optional(),
    QUOTE_PDF_FONT_NAME: z.string().optional(),
  })
  .refine((e) => !e.QUORUM_BOOTSTRAP_OPERATORS?.length || e.QUORUM_BOOTSTRAP_OPERATOR_PASSWORD, {
    path: ["QUORUM_BOOTSTRAP_OPERATOR_PASSWORD"],
    message: "is required when QUORUM_BOOTSTRAP_OPERATORS is set",
  });

export type Env = z.infer<typeof envSchema>;

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
