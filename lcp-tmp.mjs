import { chromium } from "playwright";
const url = process.argv[2];
const b = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox","--disable-gpu"] });
const ctx = await b.newContext({ locale: "en-US", viewport: { width: 412, height: 823 } });
const p = await ctx.newPage();
p.on("console", (m) => console.log("console", m.type(), m.text().slice(0, 300)));
p.on("pageerror", (e) => console.log("pageerror", e.message.slice(0, 300)));
await p.addInitScript(() => {
  window.__lcp = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp.push({ t: Math.round(e.startTime), size: e.size, el: e.element ? e.element.tagName + "." + (e.element.className||"").toString().slice(0,40) + ":" + (e.element.textContent||"").slice(0,30) : null }); }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) console.log("paint", e.name, Math.round(e.startTime)); }).observe({ type: "paint", buffered: true });
});
await p.goto(url, { waitUntil: "networkidle" });
await p.waitForTimeout(1500); console.log(JSON.stringify(await p.evaluate(() => { const n = performance.getEntriesByType("navigation")[0]; return { resp: Math.round(n.responseStart), end: Math.round(n.responseEnd), di: Math.round(n.domInteractive), dcl: Math.round(n.domContentLoadedEventEnd), res: performance.getEntriesByType("resource").map(r => [r.name.slice(-30), Math.round(r.startTime), Math.round(r.responseEnd), r.responseStatus]) }; })));
console.log(JSON.stringify(await p.evaluate(() => window.__lcp), null, 1));
await b.close();
