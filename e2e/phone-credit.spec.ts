import { expect, expectAccessible, test } from "./fixtures";
import { authoriseAndPay } from "./agreements";
import { currentUserId, later, runJob } from "./jobs";
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

  test("auto-recharge fires once when usage crosses the threshold; the low-balance alert reaches the inbox once", async ({
    page,
    buyer,
    wizard,
  }) => {
    test.slow();
    await wizard.reachReview(PACK, buyer, { organisation: "自动充值有限公司", contact: "李雷", mobile: "13800138000" });
    await wizard.placeOrder();
    const orderId = page.url().match(/\/orders\/([0-9a-f-]{36})/)![1]!;
    // Paid with an authorisation of automatic charges for auto-recharge (the sandbox's hosted page asks for it).
    const started = await page.request.post("/api/test/agreements/start-payment", {
      data: { orderId, agreement: { purpose: "auto_recharge", description: "电话会议余额自动充值" } },
    });
    expect(started.ok()).toBe(true);
    await page.goto(((await started.json()) as { redirectUrl: string }).redirectUrl);
    await authoriseAndPay(page);
    await expect(page.getByText("已开通").first()).toBeVisible();

    const phone = new PhoneConsole(page);
    await phone.open();
    await expect(phone.balance).toHaveText("¥100.00");
    const alert = page.getByRole("region", { name: "余额不足提醒" });
    await alert.getByLabel("低于此金额时提醒（元）").fill("95");
    await alert.getByRole("button", { name: "保存" }).click();
    await expect(alert.getByRole("status")).toHaveText("已保存。");
    const auto = page.getByRole("region", { name: "自动充值" });
    await auto.getByLabel("开启自动充值").check();
    await expect(auto.getByLabel("自动扣款协议")).not.toHaveValue("");
    await auto.getByLabel("低于（元）").fill("90");
    await auto.getByLabel("金额（元）").fill("50");
    await auto.getByLabel("每月上限（元）").fill("200");
    await auto.getByRole("button", { name: "保存" }).click();
    await expect(auto.getByRole("status")).toHaveText("已保存。");
    const token = await phone.createKey("会议桥");
    const headers = { authorization: `Bearer ${token}` };
    const call = (callId: string, minutes: number) => ({
      callId,
      kind: "call_me",
      country: "CN",
      startedAt: new Date().toISOString(),
      durationSeconds: minutes * 60,
    });

    // ¥15 of calls: 100 → 85, below 90 (and 95): one recharge of ¥50 on the agreement.
    const first = await page.request.post("/api/v1/usage", { headers, data: { records: [call("a-1", 60)] } });
    expect(await first.json()).toMatchObject({ charged: 1, balance: "85.00" });
    await phone.open();
    await expect(phone.balance).toHaveText("¥135.00");
    // More usage above the threshold, a replay, and the sweep at a later time: no second recharge.
    await page.request.post("/api/v1/usage", { headers, data: { records: [call("a-2", 4), call("a-1", 60)] } });
    await runJob(page.request, "phone.auto-recharge", { now: later({ minutes: 10 }), only: { userId: await currentUserId(page.request) } });
    await phone.open();
    await expect(phone.balance).toHaveText("¥134.00");
    await expect(phone.ledger.getByRole("row", { name: /自动充值/ })).toHaveCount(1);
    await expect(phone.ledger.getByRole("row", { name: /自动充值/ })).toContainText("¥50.00");
    await expectAccessible(page);

    await page.goto("/inbox");
    await expect(page.getByText("自动充值有限公司 的电话会议余额低于 ¥95.00：剩余 ¥85.00。")).toHaveCount(1);
    await expect(page.getByText("已为 自动充值有限公司 自动充值 ¥50.00 电话会议余额。")).toHaveCount(1);
  });
});
