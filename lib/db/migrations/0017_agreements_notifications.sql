CREATE TABLE "agreement_charges" (
	"id" text PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"period_key" text NOT NULL,
	"attempt" integer DEFAULT 1 NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"provider_charge_ref" text,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_charges_status_check" CHECK ("agreement_charges"."status" in ('pending', 'succeeded', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "payment_agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"provider_ref" text NOT NULL,
	"user_id" text NOT NULL,
	"organisation_id" text,
	"purpose" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"order_id" text,
	"payment_ref" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "payment_agreements_purpose" CHECK ("payment_agreements"."purpose" in ('membership', 'auto_recharge')),
	CONSTRAINT "payment_agreements_status" CHECK ("payment_agreements"."status" in ('active', 'cancelled', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "sandbox_agreement_charges" (
	"charge_ref" text PRIMARY KEY NOT NULL,
	"agreement_ref" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"description" text NOT NULL,
	"status" text NOT NULL,
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_agreements" (
	"agreement_ref" text PRIMARY KEY NOT NULL,
	"payment_ref" text NOT NULL,
	"purpose" text NOT NULL,
	"description" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"fail_next" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"message_key" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"href" text,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "agreement_purpose" text;--> statement-breakpoint
ALTER TABLE "payments" ADD COLUMN "agreement_description" text;--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD COLUMN "agreement_purpose" text;--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD COLUMN "agreement_description" text;--> statement-breakpoint
ALTER TABLE "sandbox_payments" ADD COLUMN "agreement_ref" text;--> statement-breakpoint
ALTER TABLE "agreement_charges" ADD CONSTRAINT "agreement_charges_agreement_id_payment_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."payment_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_agreements" ADD CONSTRAINT "payment_agreements_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sandbox_agreement_charges" ADD CONSTRAINT "sandbox_agreement_charges_agreement_ref_sandbox_agreements_agreement_ref_fk" FOREIGN KEY ("agreement_ref") REFERENCES "public"."sandbox_agreements"("agreement_ref") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_charges_period_attempt" ON "agreement_charges" USING btree ("agreement_id","period_key","attempt");--> statement-breakpoint
CREATE INDEX "agreement_charges_status" ON "agreement_charges" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_agreements_ref" ON "payment_agreements" USING btree ("provider","provider_ref");--> statement-breakpoint
CREATE INDEX "payment_agreements_user" ON "payment_agreements" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "payment_agreements_organisation" ON "payment_agreements" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sandbox_agreement_charges_key" ON "sandbox_agreement_charges" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "sandbox_agreement_charges_agreement" ON "sandbox_agreement_charges" USING btree ("agreement_ref","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_user" ON "notifications" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notifications_unread" ON "notifications" USING btree ("user_id") WHERE "notifications"."read_at" is null;