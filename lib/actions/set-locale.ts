"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES } from "@/lib/i18n/locale";
import { publicAction, toFormAction } from "./client";

const remember = toFormAction(
  "public",
  ["locale"],
  publicAction("set-locale", z.object({ locale: z.enum(LOCALES) })).action(async ({ parsedInput }) => {
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax" });
  }),
  // Anything but a supported locale is ignored.
  () => undefined,
);

/** Remembers the buyer's language for a year (a plain `<form action>`: the form data is the only argument). */
export async function setLocale(formData: FormData): Promise<void> {
  await remember(null, formData);
}
