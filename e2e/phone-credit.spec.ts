import { expect, expectAccessible, test } from "./fixtures";
import { PhoneConsole } from "./pages/phone-console";

const PACK = "/buy?edition=free&term=1y&add=phone-pack-100:1";
const HOUR = 3_600_000;

test.describe("phone credit (issue 15)", () => {
  test("a ¥100 pack, an API key, usage posted by a script: balance, chart, forecast, ledger, CSV; a UK dial-out under domestic only is refused", async ({
    page,
    buyer,
    wizard,
    order,
  }) => {
    test.slow();
    await wizard.reachReview(PACK, buyer, { organisation: "话费测试有限公司", contact: "李雷", mobile: "13800138000" });
    await wizard.placeOrder();
    await order.startPayment();
    await order.sandbox("支付");
    await expect(page.getByText("已开通").first()).toBeVisible();

    const phone = new PhoneConsole(page);
    await phone.open();
    await expect(phone.balance).toHaveText("¥100.00");
    await expect(phone.forecast).toHaveText("最近 30 天没有通话，暂无预测。");
    await expect(page.getByText("价目表数据（费率版本 2026-01）", { exact: false })).toBeVisible();
    const token = await phone.createKey("会议桥");
    await phone.setPolicy("仅限国内");

    // The meeting service's script: one batch of call records with the organisation's key.
    const headers = { authorization: `Bearer ${token}` };
    const now = Date.now();
    const records = [
      { callId: "call-1", kind: "call_me", country: "CN", startedAt: new Date(now - HOUR).toISOString(), durationSeconds: 600 },
      { callId: "call-2", kind: "dial_in_toll", startedAt: new Date(now - 25 * HOUR).toISOString(), durationSeconds: 61 },
      { callId: "call-3", kind: "dial_out", country: "GB", startedAt: new Date(now - 2 * HOUR).toISOString(), durationSeconds: 120 },
      { callId: "call-4", kind: "fax", startedAt: new Date(now).toISOString(), durationSeconds: 5 },
    ];
    const posted = await page.request.post("/api/v1/usage", { headers, data: { records } });
    expect(posted.status()).toBe(200);
    expect(await posted.json()).toMatchObject({
      charged: 2,
      refused: 1,
      replayed: 0,
      invalid: 1,
      balance: "97.20",
      results: [
        { index: 0, callId: "call-1", status: "charged", amount: "2.50", minutes: 10, rate: "0.25" },
        { index: 1, callId: "call-2", status: "charged", amount: "0.30", minutes: 2, rate: "0.15" },
        { index: 2, callId: "call-3", status: "refused", reason: "POLICY_DENIED" },
      ],
      errors: [{ index: 3, reason: "INVALID_RECORD", path: "kind" }],
    });
    // Replayed: acknowledged, never charged twice.
    const replay = await page.request.post("/api/v1/usage", { headers, data: { records } });
    expect(await replay.json()).toMatchObject({ charged: 0, refused: 0, replayed: 3, balance: "97.20" });
    // Before a call: a UK dial-out under "domestic only" is refused with its reason.
    const uk = await page.request.post("/api/v1/calls/authorize", { headers, data: { kind: "dial_out", country: "GB" } });
    expect(await uk.json()).toEqual({ allow: false, reason: "POLICY_DENIED" });
    const home = await page.request.post("/api/v1/calls/authorize", { headers, data: { kind: "call_me", country: "CN" } });
    expect(await home.json()).toEqual({
      allow: true,
      kind: "call_me",
      country: "CN",
      rate: "0.25",
      rateVersion: "2026-01",
      maxMinutes: 388,
    });
    // No key, no answer.
    expect((await page.request.post("/api/v1/usage", { data: { records } })).status()).toBe(401);

    await phone.open();
    await expect(phone.balance).toHaveText("¥97.20");
    // ¥2.80 in the last 7 days: ¥0.40 a day → 243 days.
    await expect(phone.forecast).toContainText("预计还可使用约 243 天");
    await expect(phone.chart).toBeVisible();
    await expect(phone.ledger.getByRole("row", { name: /通话/ })).toHaveCount(2);
    await expect(phone.ledger.getByRole("row").filter({ hasText: "呼叫我 · 中国大陆 · 10 分钟 × ¥0.25/分钟" })).toContainText("-¥2.50");
    await expect(phone.ledger.getByRole("row", { name: /电话会议服务包/ })).toContainText("¥100.00");
    await expectAccessible(page);

    const csv = await phone.downloadCsv();
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines[0]).toBe("时间,类型,金额（元）,通话 ID,通话类型,国家/地区,分钟数,每分钟费率,备注");
    expect(lines).toHaveLength(4);
    expect(lines.some((l) => l.includes(",通话,-2.50,call-1,呼叫我,CN,10,0.25,"))).toBe(true);
    expect(lines.some((l) => l.includes(",电话会议服务包,100.00,"))).toBe(true);
  });
});
