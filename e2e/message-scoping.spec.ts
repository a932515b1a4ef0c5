// Issue 16: each page sends only the message namespaces its client components read, and no store
// page carries the staff side's messages (lib/i18n/scopes.ts). Read from the HTML the server sends:
// its Flight payload holds exactly what the providers pass to the client.
import { messagesFor } from "./messages";
import { staffMessageMarkers } from "@/lib/i18n/scopes";
import { expect, test } from "./fixtures";

const LOCALES = [
  ["zh-CN", "zh-CN,zh;q=0.9"],
  ["en", "en-GB,en;q=0.9"],
] as const;

const STORE_PAGES = [
  "/pricing",
  "/buy?edition=business&seats=30&term=1y&add=large-meeting-500:1",
  `/q/${"A".repeat(43)}`, // a quote link that opens nothing: the error page
  "/contact-sales",
  "/sign-in",
];

for (const [locale, acceptLanguage] of LOCALES) {
  test(`store pages carry none of the staff side's messages (${locale})`, async ({ page }) => {
    const markers = staffMessageMarkers(messagesFor(locale));
    for (const path of STORE_PAGES) {
      const res = await page.request.get(path, { headers: { "accept-language": acceptLanguage } });
      expect(res.status(), path).toBeLessThan(500);
      const html = await res.text();
      expect(
        markers.filter((m) => html.includes(m)),
        `${path} carries staff messages`,
      ).toEqual([]);
    }
  });
}

test("/buy carries its own messages, and /pricing none of /buy's", async ({ page }) => {
  const zh = messagesFor("zh-CN");
  // A checkout message only a later step shows (never rendered on the first step): sent, not rendered.
  const wizardOnly = zh.Checkout.voucher.help;
  const buy = await (await page.request.get("/buy?edition=business&seats=30&term=1y")).text();
  expect(buy).toContain(`\\"voucher\\":{`);
  expect(buy).toContain(wizardOnly);
  const pricing = await (await page.request.get("/pricing")).text();
  expect(pricing).not.toContain(`\\"Checkout\\":{`);
  expect(pricing).not.toContain(`\\"Wizard\\":{`);
});

test("a quote's error page sends no quote builder messages, the buyer's console none of the staff side's", async ({
  page,
  signedInBuyer,
}) => {
  void signedInBuyer;
  const quote = await (await page.request.get(`/q/${"B".repeat(43)}`)).text();
  expect(quote).not.toContain(`\\"builder\\":{`);
  const markers = staffMessageMarkers(messagesFor("zh-CN"));
  for (const path of ["/console/services", "/console/orders"]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(200);
    const html = await res.text();
    expect(
      markers.filter((m) => html.includes(m)),
      `${path} carries staff messages`,
    ).toEqual([]);
  }
});
