// Imported without a JSON import attribute: the build's message loader (next.config.js) turns each file
// into a module of precompiled messages, which an attribute would make it parse as plain JSON.
import en from "@/messages/en.json";
import zhCN from "@/messages/zh-CN.json";
import authEn from "@/messages/auth/en.json";
import authZhCN from "@/messages/auth/zh-CN.json";
import salesEn from "@/messages/sales/en.json";
import salesZhCN from "@/messages/sales/zh-CN.json";
import paymentsEn from "@/messages/payments/en.json";
import paymentsZhCN from "@/messages/payments/zh-CN.json";
import quotesEn from "@/messages/quotes/en.json";
import quotesZhCN from "@/messages/quotes/zh-CN.json";
import quoteAdminEn from "@/messages/quote-admin/en.json";
import quoteAdminZhCN from "@/messages/quote-admin/zh-CN.json";
import staffEn from "@/messages/staff/en.json";
import staffZhCN from "@/messages/staff/zh-CN.json";
import documentsEn from "@/messages/documents/en.json";
import documentsZhCN from "@/messages/documents/zh-CN.json";
import ordersEn from "@/messages/orders/en.json";
import ordersZhCN from "@/messages/orders/zh-CN.json";
import limitsEn from "@/messages/limits/en.json";
import limitsZhCN from "@/messages/limits/zh-CN.json";
import inputsEn from "@/messages/inputs/en.json";
import inputsZhCN from "@/messages/inputs/zh-CN.json";
import auditEn from "@/messages/audit/en.json";
import auditZhCN from "@/messages/audit/zh-CN.json";
import paymentsAttentionEn from "@/messages/payments-attention/en.json";
import paymentsAttentionZhCN from "@/messages/payments-attention/zh-CN.json";
import platformEn from "@/messages/platform/en.json";
import platformZhCN from "@/messages/platform/zh-CN.json";
import refundsEn from "@/messages/refunds/en.json";
import refundsZhCN from "@/messages/refunds/zh-CN.json";
import lifecycleEn from "@/messages/lifecycle/en.json";
import lifecycleZhCN from "@/messages/lifecycle/zh-CN.json";
import phoneEn from "@/messages/phone/en.json";
import phoneZhCN from "@/messages/phone/zh-CN.json";
import membershipEn from "@/messages/membership/en.json";
import membershipZhCN from "@/messages/membership/zh-CN.json";
import { createTranslator } from "use-intl/core";
import type { Locale } from "./locale";

// Areas keep their own message files (namespaces do not overlap); merged here per locale.
const zh = {
  ...zhCN,
  ...authZhCN,
  ...salesZhCN,
  ...paymentsZhCN,
  ...quotesZhCN,
  ...quoteAdminZhCN,
  ...staffZhCN,
  ...documentsZhCN,
  ...ordersZhCN,
  ...limitsZhCN,
  ...inputsZhCN,
  ...auditZhCN,
  ...paymentsAttentionZhCN,
  ...platformZhCN,
  ...refundsZhCN,
  ...lifecycleZhCN,
  ...phoneZhCN,
  ...membershipZhCN,
};

/** Every message of the app, shaped as the zh-CN files are (next-intl's `AppConfig` checks keys against it). */
export type Messages = typeof zh;

// `satisfies`: an English file missing a key (or adding a stray one) fails tsc.
const all: Record<Locale, Messages> = {
  "zh-CN": zh,
  en: {
    ...en,
    ...authEn,
    ...salesEn,
    ...paymentsEn,
    ...quotesEn,
    ...quoteAdminEn,
    ...staffEn,
    ...documentsEn,
    ...ordersEn,
    ...limitsEn,
    ...inputsEn,
    ...auditEn,
    ...paymentsAttentionEn,
    ...platformEn,
    ...refundsEn,
    ...lifecycleEn,
    ...phoneEn,
    ...membershipEn,
  } satisfies Messages,
};

/**
 * Every message of a locale, for server code outside React (route handlers, actions). The build
 * precompiles each message (next.config.js): one with arguments is not a string, so it is worded
 * through {@link translatorFor}, never filled in by hand.
 */
export const messagesFor = (locale: Locale) => all[locale];

const translators = new Map<Locale, ReturnType<typeof createAppTranslator>>();
const createAppTranslator = (locale: Locale) => createTranslator({ locale, messages: all[locale] });

/** A translator over every message of a locale (keys from the root: "Receipt.footer"), for server code outside React. */
export function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createAppTranslator(locale)));
  return t;
}
