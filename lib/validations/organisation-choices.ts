// The choices the organisation step offers, without zod: the step renders them in its first load, and
// fetches the schemas that check them (./organisation, ./checkout) only when it validates.

export const INVOICE_TYPES = ["none", "ordinary", "special"] as const;
export type InvoiceType = (typeof INVOICE_TYPES)[number];

/** Public education bodies and government units only (PRODUCT.md §2.1): no for-profit schools. */
export const INSTITUTION_TYPES = ["primary-secondary", "higher-education", "vocational", "government", "other-public"] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
