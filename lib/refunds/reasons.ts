/** The reasons a buyer picks from when confirming a refund (the free text says the rest); shared by the form and the action. */
export const REFUND_REASONS = ["not_needed", "too_expensive", "missing_feature", "quality", "wrong_purchase", "other"] as const;
export type RefundReason = (typeof REFUND_REASONS)[number];
