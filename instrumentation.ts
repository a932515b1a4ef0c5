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
  const { env, startupWarnings } = await import("./lib/env");
  for (const warning of startupWarnings(env())) console.warn(warning);
  // Every agreement in force has its full text at its current version, or the server does not start.
  (await import("./lib/agreements/texts")).assertAgreementTextsValid();
  const { getDb } = await import("./lib/db/client");
  await getDb();
  (await import("./lib/orders/state")).startExpirySweep(await getDb());
  // Payments whose notification was lost (also while the server was down) are completed by asking the provider, every minute.
  const [{ startReconciliationWorker }, { getPaymentProvider }] = await Promise.all([
    import("./lib/payments/reconcile"),
    import("./lib/payments/registry"),
  ]);
  startReconciliationWorker(await getDb(), getPaymentProvider());
}
