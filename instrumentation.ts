// Runs once when the server starts: create, migrate and seed the database before the first
// request, so a broken database fails the start rather than a buyer's checkout.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("./lib/db/client");
    await getDb();
    (await import("./lib/orders/state")).startExpirySweep(await getDb());
  }
}
