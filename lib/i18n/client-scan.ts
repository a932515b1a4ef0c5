// Build-free check of per-page message scoping (used by scopes.test.ts and the bench): from a page
// (or layout) file, follow its imports; every module reached through a "use client" module is client
// code, and the message namespaces it reads (useTranslations("X.y"), messages.X after useMessages())
// are what that page must send. Node-only (reads the sources); never imported by the app.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const EXTENSIONS = [".tsx", ".ts", "/index.tsx", "/index.ts"];

export interface ModuleScan {
  client: boolean;
  imports: string[];
  /** Namespace paths read by useTranslations("…") or `messages.X` (only meaningful in client modules). */
  namespaces: string[];
  /** useTranslations() with no namespace: keys decided at run time (error keys); the page lists their namespaces itself. */
  rootTranslator: boolean;
  /** Calls a next-intl hook (useTranslations, useLocale, useFormatter, …): needs a provider above it. */
  usesIntl: boolean;
}

function resolveImport(root: string, from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = join(root, spec.slice(2));
  else if (spec.startsWith(".")) base = resolve(dirname(from), spec);
  else return null; // a package
  if (/\.(json|css)$/.test(spec)) return null;
  for (const ext of ["", ...EXTENSIONS]) {
    const candidate = base + ext;
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  }
  return null;
}

const cache = new Map<string, ModuleScan>();

export function scanModule(root: string, file: string): ModuleScan {
  const known = cache.get(file);
  if (known) return known;
  const source = readFileSync(file, "utf8");
  const client = /^\s*(?:\/\/[^\n]*\n\s*)*["']use client["']/.test(source);
  const imports: string[] = [];
  // Static imports and re-exports (not `import type`), and dynamic import("…").
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?["']([^"']+)["']/gm)) {
    const target = resolveImport(root, file, m[1]!);
    if (target) imports.push(target);
  }
  for (const m of source.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) {
    const target = resolveImport(root, file, m[1]!);
    if (target) imports.push(target);
  }
  const namespaces = [
    ...[...source.matchAll(/useTranslations\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!),
    ...(/useMessages\(\)/.test(source) ? [...source.matchAll(/\bmessages\.([A-Z][A-Za-z]*)/g)].map((m) => m[1]!) : []),
  ];
  const scan = {
    client,
    imports,
    namespaces: [...new Set(namespaces)],
    rootTranslator: /useTranslations\(\s*\)/.test(source),
    usesIntl: /\buse(Translations|Messages|Locale|Formatter|Now|TimeZone)\(/.test(source),
  };
  cache.set(file, scan);
  return scan;
}

export interface PageScan {
  /** Namespace paths the client modules reachable from the file read. */
  namespaces: string[];
  /** Client modules with useTranslations() (run-time keys), relative to the root. */
  rootTranslators: string[];
  clientModules: string[];
  /** Client modules that call a next-intl hook. */
  intlModules: string[];
}

/** Everything client reachable from `file` (a page or layout). */
export function scanEntry(root: string, file: string): PageScan {
  const namespaces = new Set<string>();
  const rootTranslators = new Set<string>();
  const clientModules = new Set<string>();
  const intlModules = new Set<string>();
  const seen = new Set<string>();
  const visit = (path: string, inClient: boolean) => {
    const key = `${inClient}:${path}`;
    if (seen.has(key)) return;
    seen.add(key);
    const scan = scanModule(root, path);
    const client = inClient || scan.client;
    if (client) {
      clientModules.add(relative(root, path));
      scan.namespaces.forEach((n) => namespaces.add(n));
      if (scan.rootTranslator) rootTranslators.add(relative(root, path));
      if (scan.usesIntl) intlModules.add(relative(root, path));
    }
    for (const target of scan.imports) visit(target, client);
  };
  visit(file, false);
  return {
    namespaces: [...namespaces].sort(),
    rootTranslators: [...rootTranslators].sort(),
    clientModules: [...clientModules].sort(),
    intlModules: [...intlModules].sort(),
  };
}

/** The namespace lists a file declares with <ClientMessages namespaces={[…]}> (string literals only). */
export function declaredNamespaces(file: string): string[] {
  const source = readFileSync(file, "utf8");
  const lists = [...source.matchAll(/<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g)];
  return lists.flatMap((m) => [...m[1]!.matchAll(/["']([^"']+)["']/g)].map((s) => s[1]!));
}

/** Whether a file renders <ClientMessages> (a provider for the client components inside it). */
export const rendersClientMessages = (file: string) => /<ClientMessages\b/.test(readFileSync(file, "utf8"));

/** app/**\/page.tsx and the layout.tsx files above each (outermost first). */
export function pagesWithLayouts(root: string): { page: string; layouts: string[] }[] {
  const app = join(root, "app");
  const pages: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name === "page.tsx") pages.push(path);
    }
  };
  walk(app);
  return pages.sort().map((page) => {
    const layouts: string[] = [];
    for (let dir = dirname(page); dir.startsWith(app); dir = dirname(dir)) {
      const layout = join(dir, "layout.tsx");
      if (existsSync(layout)) layouts.unshift(layout);
      if (dir === app) break;
    }
    return { page, layouts };
  });
}

/** A declared path covers a used one when it is the same path or an ancestor of it ("Checkout" covers "Checkout.voucher"). */
export const covers = (declared: string, used: string) => used === declared || used.startsWith(`${declared}.`);
