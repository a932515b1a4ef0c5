/**
 * Holds a page's framework scripts until the browser has painted it.
 *
 * Next.js puts every chunk of the framework and the page's client components in the head as
 * `<script src async>` tags and script preloads, so on a slow phone they share the first round
 * trips with the HTML and the stylesheet, and they are evaluated as they arrive, each one a task
 * between the parser and the first frame. Nothing on a server-rendered page needs them before it
 * is painted: the text, the prices and every link are in the HTML. So this rewrites the HTML as it
 * streams: each such tag is taken out and handed to a small inline loader (under the request's CSP
 * nonce, the one Next put on the tag) that adds them back to the head once the Paint Timing API
 * reports the first contentful paint — or after `FALLBACK_MS` if it never does (a tab opened in
 * the background, a browser without the API). No-JS pages are unchanged: the scripts never ran.
 *
 * What it costs: hydration starts after the first paint rather than alongside it, by the time the
 * scripts take to arrive once asked for. Buttons that need the page's code are disabled until it
 * has run (components/use-hydrated.ts), and forms posted before that work as plain forms.
 *
 * Next.js 16 has no option for this: the tags come from ReactDOM.preinit and Fizz's bootstrap
 * scripts (next/dist/server/app-render/required-scripts.js). lib/http/page-responses.ts applies it
 * to every HTML response.
 */

/** How long the loader waits for a first paint before it adds the scripts anyway. */
export const FALLBACK_MS = 3000;

/** The path every script Next.js emits lives under (no assetPrefix is configured). */
const CHUNKS = "/_next/static/";

/** A tag to add back: its name and its attributes as written. */
export type HeldTag = [name: "script" | "link", attributes: Record<string, string>];

const ELEMENT = /<script\b([^>]*)><\/script>|<link\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([^\s=/]+)(?:="([^"]*)")?/g;

function attributes(source: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [, name, value] of source.matchAll(ATTRIBUTE)) found[name!] = decodeAttribute(value ?? "");
  return found;
}

// React escapes these in attribute values; the loader sets them through the DOM, unescaped.
const decodeAttribute = (value: string) =>
  value.replace(/&(amp|quot|#x27|#39|lt|gt);/g, (_, e: string) => ({ amp: "&", quot: '"', "#x27": "'", "#39": "'", lt: "<", gt: ">" })[e]!);

/** The tag if it is one of the framework's: a script loaded from the chunks (not the noModule polyfills) or a script preload. */
function held(name: "script" | "link", source: string): HeldTag | undefined {
  const attrs = attributes(source);
  if (name === "script") {
    const isChunk = attrs.src?.startsWith(CHUNKS) && !Object.keys(attrs).some((a) => a.toLowerCase() === "nomodule");
    return isChunk ? ["script", attrs] : undefined;
  }
  const isPreload = attrs.rel === "preload" && attrs.as === "script" && attrs.href?.startsWith(CHUNKS);
  return isPreload ? ["link", attrs] : undefined;
}

// The loader, defined once per page: `__qsHold(tags)` queues tags until the first contentful paint, then adds them.
const LOADER = `(function(w,d){var q=[],on=0;function add(l){l.forEach(function(t){var e=d.createElement(t[0]);for(var k in t[1])e.setAttribute(k,t[1][k]);d.head.appendChild(e)})}function go(){if(on)return;on=1;add(q);q=0}w.__qsHold=function(l){on?add(l):q.push.apply(q,l)};try{new PerformanceObserver(function(s){if(s.getEntriesByName("first-contentful-paint").length)go()}).observe({type:"paint",buffered:true})}catch(e){go()}setTimeout(go,${FALLBACK_MS})})(self,document);`;

// JSON inside an inline script: `<` escaped so no value can close the element, as Next escapes its own data.
const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/**
 * One HTML response, rewritten chunk by chunk: `push` returns what can be sent now (a tag cut by a
 * chunk boundary waits for the rest), `end` the remainder. Any way of splitting the document gives
 * the same output as the whole document at once.
 */
export class ScriptHolder {
  private carry = "";
  private defined = false;

  /** Tags taken out since the last text sent: one loader call, sent before the next text (a run of tags stays one call across chunks). */
  private run: { tags: HeldTag[]; nonce?: string } | undefined;

  push(text: string): string {
    const all = this.carry + text;
    const cut = completeUpTo(all);
    this.carry = all.slice(cut);
    return this.rewrite(all.slice(0, cut));
  }

  end(): string {
    const rest = this.rewrite(this.carry) + this.flush();
    this.carry = "";
    return rest;
  }

  private rewrite(html: string): string {
    let out = "";
    let from = 0;
    for (const match of html.matchAll(ELEMENT)) {
      const tag = match[1] !== undefined ? held("script", match[1]) : held("link", match[2]!);
      if (!tag) continue;
      const gap = html.slice(from, match.index);
      if (gap.length > 0) out += this.flush() + gap;
      const { nonce, ...rest } = tag[1];
      this.run ??= { tags: [], nonce };
      this.run.tags.push([tag[0], rest]);
      from = match.index + match[0].length;
    }
    const tail = html.slice(from);
    return tail.length > 0 ? out + this.flush() + tail : out;
  }

  /** The pending run as one inline script; the loader is defined in the first. */
  private flush(): string {
    if (!this.run) return "";
    const nonce = this.run.nonce === undefined ? "" : ` nonce="${this.run.nonce.replace(/"/g, "&quot;")}"`;
    const script = `<script${nonce}>${this.defined ? "" : LOADER}__qsHold(${scriptJson(this.run.tags)})</script>`;
    this.defined = true;
    this.run = undefined;
    return script;
  }
}

/** How much of `html` ends on a whole element: a tag, or a `<script>` element, that the chunk cuts waits for the rest. */
function completeUpTo(html: string): number {
  let cut = html.length;
  const lt = html.lastIndexOf("<");
  if (lt >= 0 && html.indexOf(">", lt) < 0) cut = lt;
  const script = html.lastIndexOf("<script", cut);
  if (script >= 0 && html.indexOf("</script>", script) < 0) cut = script;
  return cut;
}
