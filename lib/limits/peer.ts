import { onEveryRequest } from "@/lib/http/server-hook";
import { PEER_ADDRESS_HEADER } from "./address";

/**
 * Stamps every incoming request with its socket's peer address, overwriting whatever the client
 * sent under that name. `next start` hands route handlers and server actions only headers, and
 * fills X-Forwarded-For with the peer only when the client sent none, so without this a client
 * could choose its own address. Called once as the server starts (instrumentation.ts).
 */
export function stampPeerAddresses(): void {
  onEveryRequest("peerAddress", (request) => {
    request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
  });
}
