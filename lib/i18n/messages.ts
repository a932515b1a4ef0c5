import en from "@/messages/en.json" with { type: "json" };
import zhCN from "@/messages/zh-CN.json" with { type: "json" };
import type { Locale } from "./locale";

/** Every message of a locale, for server code outside React (route handlers, actions). */
export const messagesFor = (locale: Locale) => (locale === "en" ? en : zhCN);
