CREATE TABLE "education_verifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" text NOT NULL,
	"user_id" text NOT NULL,
	"institution_name" text NOT NULL,
	"institution_type" text NOT NULL,
	"proof_upload_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "education_verifications_order_id_unique" UNIQUE("order_id"),
	CONSTRAINT "education_verifications_status_known" CHECK ("education_verifications"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "education_verifications_decision" CHECK (("education_verifications"."status" = 'pending' and "education_verifications"."decided_by" is null and "education_verifications"."decided_at" is null and "education_verifications"."reason" is null)
        or ("education_verifications"."status" = 'approved' and "education_verifications"."decided_by" is not null and "education_verifications"."decided_at" is not null and "education_verifications"."reason" is null)
        or ("education_verifications"."status" = 'rejected' and "education_verifications"."decided_by" is not null and "education_verifications"."decided_at" is not null and "education_verifications"."reason" is not null))
);
--> statement-breakpoint
CREATE TABLE "proof_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proof_uploads_size" CHECK ("proof_uploads"."size" between 1 and 10485760),
	CONSTRAINT "proof_uploads_content_type" CHECK ("proof_uploads"."content_type" in ('application/pdf', 'image/png', 'image/jpeg'))
);
--> statement-breakpoint
ALTER TABLE "education_verifications" ADD CONSTRAINT "education_verifications_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_verifications" ADD CONSTRAINT "education_verifications_proof_upload_id_proof_uploads_id_fk" FOREIGN KEY ("proof_upload_id") REFERENCES "public"."proof_uploads"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "education_verifications_status" ON "education_verifications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "proof_uploads_user" ON "proof_uploads" USING btree ("user_id","created_at");