// Issue 16: a page's stylesheet comes in its own HTML (components/inline-styles.tsx), so nothing has to be fetched
// before the first paint; it is there once, not again in the RSC payload, and a client navigation keeps it.
import { expect, test } from "./fixtures";

// The body's background (app/globals.css): slate-50, in lab where the browser has it, else its sRGB fallback.
const SLATE_50 = /^(lab\(98\.14\d* -0\.369\d* -1\.059\d*\)|rgb\(248, 250, 252\))$/;

test("a page is styled by its own HTML: no stylesheet request, one copy, kept across navigation and on a phone", async ({ page }) => {
  const stylesheets: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "stylesheet") stylesheets.push(request.url());
  });
  await page.setViewportSize({ width: 390, height: 844 });
  const response = await page.goto("/pricing");
  const html = await response!.text();
  expect(html.split("tailwindcss v4").length - 1, "copies of the stylesheet in the HTML").toBe(1);
  expect(html.indexOf('id="app-styles"'), "the stylesheet is in the head").toBeLessThan(html.indexOf("</head>"));

  const heading = page.getByRole("heading", { level: 1, name: "选择适合您的版本" });
  await expect(heading).toHaveCSS("font-weight", "700");
  await expect(page.locator("body")).toHaveCSS("background-color", SLATE_50);

  // A client navigation (the header's link) renders the next page with the same stylesheet.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "购买" }).click();
  await expect(page).toHaveURL(/\/buy$/);
  await expect(page.getByRole("heading", { level: 1, name: "配置您的订单" })).toHaveCSS("font-weight", "700");
  await expect(page.locator("body")).toHaveCSS("background-color", SLATE_50);
  await expect(page.locator("style#app-styles")).toHaveCount(1);

  // A refresh and Back both come back styled.
  await page.reload();
  await expect(page.locator("body")).toHaveCSS("background-color", SLATE_50);
  await page.goBack();
  await expect(heading).toHaveCSS("font-weight", "700");
  expect(stylesheets).toEqual([]);
});
