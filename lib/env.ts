import { z } from "zod";

// No `server-only` here: plain node scripts (start, migrate) read the environment too.
const envSchema = z.object({
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
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** The server environment, parsed once; throws listing every bad variable. */
export function env(): Env {
  if (cached) return cached;
  // An empty string means "unset" for shells and .env files alike.
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment variables:\n${problems}`);
  }
  cached = result.data;
  return cached;
}
