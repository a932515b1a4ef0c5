CREATE TABLE "phone_credit_ledger" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"source_order_id" text,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_items" (
	"id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"sku" text NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer,
	"quantity" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"unit_price" numeric(14, 2) NOT NULL,
	"discount" numeric(5, 4) DEFAULT '1' NOT NULL,
	"source_order_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "service_items_quantity" CHECK ("service_items"."quantity" > 0)
);
--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD CONSTRAINT "phone_credit_ledger_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phone_credit_ledger" ADD CONSTRAINT "phone_credit_ledger_source_order_id_orders_id_fk" FOREIGN KEY ("source_order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_items" ADD CONSTRAINT "service_items_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_items" ADD CONSTRAINT "service_items_source_order_id_orders_id_fk" FOREIGN KEY ("source_order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "phone_credit_ledger_organisation" ON "phone_credit_ledger" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "service_items_organisation" ON "service_items" USING btree ("organisation_id","expires_at");--> statement-breakpoint
CREATE INDEX "service_items_source_order" ON "service_items" USING btree ("source_order_id");