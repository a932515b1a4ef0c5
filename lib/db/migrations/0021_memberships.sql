CREATE TABLE "membership_gifts" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"giver_user_id" text NOT NULL,
	"phone" text NOT NULL,
	"tier" text NOT NULL,
	"months" integer NOT NULL,
	"message" text,
	"status" text DEFAULT 'sent' NOT NULL,
	"recipient_user_id" text,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"tier" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_amount" numeric(14, 2) NOT NULL,
	"months" integer NOT NULL,
	"auto_renew" boolean DEFAULT false NOT NULL,
	"agreement_id" text,
	"agreement_order_id" text,
	"last_order_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"to" text NOT NULL,
	"text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "phone_number" text;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "phone_number_verified" boolean;--> statement-breakpoint
ALTER TABLE "membership_gifts" ADD CONSTRAINT "membership_gifts_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_last_order_id_orders_id_fk" FOREIGN KEY ("last_order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "membership_gifts_order" ON "membership_gifts" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "membership_gifts_phone" ON "membership_gifts" USING btree ("phone","status");--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_user_tier" ON "memberships" USING btree ("user_id","tier");--> statement-breakpoint
CREATE INDEX "memberships_expiry" ON "memberships" USING btree ("auto_renew","expires_at");--> statement-breakpoint
CREATE INDEX "sms_outbox_created" ON "sms_outbox" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "user" ADD CONSTRAINT "user_phone_number_unique" UNIQUE("phone_number");