// The compiled stylesheet's hand-off from the server render (app/layout.tsx) to the HTML render
// (components/inline-styles.tsx). Both run in the server's one process but in separate module graphs (React
// Server Components and server-side rendering), so the text goes through the process's global object: passed
// as a prop it would be serialised into every page's RSC payload, a second copy of the whole stylesheet.
const KEY = Symbol.for("quorum.appStyles");

type Holder = { [KEY]?: string };

export function handOffStyles(css: string): void {
  (globalThis as Holder)[KEY] = css;
}

/** The stylesheet the server compiled, or undefined (in the browser, or before the first server render). */
export function handedOffStyles(): string | undefined {
  return (globalThis as Holder)[KEY];
}
