import type { Page } from "@playwright/test";
import { TEST_CLOCK_HEADER } from "@/lib/clock-header";
import { addMonthsUtc } from "@/lib/lifecycle/calendar";
import { randomUUID } from "node:crypto";
import { expect, expectAccessible, test, useEnglish } from "./fixtures";
import { currentUserId, runJob } from "./jobs";
import { Header, SignUpForm } from "./pages/auth";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The membership page's sections, by their headings. */
const section = (page: Page, name: string | RegExp) => page.getByRole("region", { name });

test.describe("personal membership", () => {
  test("open member-100 for a month from /pricing, then buy again and see the expiry extended (zh-CN)", async ({
    page,
    signedInBuyer,
    order,
  }) => {
    test.slow();
    void signedInBuyer;
    await page.goto("/pricing");
    await page.getByRole("link", { name: "了解个人会员" }).click();
    await expect(page).toHaveURL(/\/membership$/);
    await expect(page.getByRole("heading", { level: 1, name: "个人会员" })).toBeVisible();
    await expect(section(page, "我的会员")).toContainText("您还没有会员。");
    await expectAccessible(page);

    const open = section(page, "开通或续费");
    await expect(open.getByRole("radio", { name: /100 人会员/ })).toBeChecked();
    await expect(open.getByRole("radio", { name: /300 人会员.*¥499\.00\/月/ })).toBeVisible();
    // Without the agreement ticked, nothing is placed.
    await open.getByRole("button", { name: "确认协议并支付 ¥30.00" }).click();
    await expect(open.getByRole("alert")).toHaveText("请先阅读并勾选同意协议。");
    await open.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
    await open.getByRole("button", { name: "确认协议并支付 ¥30.00" }).click();
    await expect(page).toHaveURL(/\/pay\/sandbox\//);
    await order.sandbox("支付");
    await expect(page.getByText("会员已生效。")).toBeVisible();
    await expect(order.total).toHaveText("¥30.00");
    await page.getByRole("link", { name: "查看我的会员" }).click();

    const current = section(page, "我的会员");
    const hundred = current.getByRole("listitem", { name: "100 人会员" });
    await expect(hundred).toContainText(/剩余 (2[89]|30|31) 天/);
    await expect(hundred).toContainText("连续包月：未开启");

    // Buying the same tier again adds the months to its expiry.
    await expect(open).toContainText("您的100 人会员尚在有效期内：所购月数将自到期时间起顺延。");
    await open.getByLabel("购买时长").selectOption("2");
    await open.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
    await open.getByRole("button", { name: "确认协议并支付 ¥60.00" }).click();
    await order.sandbox("支付");
    await expect(page.getByText("会员已生效。")).toBeVisible();
    await page.getByRole("link", { name: "查看我的会员" }).click();
    await expect(current.getByRole("listitem", { name: "100 人会员" })).toContainText(/剩余 (8[89]|9[0-2]) 天/);
    const history = section(page, "记录");
    await expect(history.getByRole("listitem").filter({ hasText: "续费" })).toContainText("¥60.00");
    await expect(history.getByRole("listitem").filter({ hasText: "开通" })).toContainText("¥30.00");
  });

  test("upgrade: refused with 20 days left, then 2 months to 300 when the clock leaves 62 days (en)", async ({
    page,
    signedInBuyer,
    order,
  }) => {
    test.slow();
    void signedInBuyer;
    await useEnglish(page);
    await page.goto("/membership");
    const open = section(page, "Open or renew");
    await open.getByLabel("Term").selectOption("3");
    await open.getByRole("checkbox", { name: /I have read and agree to/ }).check();
    const paidAt = new Date();
    await open.getByRole("button", { name: "Agree and pay ¥90.00" }).click();
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page.getByText("Your membership is active.")).toBeVisible();
    const expiry = addMonthsUtc(paidAt, 3).getTime();

    // 20 days left: no upgrade, and renewal is offered instead.
    await page.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: new Date(expiry - 20.5 * DAY).toISOString() });
    await page.goto("/membership");
    const upgrade = section(page, "Upgrade");
    await expect(upgrade).toContainText("Your 100-person membership has 20 days left, fewer than 31: it cannot be upgraded yet.");
    await expect(upgrade.getByRole("link", { name: "Renew" })).toHaveAttribute("href", /\/membership\?tier=member-100/);

    // 62 days left: at most 2 months; ¥499 − ¥30 = ¥469 a month.
    await page.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: new Date(expiry - 62.5 * DAY).toISOString() });
    await page.goto("/membership");
    await expect(upgrade).toContainText("Upgrading: 100-person membership, 62 days left, at most 2 months (days left ÷ 31, rounded down).");
    await expect(upgrade.getByLabel("Upgrade for").locator("option")).toHaveText(["1", "2"]);
    const price = upgrade.getByTestId("upgrade-price");
    await expect(price).toContainText(
      "Per month = ¥499.00 (300-person membership list price) − ¥30.00 (what you actually paid per month for your current membership) = ¥469.00",
    );
    await expect(price).toContainText("1 month × ¥469.00 = ¥469.00");
    await upgrade.getByLabel("Upgrade for").selectOption("2");
    await expect(price).toContainText("2 months × ¥469.00 = ¥938.00");
    await expectAccessible(page);
    await upgrade.getByRole("checkbox", { name: /I have read and agree to/ }).check();
    await upgrade.getByRole("button", { name: "Agree and upgrade for ¥938.00" }).click();
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page.getByText("Your membership is active.")).toBeVisible();
    await expect(order.total).toHaveText("¥938.00");
    await page.getByRole("link", { name: "View your membership" }).click();
    const current = section(page, "Your membership");
    await expect(current.getByRole("listitem", { name: "300-person membership" })).toBeVisible();
    await expect(current.getByRole("listitem", { name: "100-person membership" })).toContainText("62 days left");
    // Now the 300 is the one an upgrade would start from.
    await expect(upgrade).toContainText("Upgrading: 300-person membership");
  });

  test("gift 3 months to a number, verify that number in a second context through the sandbox outbox, claim it and see the notice (zh-CN)", async ({
    page,
    signedInBuyer,
    order,
    newSession,
  }) => {
    test.slow();
    void signedInBuyer;
    await page.goto("/membership");
    const gift = section(page, "赠送会员");
    await gift.getByLabel("对方手机号").fill("12812345678");
    await gift.getByRole("radio", { name: /3 个月/ }).check();
    await gift.getByRole("checkbox", { name: /我已阅读并同意/ }).check();
    await gift.getByRole("button", { name: "确认协议并以 ¥90.00 赠送" }).click();
    await expect(gift.getByRole("alert")).toHaveText("请输入 11 位中国大陆手机号（以 1 开头，第二位为 3–9）。");
    const phone = `13${String(Date.now()).slice(-9)}`;
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
    await gift.getByLabel("对方手机号").fill(phone);
    await gift.getByLabel("留言（选填）").fill("新年快乐");
    await gift.getByRole("button", { name: "确认协议并以 ¥90.00 赠送" }).click();
    await order.sandbox("支付");
    await expect(page.getByText("会员已生效。")).toBeVisible();
    await page.getByRole("link", { name: "查看我的会员" }).click();
    const given = page.getByRole("list", { name: "我赠送的会员" });
    await expect(given.getByRole("listitem")).toContainText(`100 人会员 3 个月 → ${masked}`);
    await expect(given.getByRole("listitem")).toContainText("已赠送，待领取");
    // A gift is the recipient's, not the giver's: the giver holds no membership from it.
    await expect(section(page, "我的会员")).toContainText("您还没有会员。");

    // The recipient, on another machine: a new account proves the number with the code from the sandbox outbox.
    const recipient = await newSession();
    await recipient.page.goto("/sign-up");
    await new SignUpForm(recipient.page).submit({
      name: "韩梅梅",
      email: `gift-${randomUUID()}@example.com`,
      password: "correct horse battery",
    });
    await expect(new Header(recipient.page).signOutButton).toBeVisible();
    await recipient.page.goto("/membership");
    const phoneSection = section(recipient.page, "我的手机号");
    await phoneSection.getByLabel("手机号").fill(phone);
    await phoneSection.getByRole("button", { name: "发送验证码" }).click();
    await expect(phoneSection.getByRole("status")).toHaveText(`验证码已发送至 ${phone}，5 分钟内有效。`);
    const outbox = await recipient.page.context().newPage();
    await outbox.goto("/dev/sms-outbox");
    const text = outbox.getByRole("row").filter({ hasText: phone }).first();
    await expect(text).toContainText("您的验证码是");
    const code = (await text.textContent())?.match(/验证码是 (\d{6})/)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await outbox.close();
    await phoneSection.getByLabel("验证码").fill(code!);
    await phoneSection.getByRole("button", { name: "验证", exact: true }).click();
    await expect(phoneSection).toContainText(`已验证：${masked}`);
    await expect(recipient.page.getByRole("status").filter({ hasText: "您收到了" })).toHaveText(
      `您收到了 3 个月的100 人会员（赠送给 ${masked}），已从领取时起生效。留言：新年快乐`,
    );
    await expect(section(recipient.page, "我的会员").getByRole("listitem", { name: "100 人会员" })).toContainText(/剩余 (8[89]|9[0-2]) 天/);
    await expect(recipient.page.getByRole("list", { name: "我收到的会员" })).toContainText("100 人会员 3 个月");

    // The recipient's inbox has the notice.
    await recipient.page.getByRole("link", { name: /^通知/ }).click();
    await expect(recipient.page.getByText(`您收到了 3 个月的 100 人会员（赠送给 ${masked}），已从领取时起生效。`)).toBeVisible();

    // The giver sees it claimed.
    await page.reload();
    await expect(given.getByRole("listitem")).toContainText("已领取");
  });

  test("continuous monthly: authorised on the provider's page, the next month charged once by the job past the renewal point, then cancelled (en)", async ({
    page,
    signedInBuyer,
    order,
  }) => {
    test.slow();
    void signedInBuyer;
    void order;
    await useEnglish(page);
    await page.goto("/membership");
    const open = section(page, "Open or renew");
    await open.getByRole("checkbox", { name: /Continuous monthly/ }).check();
    await open.getByRole("checkbox", { name: /I have read and agree to/ }).check();
    const paidAt = new Date();
    await open.getByRole("button", { name: "Agree and pay ¥30.00" }).click();
    await expect(page).toHaveURL(/\/pay\/sandbox\//);
    await expect(page.getByText("Quorum 100-person membership, continuous monthly: ¥30.00 charged before each expiry")).toBeVisible();
    await page.getByRole("checkbox", { name: "I have read and agree to the automatic charges above" }).check();
    await page.getByRole("button", { name: "Pay", exact: true }).click();
    await expect(page.getByText("Your membership is active.")).toBeVisible();
    await page.getByRole("link", { name: "View your membership" }).click();
    const item = section(page, "Your membership").getByRole("listitem", { name: "100-person membership" });
    await expect(item).toContainText("Continuous monthly: on");

    const expiry = addMonthsUtc(paidAt, 1).getTime();
    const userId = await currentUserId(page.request);
    const renewalPoint = new Date(expiry - 23 * HOUR).toISOString();
    // Before the renewal point: nothing is charged.
    expect(
      await runJob(page.request, "membership.renew", { now: new Date(expiry - 80 * HOUR).toISOString(), only: { userId } }),
    ).toMatchObject({
      charged: 0,
    });
    expect(await runJob(page.request, "membership.renew", { now: renewalPoint, only: { userId } })).toMatchObject({ charged: 1 });
    // Once: the same pass again charges nothing.
    expect(await runJob(page.request, "membership.renew", { now: renewalPoint, only: { userId } })).toMatchObject({
      charged: 0,
      applied: 0,
    });

    await page.setExtraHTTPHeaders({ [TEST_CLOCK_HEADER]: renewalPoint });
    await page.reload();
    const daysLeft = Math.floor((addMonthsUtc(paidAt, 2).getTime() - Date.parse(renewalPoint)) / DAY);
    await expect(item).toContainText(new RegExp(`(${daysLeft - 1}|${daysLeft}) days left`));
    const renewals = section(page, "History").getByRole("listitem").filter({ hasText: "Renewed" });
    await expect(renewals).toHaveCount(1);
    await expect(renewals).toContainText("¥30.00");
    await page.getByRole("link", { name: /^Notifications/ }).click();
    await expect(page.getByText(/Your 100-person membership renewed for a month \(¥30\.00\)/)).toBeVisible();

    // Cancelling stops future charges and keeps the paid period.
    await page.goto("/membership");
    await item.getByRole("button", { name: "Cancel auto-renewal" }).click();
    await expect(item).toContainText("Continuous monthly: off");
    await expect(item.getByRole("button", { name: "Resume auto-renewal" })).toBeVisible();
  });
});
