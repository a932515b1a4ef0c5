// Runs once when the server starts: create, migrate and seed the database before the first
// request, so a broken database fails the start rather than a buyer's checkout.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Every agreement in force has its full text at its current version, or the server does not start.
    (await import("./lib/agreements/texts")).assertAgreementTextsValid();
    const { getDb } = await import("./lib/db/client");
    await getDb();
    (await import("./lib/orders/state")).startExpirySweep(await getDb());
    // Payments whose notification was lost while the server was down are completed by asking the provider.
    const [{ reconcilePendingPayments }, { getPaymentProvider }] = await Promise.all([
      import("./lib/payments/reconcile"),
      import("./lib/payments/registry"),
    ]);
    reconcilePendingPayments(await getDb(), getPaymentProvider(), { now: new Date() }).catch((error: unknown) =>
      console.error("[payments] start-up reconciliation failed", error),
    );
  }
}
