// The contact-sales form's limits, apart from its zod schema (contact-sales.ts) so the form can show them
// without loading zod before the buyer's first submit.
export const MAX_LEAD_SEATS = 1_000_000;
export const MAX_LEAD_MESSAGE = 2000;
