"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import { revokeApiKeyAction } from "@/lib/actions/revoke-api-key";
import { setPhonePolicyAction } from "@/lib/actions/set-phone-policy";
import { setAutoRechargeAction } from "@/lib/actions/set-auto-recharge";
import { setLowBalanceAlertAction } from "@/lib/actions/set-low-balance-alert";
import { Button } from "@/components/ui/button";
import { translateKnown } from "@/lib/i18n/keys";

const input = "rounded-md border border-slate-300 bg-white px-3 py-2";

/** Creates an API key; the token is shown here once, never again. */
export function CreateApiKeyForm({ organisationId }: { organisationId: string }) {
  const t = useTranslations("Phone");
  const tRoot = useTranslations();
  const [state, action, pending] = useActionState(createApiKeyAction, null);
  const errors = state && !state.ok && state.error === "INVALID" ? state.fieldErrors : {};
  const error = (field: string) => (errors[field]?.[0] ? translateKnown(tRoot, [errors[field][0]]) : undefined);
  return (
    <form action={action} noValidate className="mt-3 space-y-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      <div>
        <label htmlFor="key-name" className="block text-sm font-medium">
          {t("keyName")}
        </label>
        <input
          id="key-name"
          name="name"
          className={input}
          autoComplete="off"
          aria-invalid={error("name") ? true : undefined}
          aria-describedby={error("name") ? "key-name-error" : undefined}
        />
        {error("name") && (
          <p id="key-name-error" className="text-sm text-red-700">
            {error("name")}
          </p>
        )}
      </div>
      <fieldset aria-describedby={error("scopes") ? "key-scopes-error" : undefined}>
        <legend className="text-sm font-medium">{t("scopes")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="scopeUsage" defaultChecked /> {t("scopeUsage")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="scopeAuthorize" defaultChecked /> {t("scopeAuthorize")}
        </label>
        {error("scopes") && (
          <p id="key-scopes-error" className="text-sm text-red-700">
            {error("scopes")}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {t("createKey")}
      </Button>
      {state?.ok && (
        <div role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
          <p>{t("newKey", { name: state.name })}</p>
          <code data-testid="new-api-key" className="mt-1 block break-all font-mono">
            {state.token}
          </code>
        </div>
      )}
      {state && !state.ok && state.error === "NOT_FOUND" && <p className="text-sm text-red-700">{t("errors.notFound")}</p>}
    </form>
  );
}

export function RevokeApiKeyButton({ organisationId, keyId, name }: { organisationId: string; keyId: string; name: string }) {
  const t = useTranslations("Phone");
  const [, action, pending] = useActionState(revokeApiKeyAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="organisationId" value={organisationId} />
      <input type="hidden" name="keyId" value={keyId} />
      <Button type="submit" variant="danger-outline" size="sm" disabled={pending}>
        {t("revoke", { name })}
      </Button>
    </form>
  );
}

/** The organisation's policy (no member) or one member's override. */
export function PolicyForm({ organisationId, current, member }: { organisationId: string; current: string; member?: boolean }) {
  const t = useTranslations("Phone");
  const [state, action, pending] = useActionState(setPhonePolicyAction, null);
  const id = member ? "member-policy" : "org-policy";
  const choices = member ? (["inherit", "any", "domestic", "none"] as const) : (["any", "domestic", "none"] as const);
  return (
    <form action={action} className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      {member && (
        <div>
          <label htmlFor="member-id" className="block text-sm font-medium">
            {t("memberLabel")}
          </label>
          <input id="member-id" name="member" className={input} autoComplete="off" required />
        </div>
      )}
      <div>
        <label htmlFor={id} className="block text-sm font-medium">
          {member ? t("memberPolicyLabel") : t("policyLabel")}
        </label>
        <select id={id} name="policy" defaultValue={current} className={input}>
          {choices.map((p) => (
            <option key={p} value={p}>
              {t(`policies.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {t("saved")}
        </p>
      )}
    </form>
  );
}

function useFieldErrors(state: { ok: boolean; error?: string; fieldErrors?: Record<string, string[]> } | null) {
  const tRoot = useTranslations();
  const errors = state && !state.ok && state.fieldErrors ? state.fieldErrors : {};
  return (field: string) => (errors[field]?.[0] ? translateKnown(tRoot, [errors[field][0]]) : undefined);
}

function Field({
  id,
  name,
  label,
  error,
  ...props
}: { id: string; name: string; label: string; error?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        className={input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...props}
      />
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}

export function LowBalanceForm({ organisationId, threshold }: { organisationId: string; threshold: string }) {
  const t = useTranslations("Phone");
  const [state, action, pending] = useActionState(setLowBalanceAlertAction, null);
  const error = useFieldErrors(state);
  return (
    <form action={action} noValidate className="mt-3 flex flex-wrap items-end gap-3">
      <input type="hidden" name="organisationId" value={organisationId} />
      <Field
        id="alert-threshold"
        name="threshold"
        label={t("alertThreshold")}
        inputMode="numeric"
        defaultValue={threshold}
        error={error("threshold")}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {t("save")}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800">
          {t("saved")}
        </p>
      )}
    </form>
  );
}

export interface AutoRechargeValues {
  enabled: boolean;
  agreementId: string;
  threshold: string;
  mode: "amount" | "target";
  amount: string;
  target: string;
  monthlyCap: string;
}

export function AutoRechargeForm({
  organisationId,
  values,
  agreements,
}: {
  organisationId: string;
  values: AutoRechargeValues;
  agreements: { id: string; label: string }[];
}) {
  const t = useTranslations("Phone");
  const [state, action, pending] = useActionState(setAutoRechargeAction, null);
  const error = useFieldErrors(state);
  return (
    <form action={action} noValidate className="mt-3 grid gap-3 sm:grid-cols-2">
      <input type="hidden" name="organisationId" value={organisationId} />
      <label className="flex items-center gap-2 text-sm font-medium sm:col-span-2">
        <input type="checkbox" name="enabled" defaultChecked={values.enabled} /> {t("autoEnabled")}
      </label>
      <div className="sm:col-span-2">
        <label htmlFor="auto-agreement" className="block text-sm font-medium">
          {t("autoAgreement")}
        </label>
        {agreements.length === 0 && (
          <p id="auto-agreement-none" className="text-sm text-slate-600">
            {t("noAgreement")}
          </p>
        )}
        <select
          id="auto-agreement"
          name="agreementId"
          defaultValue={values.agreementId}
          className={input}
          aria-invalid={error("agreementId") ? true : undefined}
          aria-describedby={error("agreementId") ? "auto-agreement-error" : agreements.length === 0 ? "auto-agreement-none" : undefined}
        >
          <option value="">—</option>
          {agreements.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </select>
        {error("agreementId") && (
          <p id="auto-agreement-error" className="text-sm text-red-700">
            {error("agreementId")}
          </p>
        )}
      </div>
      <Field
        id="auto-threshold"
        name="threshold"
        label={t("autoThreshold")}
        inputMode="numeric"
        defaultValue={values.threshold}
        error={error("threshold")}
      />
      <div>
        <label htmlFor="auto-mode" className="block text-sm font-medium">
          {t("autoMode")}
        </label>
        <select id="auto-mode" name="mode" defaultValue={values.mode} className={input}>
          <option value="amount">{t("modeAmount")}</option>
          <option value="target">{t("modeTarget")}</option>
        </select>
      </div>
      <Field
        id="auto-amount"
        name="amount"
        label={t("autoAmount")}
        inputMode="numeric"
        defaultValue={values.amount}
        error={error("amount")}
      />
      <Field
        id="auto-target"
        name="target"
        label={t("autoTarget")}
        inputMode="numeric"
        defaultValue={values.target}
        error={error("target")}
      />
      <Field
        id="auto-cap"
        name="monthlyCap"
        label={t("autoCap")}
        inputMode="numeric"
        defaultValue={values.monthlyCap}
        error={error("monthlyCap")}
      />
      <div className="flex items-end gap-3">
        <Button type="submit" disabled={pending}>
          {t("save")}
        </Button>
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            {t("saved")}
          </p>
        )}
      </div>
    </form>
  );
}
