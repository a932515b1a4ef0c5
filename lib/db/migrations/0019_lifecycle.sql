CREATE TABLE "scheduled_renewals" (
	"order_id" text PRIMARY KEY NOT NULL,
	"organisation_id" text NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"applied_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"refund_ref" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "service_item_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"service_item_id" text NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_expires_at" timestamp with time zone NOT NULL,
	"to_expires_at" timestamp with time zone NOT NULL,
	"from_sku" text NOT NULL,
	"to_sku" text NOT NULL,
	"from_capacity" integer,
	"to_capacity" integer,
	"amount" numeric(14, 2) NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "scheduled_renewals" ADD CONSTRAINT "scheduled_renewals_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_renewals" ADD CONSTRAINT "scheduled_renewals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_item_changes" ADD CONSTRAINT "service_item_changes_service_item_id_service_items_id_fk" FOREIGN KEY ("service_item_id") REFERENCES "public"."service_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_item_changes" ADD CONSTRAINT "service_item_changes_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "scheduled_renewals_due" ON "scheduled_renewals" USING btree ("status","effective_at");--> statement-breakpoint
CREATE INDEX "scheduled_renewals_organisation" ON "scheduled_renewals" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "service_item_changes_order" ON "service_item_changes" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "service_item_changes_item" ON "service_item_changes" USING btree ("service_item_id");