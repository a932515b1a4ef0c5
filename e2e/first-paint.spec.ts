import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { BuyWizard } from "./pages/wizard";

// Issue 16: a page is painted before its framework scripts are asked for (lib/http/hold-scripts.ts),
// and still hydrates: what needs its code waits for it instead of losing a click.

const CHUNK_TAG = /<script[^>]*\bsrc="\/_next\/static\/[^"]*"(?![^>]*noModule)[^>]*>|<link[^>]*as="script"[^>]*>/;

/** When the page first painted, and when each framework script was asked for (ms since navigation). */
const timings = (page: Page) =>
  page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
    scripts: performance
      .getEntriesByType("resource")
      .filter((r) => new URL(r.name).pathname.startsWith("/_next/static/") && r.name.endsWith(".js"))
      .map((r) => r.startTime),
  }));

for (const path of ["/pricing", "/buy?edition=business&seats=30&term=1y"]) {
  test(`${path}: no framework script in the HTML; they are fetched after the first paint, and the page hydrates`, async ({
    page,
    request,
  }) => {
    const html = await (await request.get(path)).text();
    expect(html).not.toMatch(CHUNK_TAG);
    expect(html).toContain("__qsHold([");

    await page.goto(path);
    // Hydrated: React has taken the document over (hydrateRoot marks its container).
    await expect.poll(() => page.evaluate(() => Object.keys(document).some((key) => key.startsWith("__reactContainer$")))).toBe(true);
    const { paint, scripts } = await timings(page);
    expect(paint).toBeDefined();
    for (const start of scripts) expect(start).toBeGreaterThanOrEqual(paint!);
  });
}

test("the wizard's Continue waits for the page's code, then moves on at the first click", async ({ page }) => {
  // Scripts held back: the HTML is there and painted, the Continue button disabled, not silently dead.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/chunks/**", async (route) => {
    await released;
    await route.continue();
  });
  const wizard = new BuyWizard(page);
  await page.goto("/buy?edition=business&seats=30&term=1y", { waitUntil: "commit" });
  await expect(wizard.next).toBeVisible();
  await expect(wizard.next).toBeDisabled();
  release();
  await wizard.continueToNextStep();
});
