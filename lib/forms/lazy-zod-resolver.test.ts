import { zodResolver } from "@hookform/resolvers/zod";
import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { lazyZodResolver } from "./lazy-zod-resolver";

const schema = z.object({ email: z.string().trim().email("bad email"), seats: z.coerce.number().int().min(1, "too few") });
type Input = z.input<typeof schema>;
type Output = z.output<typeof schema>;
const options: ResolverOptions<Input> = { fields: {}, shouldUseNativeValidation: false };

describe("lazyZodResolver", () => {
  it("fetches the schema at the first validation, once", async () => {
    const load = vi.fn(async () => schema);
    const resolver = lazyZodResolver<Input, Output>(load);
    expect(load).not.toHaveBeenCalled();
    await resolver({ email: "a@example.com", seats: "2" }, undefined, options);
    await resolver({ email: "b@example.com", seats: "3" }, undefined, options);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it.each([
    [{ email: " a@example.com ", seats: "2" }],
    [{ email: "not an email", seats: "2" }],
    [{ email: "a@example.com", seats: "0" }],
    [{ email: "", seats: "x" }],
  ])("answers what zodResolver answers for %j", async (values) => {
    const lazy = await lazyZodResolver<Input, Output>(async () => schema)(values, undefined, options);
    expect(lazy).toEqual(await zodResolver(schema)(values, undefined, options));
  });

  it("a failed fetch rejects that validation and is tried again at the next", async () => {
    const load = vi.fn<() => Promise<typeof schema>>().mockRejectedValueOnce(new TypeError("offline")).mockResolvedValue(schema);
    const resolver = lazyZodResolver<Input, Output>(load);
    await expect(resolver({ email: "a@example.com", seats: "1" }, undefined, options)).rejects.toThrow("offline");
    await expect(resolver({ email: "a@example.com", seats: "1" }, undefined, options)).resolves.toEqual({
      values: { email: "a@example.com", seats: 1 },
      errors: {},
    });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("preload fetches ahead, once; a failed preload is tried again at the first validation", async () => {
    const load = vi.fn<() => Promise<typeof schema>>().mockRejectedValueOnce(new TypeError("offline")).mockResolvedValue(schema);
    const resolver = lazyZodResolver<Input, Output>(load);
    await resolver.preload();
    expect(load).toHaveBeenCalledTimes(1);
    await expect(resolver({ email: "a@example.com", seats: "1" }, undefined, options)).resolves.toMatchObject({ errors: {} });
    await resolver.preload();
    await resolver({ email: "b@example.com", seats: "2" }, undefined, options);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
