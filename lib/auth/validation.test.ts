import { describe, expect, it } from "vitest";
import { signInSchema, signUpSchema } from "./validation";

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("signUpSchema", () => {
  it("accepts a complete form and trims name and email", () => {
    const result = signUpSchema.safeParse({ name: " Li Lei ", email: " li@example.com ", password: "12345678" });
    expect(result).toEqual({ success: true, data: { name: "Li Lei", email: "li@example.com", password: "12345678" } });
  });

  it.each([
    [
      { name: "", email: "", password: "" },
      { name: "Auth.errors.nameRequired", email: "Auth.errors.emailRequired", password: "Auth.errors.passwordTooShort" },
    ],
    [
      { name: "A", email: "not-an-email", password: "1234567" },
      { email: "Auth.errors.emailInvalid", password: "Auth.errors.passwordTooShort" },
    ],
    [
      { name: "x".repeat(101), email: "a@b.cn", password: "p".repeat(129) },
      { name: "Auth.errors.nameTooLong", password: "Auth.errors.passwordTooLong" },
    ],
  ])("%j → message keys per field", (input, expected) => {
    expect(issues(signUpSchema.safeParse(input))).toEqual(expected);
  });
});

describe("signInSchema", () => {
  it("asks for both fields and leaves password length to the server", () => {
    expect(issues(signInSchema.safeParse({ email: "", password: "" }))).toEqual({
      email: "Auth.errors.emailRequired",
      password: "Auth.errors.passwordRequired",
    });
    expect(signInSchema.safeParse({ email: "a@b.cn", password: "short" }).success).toBe(true);
  });
});
