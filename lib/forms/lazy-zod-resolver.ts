import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";

/**
 * A react-hook-form resolver whose zod schema is fetched at the form's first validation (its first submit)
 * instead of with the page: zod and the resolver are ~44 KB of gzip that a page showing an empty form does not
 * need before the buyer types. `load` is a dynamic import of the schema's module. A failed fetch (offline)
 * rejects that validation and is tried again at the next.
 */
export function lazyZodResolver<I extends FieldValues, O extends FieldValues>(
  load: () => Promise<z.ZodType<O, I>>,
): Resolver<I, unknown, O> {
  let resolver: Promise<Resolver<I, unknown, O>> | undefined;
  return async (values, context, options) => {
    resolver ??= Promise.all([load(), import("@hookform/resolvers/zod")]).then(([schema, { zodResolver }]) => zodResolver(schema));
    try {
      return await (
        await resolver
      )(values, context, options);
    } catch (error) {
      resolver = undefined;
      throw error;
    }
  };
}
