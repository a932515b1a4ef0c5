// expressjs/compression is Connect middleware: it reads only Node's own request and response (the
// request's headers and method; the response's headers, write and end), which is how
// lib/http/page-responses.ts calls it. Its DefinitelyTyped types describe it over Express's
// types instead (and pull in Express's), so this declares the shape it is used with here.
declare module "compression" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  /** With the middleware's defaults (gzip or deflate as the client accepts, 1 KB threshold, compressible types). */
  export default function compression(): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;
}
