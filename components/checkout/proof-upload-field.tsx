"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useController, type Control } from "react-hook-form";
import type { OrganisationStep } from "@/lib/validations/checkout";
import { MAX_PROOF_BYTES, PROOF_ACCEPT, type ProofUploadErrorCode } from "@/lib/uploads/proof";
import { Button } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

type Failure = ProofUploadErrorCode | "NETWORK";
const KNOWN: readonly Failure[] = [
  "NO_FILE",
  "EMPTY",
  "TOO_LARGE",
  "UNSUPPORTED_TYPE",
  "UNAUTHENTICATED",
  "CROSS_SITE",
  "INVALID_FORM",
  "TOO_MANY",
  "NETWORK",
];

const ID = "education-proof";

/**
 * The institution's proof: a labelled file input that uploads the file as soon as it is chosen
 * (POST /api/uploads/education-proof) and keeps the upload's id and name in the form; once
 * uploaded, the name shows with a button to choose another file.
 */
export function ProofUploadField({ control }: { control: Control<OrganisationStep> }) {
  const t = useTranslations("Checkout");
  const tRoot = useTranslations();
  const id = useController({ control, name: "education.proofUploadId" });
  const name = useController({ control, name: "education.proofFileName" });
  const input = useRef<HTMLInputElement | null>(null);
  const replace = useRef<HTMLButtonElement | null>(null);
  const [uploading, setUploading] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Bumped on each successful upload: the input hides once a file is in, so focus moves to "replace".
  const [uploads, setUploads] = useState(0);
  useEffect(() => {
    if (uploads) replace.current?.focus();
  }, [uploads]);
  const uploaded = id.field.value && name.field.value ? name.field.value : null;
  const schemaError = id.fieldState.error?.message ?? name.fieldState.error?.message;

  async function upload(file: File) {
    setFailure(null);
    if (file.size > MAX_PROOF_BYTES) return setFailure("TOO_LARGE");
    setUploading(file.name);
    try {
      const body = new FormData();
      body.append("file", file);
      const response = await fetch("/api/uploads/education-proof", { method: "POST", body });
      const json = (await response.json().catch(() => null)) as { id?: string; fileName?: string; errors?: { code?: string }[] } | null;
      if (response.ok && json?.id && json.fileName) {
        id.field.onChange(json.id);
        name.field.onChange(json.fileName);
        setUploads((n) => n + 1);
      } else {
        const code = json?.errors?.[0]?.code as Failure | undefined;
        setFailure(code && KNOWN.includes(code) ? code : "NETWORK");
      }
    } catch {
      setFailure("NETWORK");
    } finally {
      setUploading(null);
      // Choosing the same file again must upload it again.
      if (input.current) input.current.value = "";
    }
  }

  const message = failure ? t(`proofUpload.errors.${failure}`) : schemaError ? translateKnown(tRoot, [schemaError]) : null;
  return (
    <div className="sm:col-span-2">
      <label htmlFor={ID} className="block text-sm font-medium">
        {t("proofFile")}
      </label>
      <p id={`${ID}-help`} className="text-xs text-slate-500">
        {t("proofHelp")} {t("proofUpload.limits")}
      </p>
      {uploaded && (
        <p className="mt-1 flex flex-wrap items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
          <span>{t("proofUpload.uploaded", { name: uploaded })}</span>
          <Button
            ref={replace}
            type="button"
            disabled={!!uploading}
            onClick={() => input.current?.click()}
            className="rounded-md border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium hover:bg-slate-100"
          >
            {t("proofUpload.replace")}
          </Button>
        </p>
      )}
      <input
        id={ID}
        type="file"
        accept={PROOF_ACCEPT}
        hidden={!!uploaded}
        disabled={!!uploading}
        aria-invalid={message ? true : undefined}
        aria-describedby={[`${ID}-help`, message ? `${ID}-error` : ""].filter(Boolean).join(" ")}
        ref={(el) => {
          input.current = el;
          id.field.ref(el);
        }}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void upload(file);
        }}
        className="mt-1 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:font-medium file:text-brand-800 hover:file:bg-brand-100"
      />
      <p role="status" className="mt-1 text-sm text-slate-600">
        {uploading ? t("proofUpload.uploading", { name: uploading }) : ""}
      </p>
      {message && (
        <p id={`${ID}-error`} role="alert" className="mt-1 text-sm text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
