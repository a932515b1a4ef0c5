CREATE TABLE "catalog_versions" (
	"version" text PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"data" jsonb NOT NULL,
	"first_served_at" timestamp with time zone DEFAULT now() NOT NULL
);
