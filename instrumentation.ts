// Runs once when the server starts: check the environment, then create, migrate and seed the
// database before the first request, so a broken configuration or database fails the start
// rather than a buyer's checkout. Next only logs a failing register() and keeps a server up that
// answers nothing: end the process, non-zero, instead.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    try {
      await start();
    } catch (error) {
      // A known refusal (bad environment, data folder in use) is its message; anything else its stack.
      const known = error instanceof Error && (error.name === "DataDirLockedError" || error.message.startsWith("Invalid environment"));
      console.error(`[start] The server cannot start. ${known ? (error as Error).message : ""}`);
      if (!known) console.error(error);
      process.exit(1);
    }
  }
}

async function start() {
  // Before any request (Node's own servers: the condition keeps them out of the edge build of this file):
  // the limits need each request's real socket peer address (lib/limits/peer.ts), every response is
  // compressed, an HTML page's framework scripts held until it is painted (lib/http/page-responses.ts),
  // and first of all a request with a malformed target is refused and every other one gets its CSP nonce
  // and the security headers (lib/http/secure-requests.ts; the hook installed last runs first).
  if (process.env.NEXT_RUNTIME === "nodejs") {
    (await import("./lib/limits/peer")).stampPeerAddresses();
    (await import("./lib/http/page-responses")).serveResponses();
    (await import("./lib/http/secure-requests")).secureRequests();
  }
  const { env, startupWarnings } = await import("./lib/env");
  for (const warning of startupWarnings(env())) console.warn(warning);
  // Every agreement in force has its full text at its current version, or the server does not start.
  (await import("./lib/agreements/texts")).assertAgreementTextsValid();
  // The membership price list (issue 14) is checked like the catalog.
  (await import("./lib/catalog/membership")).assertMembershipCatalogValid();
  // The stylesheet every page carries in its head: compiled now, so a broken one fails the start, not a page.
  // (The condition, fixed at build time, keeps Tailwind's native modules out of the edge build of this file.)
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("./lib/styles/compile")).appStyles();
  const { getDb } = await import("./lib/db/client");
  await getDb();
  // Payments whose notification was lost while the server was down are completed by asking the provider.
  const [{ reconcilePendingPayments }, { getPaymentProvider }] = await Promise.all([
    import("./lib/payments/reconcile"),
    import("./lib/payments/registry"),
  ]);
  // Recurring work (expiry sweep, payment reconciliation) through the job queue: once across every server on PostgreSQL.
  const [{ getJobQueue }, { scheduleRecurringJobs }] = await Promise.all([import("./lib/jobs"), import("./lib/jobs/recurring")]);
  const jobs = getJobQueue({ url: env().DATABASE_URL });
  await scheduleRecurringJobs(jobs, { db: await getDb(), provider: getPaymentProvider() });
  await jobs.start();
  reconcilePendingPayments(await getDb(), getPaymentProvider(), { now: new Date() })
    .then((repaired) => console.log(`[payments] reconciliation at start-up: ${repaired} repaired`))
    .catch((error: unknown) => console.error("[payments] start-up reconciliation failed", error));
}
