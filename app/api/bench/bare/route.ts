// The baseline for `npm run bench`: a route handler that parses JSON and answers, doing no pricing.
// It exists only when the server runs with QUORUM_BENCH=1.
export async function POST(request: Request): Promise<Response> {
  if (process.env.QUORUM_BENCH !== "1") return new Response(null, { status: 404 });
  const body: unknown = JSON.parse(await request.text());
  return Response.json({ currency: "CNY", received: typeof body === "object" && body !== null });
}
