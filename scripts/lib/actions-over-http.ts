// Calling the app's server actions over HTTP as its pages do, against a production `next start`: the action's
// id from the build's manifest, its arguments in React's encodeReply wire format, its answer read from the
// Flight rows. Used by the chaos run (scripts/chaos.ts) and the scale-out test (scripts/scale-out.process.test.ts).
import { readFileSync } from "node:fs";

interface ManifestEntry {
  exportedName?: string;
  filename?: string;
}

/** The id of the server action `exported` of `file` (e.g. lib/actions/place-order.ts), from the build's manifest. */
export function actionId(file: string, exported: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, ManifestEntry>;
  };
  const found = Object.entries(manifest.node).find(([, a]) => a.filename?.endsWith(file) && a.exportedName === exported);
  if (!found) throw new Error(`no server action ${exported} of ${file} in .next/server/server-reference-manifest.json`);
  return found[0];
}

/**
 * The action's return value in a Flight answer: rows `<hex id>:<json>`, where row 0 holds it (`{ a: … }`) or
 * names the row that does (`"$@<row>"`). Undefined when the answer carries none (a redirect, a crash).
 */
export function actionResult<R>(text: string): R | undefined {
  const rows = new Map(
    text
      .split("\n")
      .map((line) => /^([0-9a-f]+):(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => [m[1]!, m[2]!]),
  );
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: unknown } | null;
    const ref = typeof head?.a === "string" && head.a.startsWith("$@") ? head.a.slice(2) : undefined;
    return (ref ? JSON.parse(rows.get(ref) ?? "null") : head?.a) as R | undefined;
  } catch {
    return undefined;
  }
}

/** The arguments of an action call: JSON values, or the fields of the FormData a `<form action>` sends. */
export type ActionArgs =
  { json: unknown[] } | { form: Record<string, string>; /** useActionState: (prevState, formData) */ prev?: boolean };

/** The request body and content type encodeReply would make for `args`. */
export function encodeArgs(args: ActionArgs): { body: string | FormData; contentType?: string } {
  if ("json" in args) return { body: JSON.stringify(args.json), contentType: "text/plain;charset=UTF-8" };
  // A FormData argument is part 1 (referenced as "$K1", its fields prefixed "_1_", as React 19.2's encodeReply
  // writes them), the argument list part "0", last.
  const form = new FormData();
  for (const [k, v] of Object.entries(args.form)) form.append(`_1_${k}`, v);
  form.append("0", JSON.stringify(args.prev ? [null, "$K1"] : ["$K1"]));
  return { body: form };
}

export interface ActionAnswer<R = unknown> {
  status: number;
  /** The Flight payload. */
  text: string;
  /** The action's return value, when it returned one. */
  result: R | undefined;
  /** Where the action redirected (`x-action-redirect`, without its `;push`/`;replace`), if it did. */
  redirect?: string;
}

/** A browser-like client: keeps its cookies, sends Origin like a same-site page, never follows redirects. */
export class HttpClient {
  private cookies = new Map<string, string>();
  constructor(
    readonly origin: string,
    private readonly timeoutMs = 30_000,
  ) {}

  get cookie(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set("origin", this.origin);
    if (this.cookies.size) headers.set("cookie", this.cookie);
    const response = await fetch(this.origin + path, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(this.timeoutMs) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return response;
  }

  /** Calls action `id` as page `path` would. */
  async action<R = unknown>(path: string, id: string, args: ActionArgs): Promise<ActionAnswer<R>> {
    const { body, contentType } = encodeArgs(args);
    const headers: Record<string, string> = { "next-action": id, accept: "text/x-component" };
    if (contentType) headers["content-type"] = contentType;
    const response = await this.fetch(path, { method: "POST", headers, body });
    const text = await response.text();
    const redirect = response.headers.get("x-action-redirect")?.split(";")[0] ?? undefined;
    return { status: response.status, text, result: actionResult<R>(text), redirect };
  }
}
