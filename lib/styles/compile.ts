import "server-only";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** The app's one stylesheet, whose Tailwind classes are found in the project's sources. */
const STYLESHEET = "app/globals.css";

let compiled: Promise<string> | undefined;

/**
 * The app's stylesheet, compiled by Tailwind and minified, for the page's head (components/inline-styles.tsx):
 * once per server process, and again on every call in development so an edit shows at the next load.
 * A failed compile is not kept: the next call tries again.
 */
export function appStyles(): Promise<string> {
  if (!compiled || process.env.NODE_ENV === "development") {
    const attempt = compileStylesheet(process.cwd()).catch((error: unknown) => {
      // Forget this attempt only: a later call may already have started another.
      if (compiled === attempt) compiled = undefined;
      throw error;
    });
    compiled = attempt;
  }
  return compiled;
}

/**
 * The browsers the stylesheet is written for: Next.js's own default (next/dist/shared/lib/modern-browserslist-target.js),
 * as Lightning CSS versions (major << 16 | minor << 8). Colours get sRGB fallbacks for the ones without `oklch`.
 */
const STYLE_TARGETS = { chrome: 111 << 16, edge: 111 << 16, firefox: 111 << 16, safari: (16 << 16) | (4 << 8) };

/** `STYLESHEET` under `root` as `next build` would make it: Tailwind's PostCSS plugin, then Lightning CSS for the targets. */
export async function compileStylesheet(root: string): Promise<string> {
  const [{ default: postcss }, { default: tailwind }, { transform }] = await Promise.all([
    import("postcss"),
    import("@tailwindcss/postcss"),
    import("lightningcss"),
  ]);
  const from = join(root, STYLESHEET);
  const tailwindCss = await postcss([tailwind({ base: root, optimize: false })]).process(await readFile(from, "utf8"), { from });
  const { code } = transform({ filename: from, code: Buffer.from(tailwindCss.css), minify: true, targets: STYLE_TARGETS });
  return code.toString();
}
