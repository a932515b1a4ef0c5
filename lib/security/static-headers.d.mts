export declare const PERMISSIONS_POLICY: string;
export declare const STATIC_SECURITY_HEADERS: Readonly<{
  "X-Frame-Options": string;
  "X-Content-Type-Options": string;
  "Permissions-Policy": string;
}>;
export declare const BODY_REQUEST_HEADERS: Readonly<Record<string, string>>;
