import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/** A resolver that fetches its schema when first needed, and can be told to fetch it ahead (`preload`). */
export type LazyResolver<I extends FieldValues, O extends FieldValues> = Resolver<I, unknown, O> & {
  /**
   * Starts the fetch now (a form that validates on blur calls it as it opens); settles when it has, never
   * rejects. A failure is retried at the next use; a validation made while the fetch is on its way shares it.
   */
  preload(): Promise<void>;
};

/**
 * A react-hook-form resolver whose zod schema is fetched at the form's first validation (its first submit)
 * instead of with the page: zod and the resolver are ~44 KB of gzip that a page showing an empty form does not
 * need before the buyer types. `load` is a dynamic import of the schema's module. A failed fetch (offline)
 * rejects that validation and is tried again at the next.
 */
export function lazyZodResolver<I extends FieldValues, O extends FieldValues>(load: () => Promise<z.ZodType<O, I>>): LazyResolver<I, O> {
  let resolver: Promise<Resolver<I, unknown, O>> | undefined;
  const fetched = () =>
    (resolver ??= Promise.all([load(), import("@hookform/resolvers/zod")])
      .then(([schema, { zodResolver }]) => zodResolver(schema))
      .catch((error: unknown) => {
        resolver = undefined;
        throw error;
      }));
  const lazy: Resolver<I, unknown, O> = async (values, context, options) => (await fetched())(values, context, options);
  return Object.assign(lazy, {
    preload: () =>
      fetched().then(
        () => undefined,
        () => undefined,
      ),
  });
}
