import { expect, test, useEnglish } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

// Issue 10, item 4: Back after a refresh keeps the cart. The wizard pushes one history entry per
// step; after a reload, Back makes Next.js render the earlier entry again from the server, from its
// URL (an older cart). The buyer must still see the latest cart, and the address bar must agree.

const TEXT = {
  "zh-CN": { addons: "附加项", term: "时长", addRoom: "增加会议室 Rooms数量" },
  en: { addons: "Add-ons", term: "Term", addRoom: "Increase Rooms quantity" },
} as const;

async function backAfterRefresh(wizard: BuyWizard, text: (typeof TEXT)[keyof typeof TEXT]) {
  const { page } = wizard;
  await wizard.open("/buy?edition=business&seats=6&term=1y");
  await wizard.continue();
  await expect(wizard.stepHeading).toContainText(text.term);
  await wizard.continue();
  await expect(wizard.stepHeading).toContainText(text.addons);
  await page.getByRole("button", { name: text.addRoom }).click();
  await expect(wizard.summaryTotal).toHaveText("¥11,840.00");
  await expect(page).toHaveURL(/add=rooms%3A1/);

  await page.reload();
  await expect(wizard.summaryTotal).toHaveText("¥11,840.00");
  await expect(wizard.stepHeading).toContainText(text.addons);

  // Back: Next.js fetches the term entry's render from the server, with that entry's older URL.
  const rendered = page.waitForResponse(
    (r) => r.request().headers()["rsc"] === "1" && new URL(r.url()).searchParams.get("step") === "term",
  );
  await page.goBack();
  await rendered;
  await expect(wizard.stepHeading).toContainText(text.term);
  await expect(wizard.summaryTotal).toHaveText("¥11,840.00");
  await expect(page).toHaveURL(/add=rooms%3A1/);
  await expect(page).toHaveURL(/step=term/);
  // Settled: no late render of the older cart replaces it.
  await page.waitForLoadState("networkidle");
  await expect(wizard.summaryTotal).toHaveText("¥11,840.00");
  await expect(page).toHaveURL(/add=rooms%3A1/);

  // Forward again: the add-ons step, the same cart.
  await page.goForward();
  await expect(wizard.stepHeading).toContainText(text.addons);
  await expect(wizard.summaryTotal).toHaveText("¥11,840.00");
  await expect(page).toHaveURL(/add=rooms%3A1&step=addons/);

  // A new visit to a cart link starts from that link, whatever the tab's session holds.
  await page.goto("/buy?edition=business&seats=8&term=1y");
  await expect(wizard.summaryTotal).toHaveText("¥11,120.00");
  await expect(page).not.toHaveURL(/add=rooms/);
}

test.describe("Back after a refresh (issue 10, item 4)", () => {
  test("Back after a refresh keeps the cart", async ({ wizard }) => {
    await backAfterRefresh(wizard, TEXT["zh-CN"]);
  });

  test("Back after a refresh keeps the cart, in English", async ({ page }) => {
    await useEnglish(page);
    await backAfterRefresh(new BuyWizard(page, "en"), TEXT.en);
  });
});

test.describe("Back after a refresh on a phone (issue 10, items 4 and 14)", () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });

  test("Back after a refresh keeps the cart on a phone", async ({ wizard }) => {
    await backAfterRefresh(wizard, TEXT["zh-CN"]);
  });
});
