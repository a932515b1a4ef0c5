import { ClientMessages } from "@/components/client-messages";
import { AuthPage, authMetadata } from "../_components/auth-page";
import type { SearchParams } from "../_components/next-param";

export const generateMetadata = () => authMetadata("signUp");

export default function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  return (
    <ClientMessages namespaces={["Auth", "Limits"]}>
      <AuthPage mode="signUp" searchParams={searchParams} />
    </ClientMessages>
  );
}
