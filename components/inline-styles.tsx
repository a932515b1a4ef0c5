"use client";

import { useServerInsertedHTML } from "next/navigation";
import { useRef } from "react";
import { handedOffStyles } from "@/lib/styles/hand-off";

/**
 * The stylesheet in the page's head, written into the HTML once and never into the RSC payload: the first paint
 * needs no stylesheet request (one round trip less before anything shows on a phone), and client navigations keep
 * it (the root layout does not change). Renders nothing itself.
 */
export function InlineStyles() {
  const written = useRef(false);
  useServerInsertedHTML(() => {
    const css = handedOffStyles();
    if (written.current || css === undefined) return null;
    written.current = true;
    return <style id="app-styles" dangerouslySetInnerHTML={{ __html: css }} />;
  });
  return null;
}
