import "server-only";
import {
  createMiddleware,
  createSafeActionClient,
  createValidatedMiddleware,
  returnServerError,
  type ValidationErrors,
} from "next-safe-action";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/session";
import type { Role } from "@/lib/auth/roles";
import { recordAudit, type AuditSubject } from "@/lib/audit";
import { requestNow } from "@/lib/clock";
import { getDb } from "@/lib/db/client";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";
import { requestAddressKey } from "@/lib/limits/http";
import { getLimits } from "@/lib/limits/limiter";
import type { LimitName } from "@/lib/limits/limits";
import { RATE_LIMITED, refusalMessage } from "@/lib/limits/refusal";

/**
 * The one server-action client (next-safe-action). Every action is built from `publicAction`,
 * `userAction` or `roleAction`, which run in one order: request context → parse → authorise →
 * the action's own code (domain → db → revalidate). `ctx.now` is the request's clock, so every
 * rule judged in one request (a voucher at review and at placement) sees the same instant.
 */

/** Expected refusals raised by the middleware; the message files hold a key for each. */
export type DeniedError = "UNAUTHENTICATED" | "FORBIDDEN";
/** A limit refused the request (lib/limits): when to try again and why, in the buyer's language. */
export type RateLimited = { ok: false; error: typeof RATE_LIMITED; retryAfter: number; message: string };
type ServerError = DeniedError | "SERVER_ERROR" | RateLimited;

/** Messages per input path (`a.b` for a nested field, "" for the whole input): the one validation shape. */
export type FieldErrors = Record<string, string[]>;
export type Invalid = { ok: false; error: "INVALID"; fieldErrors: FieldErrors };
export type Denied = { ok: false; error: DeniedError };

/** What every action knows about its request before it runs. */
export interface RequestContext {
  now: Date;
  locale: Locale;
  db: Awaited<ReturnType<typeof getDb>>;
}

/** next-intl's locale narrowed once, here, to a catalog locale. */
async function requestLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

function messagesByPath(errors: ValidationErrors<z.ZodType>): FieldErrors {
  const out: FieldErrors = {};
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      if (key === "_errors" && Array.isArray(value)) (out[path.join(".")] ??= []).push(...(value as string[]));
      else walk(value, [...path, key]);
    }
  };
  walk(errors, []);
  return out;
}

const actionClient = createSafeActionClient({
  defineMetadataSchema: () => z.object({ name: z.string() }),
  // Only bugs get here: log them with the action's name; the browser learns nothing of the cause.
  handleServerError: (error, { metadata }): ServerError => {
    console.error(`[action ${metadata.name}] failed`, error);
    return "SERVER_ERROR";
  },
}).use(async ({ next }) => {
  const ctx: RequestContext = { now: await requestNow(), locale: await requestLocale(), db: await getDb() };
  return next({ ctx });
});

/**
 * An action: `schema` parses the input first. A signed-in action chains `.useValidated(signedIn)`
 * and a staff one `.useValidated(hasRole(…))` after it, so authorisation runs on parsed input:
 * `publicAction(name, schema).useValidated(signedIn).useValidated(hasRole("operator")).action(…)`.
 */
export function publicAction<S extends z.ZodType>(name: string, schema: S) {
  return actionClient.metadata({ name }).inputSchema(schema, { handleValidationErrorsShape: async (errors) => messagesByPath(errors) });
}

/** Resolves the session's user into `ctx.user`; without one the action answers UNAUTHENTICATED. */
export const signedIn = createValidatedMiddleware<{ ctx: RequestContext; serverError: ServerError }>().define<{ user: CurrentUser }>(
  async ({ next }) => {
    const user = await getCurrentUser();
    if (!user) return returnServerError<ServerError>("UNAUTHENTICATED");
    return next({ ctx: { user } });
  },
);

/**
 * Counts the call against the limit `name` for the client's address (lib/limits/limits.ts) before
 * the input is even parsed, so malformed guesses count too; over it, the action answers
 * RATE_LIMITED with the wait. `applies` (on the raw input) limits only some calls (a voucher code given).
 * Chain with `.use(rateLimit(…))` and export with an access of `"…+limited"`.
 */
export function rateLimit(name: LimitName, applies: (clientInput: unknown) => boolean = () => true) {
  return createMiddleware<{ ctx: RequestContext; serverError: ServerError }>().define(async ({ ctx, clientInput, next }) => {
    if (applies(clientInput)) {
      const refused = await (await getLimits()).consume(name, requestAddressKey(await headers()));
      if (refused) {
        const message = refusalMessage(ctx.locale, refused);
        return returnServerError<ServerError>({ ok: false, error: RATE_LIMITED, retryAfter: refused.retryAfter, message });
      }
    }
    return next();
  });
}

/** After `signedIn`: a user holding none of `roles` gets FORBIDDEN. */
export function hasRole(...roles: readonly Role[]) {
  return createValidatedMiddleware<{ ctx: RequestContext & { user: CurrentUser }; serverError: ServerError }>().define(
    async ({ ctx, next }) => {
      if (!roles.includes(ctx.user.role)) return returnServerError<ServerError>("FORBIDDEN");
      return next();
    },
  );
}

