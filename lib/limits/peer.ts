import http from "node:http";
import https from "node:https";
import { PEER_ADDRESS_HEADER } from "./address";

const stamped = Symbol.for("quorum.peerAddressStamped");

/**
 * Stamps every incoming request with its socket's peer address, overwriting whatever the client
 * sent under that name. `next start` hands route handlers and server actions only headers, and
 * fills X-Forwarded-For with the peer only when the client sent none, so without this a client
 * could choose its own address. Called once as the server starts (instrumentation.ts).
 */
export function stampPeerAddresses(): void {
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol, unknown> & {
      emit: (event: string | symbol, ...args: unknown[]) => boolean;
    };
    if (proto[stamped]) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_ADDRESS_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.call(this, event, ...args);
    };
    proto[stamped] = true;
  }
}
