import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import authEn from "@/messages/auth/en.json" with { type: "json" };
import authZhCN from "@/messages/auth/zh-CN.json" with { type: "json" };
import salesEn from "@/messages/sales/en.json" with { type: "json" };
import salesZhCN from "@/messages/sales/zh-CN.json" with { type: "json" };
import paymentsEn from "@/messages/payments/en.json" with { type: "json" };
import paymentsZhCN from "@/messages/payments/zh-CN.json" with { type: "json" };
import quotesEn from "@/messages/quotes/en.json" with { type: "json" };
import quotesZhCN from "@/messages/quotes/zh-CN.json" with { type: "json" };
import quoteAdminEn from "@/messages/quote-admin/en.json" with { type: "json" };
import quoteAdminZhCN from "@/messages/quote-admin/zh-CN.json" with { type: "json" };
import staffEn from "@/messages/staff/en.json" with { type: "json" };
import staffZhCN from "@/messages/staff/zh-CN.json" with { type: "json" };
import documentsEn from "@/messages/documents/en.json" with { type: "json" };
import documentsZhCN from "@/messages/documents/zh-CN.json" with { type: "json" };
import ordersEn from "@/messages/orders/en.json" with { type: "json" };
import ordersZhCN from "@/messages/orders/zh-CN.json" with { type: "json" };
import limitsEn from "@/messages/limits/en.json" with { type: "json" };
import limitsZhCN from "@/messages/limits/zh-CN.json" with { type: "json" };
import inputsEn from "@/messages/inputs/en.json" with { type: "json" };
import inputsZhCN from "@/messages/inputs/zh-CN.json" with { type: "json" };
import auditEn from "@/messages/audit/en.json" with { type: "json" };
import auditZhCN from "@/messages/audit/zh-CN.json" with { type: "json" };
import paymentsAttentionEn from "@/messages/payments-attention/en.json" with { type: "json" };
import paymentsAttentionZhCN from "@/messages/payments-attention/zh-CN.json" with { type: "json" };
import platformEn from "@/messages/platform/en.json" with { type: "json" };
import platformZhCN from "@/messages/platform/zh-CN.json" with { type: "json" };
import refundsEn from "@/messages/refunds/en.json" with { type: "json" };
import refundsZhCN from "@/messages/refunds/zh-CN.json" with { type: "json" };
import lifecycleEn from "@/messages/lifecycle/en.json" with { type: "json" };
import lifecycleZhCN from "@/messages/lifecycle/zh-CN.json" with { type: "json" };
import phoneEn from "@/messages/phone/en.json" with { type: "json" };
import phoneZhCN from "@/messages/phone/zh-CN.json" with { type: "json" };
import membershipEn from "@/messages/membership/en.json" with { type: "json" };
import membershipZhCN from "@/messages/membership/zh-CN.json" with { type: "json" };
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

/** Every message of a locale, for server code outside React (route handlers, actions). */
export const messagesFor = (locale: Locale) => all[locale];
