// Calling the app's server actions over HTTP exactly as its pages do (React's encodeReply wire format),
// so the chaos run drives the same endpoints a browser would, against a production `next start`.
import { readFileSync } from "node:fs";

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
  workers?: Record<string, unknown>;
}

/** The id of the server action `exportedName` exported by `file` (e.g. lib/actions/place-order.ts), from the build's manifest. */
export function actionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  for (const [id, entry] of Object.entries(manifest.node)) {
    const name = entry.exportedName;
    const where = entry.filename ?? "";
    if (name === exportedName && where.endsWith(file)) return id;
  }
  throw new Error(`no server action ${exportedName} from ${file} in .next/server/server-reference-manifest.json`);
}

export interface ActionAnswer {
  status: number;
  /** The RSC payload (the action's result is one of its rows). */
  text: string;
  /** Where the action redirected, if it did. */
  redirect?: string;
}

/** A browser-like client: keeps the session cookie, sends Origin like a same-site page. */
export class Client {
  private cookies = new Map<string, string>();
  constructor(readonly origin: string) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private remember(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", this.origin);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const response = await fetch(this.origin + path, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(30_000) });
    this.remember(response);
    return response;
  }

  /** Calls action `id` as page `path` would; `args` JSON values, or FormData entries for a form action. */
  async action(
    path: string,
    id: string,
    args: { json: unknown[] } | { form: Record<string, string>; prev?: boolean },
  ): Promise<ActionAnswer> {
    let body: string | FormData;
    const headers: Record<string, string> = { "next-action": id, accept: "text/x-component" };
    if ("json" in args) {
      body = JSON.stringify(args.json);
      headers["content-type"] = "text/plain;charset=UTF-8";
    } else {
      // encodeReply: the FormData is part 1 ("$K1", its fields prefixed "1_"), the arguments part 0.
      const form = new FormData();
      for (const [k, v] of Object.entries(args.form)) form.append(`1_${k}`, v);
      form.append("0", JSON.stringify(args.prev ? [null, "$K1"] : ["$K1"]));
      body = form;
    }
    const response = await this.fetch(path, { method: "POST", headers, body });
    const redirect = response.headers.get("x-action-redirect")?.split(";")[0] ?? response.headers.get("location") ?? undefined;
    return { status: response.status, text: await response.text(), redirect };
  }
}
