// Every message of a locale as the message files hold them (raw ICU strings), merged as lib/i18n/messages.ts
// merges them (namespaces do not overlap). Read from disk: lib/i18n/messages.ts imports the files without a
// JSON import attribute (the build precompiles them), which Node's own ESM loader under Playwright refuses.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Messages } from "@/lib/i18n/messages";
import type { Locale } from "@/lib/i18n/locale";

const ROOT = path.join(process.cwd(), "messages");

export function messagesFor(locale: Locale): Messages {
  const dirs = [
    ROOT,
    ...readdirSync(ROOT, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(ROOT, e.name)),
  ];
  return Object.assign({}, ...dirs.map((dir) => JSON.parse(readFileSync(path.join(dir, `${locale}.json`), "utf8")))) as Messages;
}
