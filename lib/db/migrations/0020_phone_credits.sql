CREATE TABLE "api_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"scopes" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "phone_accounts" (
	"organisation_id" text PRIMARY KEY NOT NULL,
	"overdraft" numeric(14, 2) DEFAULT '0' NOT NULL,
	"outbound_policy" text,
	"low_balance_threshold" numeric(14, 2),
	"auto_recharge_enabled" boolean DEFAULT false NOT NULL,
	"auto_recharge_threshold" numeric(14, 2),
	"auto_recharge_mode" text,
	"auto_recharge_amount" numeric(14, 2),
	"auto_recharge_target" numeric(14, 2),
	"auto_recharge_monthly_cap" numeric(14, 2),
	"auto_recharge_failures" integer DEFAULT 0 NOT NULL,
	"agreement_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_calls" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"call_id" text NOT NULL,
	"kind" text NOT NULL,
	"country" text NOT NULL,
	"member" text,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer NOT NULL,
	"minutes" integer NOT NULL,
	"rate" numeric(10, 4),
	"rate_version" text,
	"amount" numeric(14, 2) NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "phone_grants" (
	"organisation_id" text NOT NULL,
	"grant" text NOT NULL,
	"granted_by" text NOT NULL,
	"granted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "phone_grants_organisation_id_grant_pk" PRIMARY KEY("organisation_id","grant")
);
--> statement-breakpoint
CREATE TABLE "phone_member_policies" (
	"organisation_id" text NOT NULL,
	"member" text NOT NULL,
	"policy" text NOT NULL,
	CONSTRAINT "phone_member_policies_organisation_id_member_pk" PRIMARY KEY("organisation_id","member")
);
--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "seq" bigserial NOT NULL;--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "call_id" text;--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "call_kind" text;--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "country" text;--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "minutes" integer;--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "rate" numeric(10, 4);--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD COLUMN "actor_id" text;--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_accounts" ADD CONSTRAINT "phone_accounts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_calls" ADD CONSTRAINT "phone_calls_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_grants" ADD CONSTRAINT "phone_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_member_policies" ADD CONSTRAINT "phone_member_policies_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_keys_organisation" ON "api_keys" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "phone_calls_call_id" ON "phone_calls" USING btree ("organisation_id","call_id");--> statement-breakpoint
CREATE INDEX "phone_calls_started" ON "phone_calls" USING btree ("organisation_id","started_at");--> statement-breakpoint
CREATE INDEX "phone_credit_ledger_keyset" ON "phone_credit_ledger" USING btree ("organisation_id","seq");--> statement-breakpoint
-- Hand-written (keep when regenerating): the phone-credit ledger is append-only, like the audit log. Any UPDATE, DELETE or TRUNCATE is refused.
CREATE FUNCTION "phone_credit_ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'phone_credit_ledger is append-only: % refused', TG_OP;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "phone_credit_ledger_no_update_delete" BEFORE UPDATE OR DELETE ON "phone_credit_ledger" FOR EACH ROW EXECUTE FUNCTION "phone_credit_ledger_append_only"();--> statement-breakpoint
CREATE TRIGGER "phone_credit_ledger_no_truncate" BEFORE TRUNCATE ON "phone_credit_ledger" FOR EACH STATEMENT EXECUTE FUNCTION "phone_credit_ledger_append_only"();
