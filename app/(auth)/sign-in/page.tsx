import { AuthPage, authMetadata } from "../_components/auth-page";
import type { SearchParams } from "../_components/next-param";

export const generateMetadata = () => authMetadata("signIn");

export default function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  return <AuthPage mode="signIn" searchParams={searchParams} />;
}