/**
 * After `hasRole`, on every operator and staff action: when the action succeeds (`{ ok: true }`),
 * appends one audit entry — who (ctx.user), when (ctx.now), what (the action's name), the subject
 * and its state before and after as `subject` names and reads it (lib/audit auditSubjects).
 */
export function audited<I, D = unknown>(subject: AuditSubject<I, D>) {
  return createValidatedMiddleware<{
    ctx: RequestContext & { user: CurrentUser };
    serverError: ServerError;
    metadata: { name: string };
    parsedInput: I;
  }>().define(async ({ ctx, parsedInput, metadata, next }) => {
    const beforeId = subject.subject(parsedInput);
    const before = beforeId === undefined ? null : await subject.load(ctx.db, beforeId);
    const result = await next();
    const data = result.data as D | undefined;
    if (result.success && (data as { ok?: unknown } | undefined)?.ok === true) {
      const afterId = subject.subject(parsedInput, data);
      const { id, email, role } = ctx.user;
      await recordAudit(ctx.db, {
        now: ctx.now,
        actor: { id, email, role },
        kind: metadata.name,
        subject: afterId ?? beforeId,
        before,
        after: afterId === undefined ? null : await subject.load(ctx.db, afterId),
      });
    }
    return result;
  });
}

type SafeResult<Data> = { data?: Data; serverError?: ServerError; validationErrors?: FieldErrors };

/**
 * Who may call an action, as its middleware chain says: what refusal it can answer with. `+limited`
 * after a chain with `rateLimit(…)`: it can also answer RATE_LIMITED.
 */
type Who = "public" | "user" | "role";
export type Access = Who | `${Who}+limited`;
type WhoRefusal<W> = W extends "role" ? Denied : W extends "user" ? { ok: false; error: "UNAUTHENTICATED" } : never;
type Refusal<A extends Access> = A extends `${infer W}+limited` ? WhoRefusal<W> | RateLimited : WhoRefusal<A>;
const REFUSALS: Record<Who, readonly DeniedError[]> = { public: [], user: ["UNAUTHENTICATED"], role: ["UNAUTHENTICATED", "FORBIDDEN"] };

/**
 * A next-safe-action action of any input type. Declared as a method so its parameter is bivariant:
 * any input reaches a server action, and the schema, not the signature, checks it.
 */
type AnySafeAction<Data> = { run(input: unknown): Promise<SafeResult<Data>> }["run"];

/** How an action answers input its schema refused; the default is INVALID with the messages by path. */
type OnInvalid<Input, R> = (fieldErrors: FieldErrors, input: Input) => R;
const invalid = (fieldErrors: FieldErrors): Invalid => ({ ok: false, error: "INVALID", fieldErrors });

/**
 * The exported action, answering the project's `{ ok: true, … } | { ok: false, error, fieldErrors? }`
 * shape rather than next-safe-action's `{ data, serverError, validationErrors }`, so every caller and
 * message stays as it was. `access` names the refusals its chain can raise (`"user"` after
 * `signedIn`, `"role"` after `hasRole`). Navigation (redirect, notFound) passes through untouched.
 */
export function toAction<A extends Access, Data, R = Invalid, Input = unknown>(
  access: A,
  action: AnySafeAction<Data>,
  onInvalid: OnInvalid<Input, R> = invalid as unknown as OnInvalid<Input, R>,
): (input: Input) => Promise<Data | R | Refusal<A>> {
  return async (input) => {
    const result = await action(input);
    if (result.validationErrors) return onInvalid(result.validationErrors, input);
    const refused = result.serverError;
    const [who, limited] = access.split("+") as [Who, string | undefined];
    if (typeof refused === "object" && limited) return refused as Refusal<A>;
    if (typeof refused === "string" && refused !== "SERVER_ERROR" && REFUSALS[who].includes(refused))
      return { ok: false, error: refused } as Refusal<A>;
    // A bug, already logged by handleServerError: it throws, as before, without its cause.
    if (refused) throw new Error("The action failed unexpectedly.");
    return result.data as Data;
  };
}

type FormInput = Record<string, FormDataEntryValue | undefined>;

/**
 * The same for a `<form action>` / `useActionState` action: the named fields of the form's
 * FormData (a missing one as undefined) are the input, so it works before hydration too.
 */
export function toFormAction<A extends Access, Data, R = Invalid>(
  access: A,
  fields: readonly string[],
  action: AnySafeAction<Data>,
  onInvalid: OnInvalid<FormInput, R> = invalid as unknown as OnInvalid<FormInput, R>,
): (previous: unknown, formData: FormData) => Promise<Data | R | Refusal<A>> {
  const run = toAction(access, action, onInvalid);
  return async (_previous, formData) => run(Object.fromEntries(fields.map((f) => [f, formData.get(f) ?? undefined])));
}

/** The type of an exported `useActionState` action answering `R`. */
export type FormAction<R> = (previous: R | null, formData: FormData) => Promise<R>;
