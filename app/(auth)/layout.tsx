/** Sign-in, sign-up and no-access pages: one narrow card. */
export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <div className="mx-auto max-w-md rounded-xl border border-slate-200 bg-white p-6 sm:p-8">{children}</div>;
}
