// One file per area; drizzle-kit and the client read them all through this index.
export * from "./catalog";
export * from "./orders";
export * from "./leads";
export * from "./auth";
export * from "./organisations";
export * from "./verifications";
export * from "./payments";
export * from "./services";
export * from "./vouchers";
export * from "./quotes";
export * from "./rate-limits";
export * from "./audit";
export * from "./agreements";
export * from "./notifications";
export * from "./memberships";
export * from "./sms";
