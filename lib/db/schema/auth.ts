import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file outside the app's path aliases.
import { DEFAULT_DISCOUNT_LIMIT_PERCENT, ROLES } from "../../auth/roles";

// The tables better-auth's Drizzle adapter expects (as `npx auth generate` writes them for "pg"),
// keyed user/session/account/verification, plus our own user columns. Timestamps carry a time
// zone like the rest of the schema.
const createdAt = () => timestamp("created_at", { withTimezone: true }).defaultNow().notNull();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).$onUpdate(() => new Date());

/** A person who can sign in: a buyer, a salesperson or an operator. */
export const user = pgTable(
  "user",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").default(false).notNull(),
    image: text("image"),
    createdAt: createdAt(),
    updatedAt: updatedAt().defaultNow().notNull(),
    role: text("role", { enum: ROLES }).default("buyer").notNull(),
    discountLimitPercent: integer("discount_limit_percent").default(DEFAULT_DISCOUNT_LIMIT_PERCENT).notNull(),
    // better-auth's phone-number plugin (issue 14): a number the person proved with a one-time code.
    phoneNumber: text("phone_number").unique(),
    phoneNumberVerified: boolean("phone_number_verified"),
  },
  (t) => [
    check("user_role_check", sql`${t.role} in (${sql.raw(ROLES.map((r) => `'${r}'`).join(", "))})`),
    check("user_discount_limit_percent_check", sql`${t.discountLimitPercent} between 0 and 100`),
  ],
);

/** A signed-in browser; the cookie holds `token`. */
export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt().notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [index("session_userId_idx").on(t.userId)],
);

/** A way to sign in; for email + password, providerId "credential" and the password hash. */
export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt().notNull(),
  },
  (t) => [index("account_userId_idx").on(t.userId)],
);

/** Short-lived tokens (email verification, password reset). */
export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt().defaultNow().notNull(),
  },
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

export type UserRow = typeof user.$inferSelect;
