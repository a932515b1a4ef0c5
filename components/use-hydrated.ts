"use client";

import { useSyncExternalStore } from "react";

const noop = () => () => {};

/** False on the server and until hydration: a button that needs the page's code stays disabled so an early click is not silently lost. */
export const useHydrated = () =>
  useSyncExternalStore(
    noop,
    () => true,
    () => false,
  );
