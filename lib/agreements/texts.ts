import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/catalog/ids";
import { agreements, type Agreement } from "./index";
import dataProcessing from "./texts/data-processing.json" with { type: "json" };
import educationEligibility from "./texts/education-eligibility.json" with { type: "json" };
import membershipTerms from "./texts/membership-terms.json" with { type: "json" };
import privacyPolicy from "./texts/privacy-policy.json" with { type: "json" };
import purchaseTerms from "./texts/purchase-terms.json" with { type: "json" };
import serviceTerms from "./texts/service-terms.json" with { type: "json" };

/*
 * The full text of every agreement, one file per agreement, every version it has had (newest
 * first) so the exact version an order accepted stays readable. Kept apart from agreements.json,
 * which the checkout's browser bundle imports: the texts are read on the server only (never import this file from a client component).
 */

const section = z.object({ heading: z.string().min(1), paragraphs: z.array(z.string().min(1)).min(1) });
const sections = z.array(section).min(3);

const versionSchema = z
  .object({
    version: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    /** What changed from the version before, in both languages (absent for the first version). */
    changes: z.object(Object.fromEntries(LOCALES.map((l) => [l, z.string().min(1)])) as Record<Locale, z.ZodString>).optional(),
    sections: z.object(Object.fromEntries(LOCALES.map((l) => [l, sections])) as Record<Locale, typeof sections>),
  })
  .refine((v) => new Set(LOCALES.map((l) => v.sections[l].length)).size === 1, "every language has the same sections")
  .refine(
    (v) => v.sections["zh-CN"].every((s, i) => s.paragraphs.length === v.sections.en[i]?.paragraphs.length),
    "every section has as many paragraphs in each language",
  );

const textSchema = z
  .object({ id: z.string(), versions: z.array(versionSchema).min(1) })
  .refine((t) => new Set(t.versions.map((v) => v.version)).size === t.versions.length, "versions are unique")
  .refine((t) => t.versions.every((v, i) => i === 0 || v.version < (t.versions[i - 1]?.version ?? "")), "versions are newest first");

export type AgreementText = z.infer<typeof textSchema>;
export type AgreementVersion = AgreementText["versions"][number];

const texts = [serviceTerms, purchaseTerms, privacyPolicy, dataProcessing, educationEligibility, membershipTerms] as AgreementText[];

/** Fails fast when a text does not match its schema or an agreement in force has no full text at its current version. */
export function assertAgreementTextsValid(): AgreementText[] {
  const parsed = z.array(textSchema).parse(texts);
  for (const agreement of agreements) {
    const text = parsed.find((t) => t.id === agreement.id);
    if (!text) throw new Error(`agreement ${agreement.id} has no full text`);
    if (text.versions[0]?.version !== agreement.version)
      throw new Error(`agreement ${agreement.id}: the newest full text is not its current version ${agreement.version}`);
  }
  for (const text of parsed) {
    if (!agreements.some((a) => a.id === text.id)) throw new Error(`full text ${text.id} belongs to no agreement`);
  }
  return parsed;
}

export interface AgreementDocument {
  agreement: Agreement;
  /** The version shown. */
  text: AgreementVersion;
  /** Whether it is the version in force (agreement.version). */
  current: boolean;
  /** Every version, newest first. */
  versions: AgreementVersion[];
}

/** An agreement's full text at `version` (the current one when absent); undefined for an unknown agreement or version. */
export function agreementDocument(id: string, version?: string): AgreementDocument | undefined {
  const agreement = agreements.find((a) => a.id === id);
  const all = texts.find((t) => t.id === id)?.versions;
  if (!agreement || !all) return undefined;
  const text = all.find((v) => v.version === (version ?? agreement.version));
  if (!text) return undefined;
  return { agreement, text, current: text.version === agreement.version, versions: all };
}
