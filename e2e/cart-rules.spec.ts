import { expect, test } from "./fixtures";

// Every rule of PRODUCT.md §2.3 as a buyer meets it in /buy: on the step that owns the field,
// in words, tied to the field (aria-describedby), with the summary counting the problem.
const rules: { code: string; link: string; field: { label: string } | { group: string } | null; errors: string }[] = [
  { code: "SEATS_REQUIRED", link: "edition=business&term=1y", field: { label: "高级账号数量" }, errors: "#seats-errors" },
  { code: "SEATS_OUT_OF_RANGE", link: "edition=pro&seats=6&term=1y", field: { label: "高级账号数量" }, errors: "#seats-errors" },
  { code: "UNKNOWN_EDITION", link: "edition=gold&term=1y", field: { group: "版本" }, errors: "#edition-errors" },
  { code: "CONTACT_SALES", link: "edition=enterprise&seats=300&term=1y", field: { group: "版本" }, errors: "#edition-errors" },
  { code: "TERM_INVALID", link: "edition=business&seats=6&term=12m&step=term", field: { group: "购买时长" }, errors: "#term-errors" },
  {
    code: "ADDON_NOT_AVAILABLE",
    link: "edition=pro&seats=2&term=1y&add=mra:1&step=addons",
    field: { label: "会议室连接器 MRA（H.323/SIP）数量" },
    errors: "#addon-mra-0-errors",
  },
  {
    code: "LARGE_MEETING_EXCEEDS_SEATS",
    link: "edition=business&seats=6&term=1y&add=large-meeting-500:4&add=large-meeting-1000:3&step=addons",
    field: { label: "大型会议（1000人）数量" },
    errors: "#addon-large-meeting-1000-1-errors",
  },
  {
    code: "WEBINAR_EXCEEDS_SEATS",
    link: "edition=business&seats=6&term=1y&add=webinar-300:7&step=addons",
    field: { label: "网络研讨会 Webinar（300观众）数量" },
    errors: "#addon-webinar-300-0-errors",
  },
  {
    code: "ADDON_TERM_EXCEEDS_SEATS_TERM",
    link: "edition=business&seats=6&term=6m&add=recording-50g:1:9m&step=addons",
    field: { label: "云录制存储空间（50G）数量" },
    errors: "#addon-recording-50g-0-errors",
  },
  {
    code: "BILLING_UNIT_NOT_SOLD",
    link: "edition=business&seats=6&term=6m&add=rooms:1&step=addons",
    field: { label: "会议室 Rooms数量" },
    errors: "#addon-rooms-0-errors",
  },
  {
    code: "ROOMS_LIMIT",
    link: "edition=free&term=1y&add=rooms:50&step=addons",
    field: { label: "会议室 Rooms数量" },
    errors: "#addon-rooms-0-errors",
  },
  {
    code: "QUANTITY_INVALID",
    link: "edition=business&seats=6&term=1y&add=rooms:1000&step=addons",
    field: { label: "会议室 Rooms数量" },
    errors: "#addon-rooms-0-errors",
  },
  { code: "UNKNOWN_SKU", link: "edition=business&seats=6&term=1y&add=hologram:1&step=addons", field: null, errors: "#addon-0-errors" },
  {
    code: "CONTACT_SALES",
    link: "edition=business&seats=6&term=1y&add=webinar-20000:1&step=addons",
    field: null,
    errors: "#addon-0-errors",
  },
];

for (const rule of rules) {
  test(`${rule.code} shows at its field for /buy?${rule.link}`, async ({ page, request }) => {
    await page.goto(`/buy?${rule.link}`);
    const error = page.locator(`${rule.errors} [data-code=${rule.code}]`);
    await expect(error).toBeVisible();
    const message = (await error.locator("p").first().textContent()) ?? "";
    expect(message.length).toBeGreaterThan(5);
    const start = new RegExp(message.slice(0, 12).replace(/[()（）.*+?[\]]/g, "."));
    if (rule.field && "label" in rule.field)
      await expect(page.getByLabel(rule.field.label, { exact: true })).toHaveAccessibleDescription(start);
    if (rule.field && "group" in rule.field)
      await expect(page.getByRole("group", { name: rule.field.group, exact: true })).toHaveAccessibleDescription(start);
    await expect(page.getByRole("region", { name: "订单摘要" }).getByRole("status")).toContainText("问题需要处理");
    // The server refuses the same cart with the same code.
    const params = new URLSearchParams(rule.link);
    const term = (t: string) => ({ unit: t.endsWith("m") ? "month" : "year", count: Number.parseInt(t, 10) });
    const cart = {
      edition: params.get("edition"),
      ...(params.get("seats") ? { seats: Number(params.get("seats")) } : {}),
      term: term(params.get("term") ?? "1y"),
      addons: params.getAll("add").map((a) => {
        const [sku, q, t] = a.split(":");
        return { sku, quantity: Number(q), ...(t ? { term: term(t) } : {}) };
      }),
    };
    const res = await request.post("/api/v1/price", { data: cart });
    expect(res.status()).toBe(422);
    expect((await res.json()).errors.map((e: { code: string }) => e.code)).toContain(rule.code);
  });
}
