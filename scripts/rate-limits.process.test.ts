// The abuse limits through a real `next start` (issue 11, item 5), with the real limits
// (QUORUM_RATE_LIMITS unset): the client address is the socket's peer, whatever the client sends.
// Needs the production build, so `npm test` runs it after `next build` (vitest.process.config.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/limits/limits";

const PORT = Number(process.env.PROCESS_TEST_PORT ?? 3936) + 22;
const dir = mkdtempSync(path.join(tmpdir(), "rate-limits-"));
let server: ChildProcess | undefined;
afterAll(async () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    await new Promise<void>((resolve) => {
      server!.on("exit", () => resolve());
      server!.kill("SIGTERM");
    });
  }
  rmSync(dir, { recursive: true, force: true });
});

/** POST /api/v1/price from the local address `from` (any 127.x address reaches the server). */
function price(from: string, headers: Record<string, string> = {}): Promise<{ status: number; retryAfter?: string; body: string }> {
  const body = JSON.stringify({ edition: "business", seats: 10, term: { unit: "year", count: 1 } });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: PORT,
        path: "/api/v1/price",
        method: "POST",
        localAddress: from,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), "accept-language": "en", ...headers },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"] as string | undefined, body: text }),
        );
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition().catch(() => false))) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe("the price API's limit under `next start`", () => {
  it("counts the socket's address: rotating X-Forwarded-For or a forged peer header does not bypass it, 127.0.0.1 is not exempt, another address is unaffected", async () => {
    expect(existsSync(".next/BUILD_ID"), "run `next build` first (npm test does)").toBe(true);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dir, NEXT_TELEMETRY_DISABLED: "1", PORT: String(PORT) };
    delete env.DATABASE_URL;
    delete env.QUORUM_RATE_LIMITS;
    delete env.TRUSTED_PROXIES;
    server = spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], { env, stdio: ["ignore", "ignore", "inherit"] });
    await until(async () => (await price("127.0.0.9")).status === 200, 120_000);

    const answers = [];
    for (let i = 0; i < LIMITS.price.points + 1; i++) {
      answers.push(
        await price("127.0.0.1", {
          "x-forwarded-for": `198.51.100.${i % 250}`,
          "x-real-ip": `198.51.101.${i % 250}`,
          "x-quorum-peer-address": `203.0.113.${i % 250}`,
        }),
      );
    }
    expect(answers.slice(0, LIMITS.price.points).every((a) => a.status === 200)).toBe(true);
    const refused = answers.at(-1)!;
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(refused.body)).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many requests\. Try again in \d+ seconds?\.$/),
    });
    // Another client (another socket address) still has its own budget.
    expect((await price("127.0.0.2", { "x-forwarded-for": "127.0.0.1" })).status).toBe(200);
  });
});
