CREATE TABLE "quote_versions" (
	"quote_id" text NOT NULL,
	"version" integer NOT NULL,
	"token_hash" text NOT NULL,
	"cart" jsonb NOT NULL,
	"discount_percent" numeric(5, 2) NOT NULL,
	"negotiated_seat_price" numeric(14, 2),
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changes" jsonb,
	CONSTRAINT "quote_versions_quote_id_version_pk" PRIMARY KEY("quote_id","version")
);
--> statement-breakpoint
CREATE TABLE "quotes" (
	"id" text PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"created_by" text NOT NULL,
	"customer_name" text NOT NULL,
	"customer_email" text NOT NULL,
	"note" text,
	"cart" jsonb NOT NULL,
	"catalog_version" text NOT NULL,
	"discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL,
	"negotiated_seat_price" numeric(14, 2),
	"buyer_may_edit" boolean DEFAULT false NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quotes_status_check" CHECK ("quotes"."status" in ('draft', 'pending_approval', 'sent', 'opened', 'converted', 'expired', 'revoked')),
	CONSTRAINT "quotes_discount_percent_check" CHECK ("quotes"."discount_percent" between 0 and 100),
	CONSTRAINT "quotes_negotiated_seat_price_check" CHECK ("quotes"."negotiated_seat_price" is null or "quotes"."negotiated_seat_price" >= 0),
	CONSTRAINT "quotes_current_version_check" CHECK ("quotes"."current_version" >= 1)
);
--> statement-breakpoint
ALTER TABLE "quote_versions" ADD CONSTRAINT "quote_versions_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quotes" ADD CONSTRAINT "quotes_approved_by_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "quote_versions_token_hash" ON "quote_versions" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "quotes_number" ON "quotes" USING btree ("number");--> statement-breakpoint
CREATE INDEX "quotes_created_by" ON "quotes" USING btree ("created_by","created_at");