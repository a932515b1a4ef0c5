CREATE TABLE "organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"owner_user_id" text NOT NULL,
	"edition" text DEFAULT 'free' NOT NULL,
	"seats" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "organisation_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "upgrade_method" text;--> statement-breakpoint
CREATE INDEX "organisations_owner" ON "organisations" USING btree ("owner_user_id");