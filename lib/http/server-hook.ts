import http from "node:http";
import https from "node:https";

type Emit = (event: string | symbol, ...args: unknown[]) => boolean;
/** Answers `true` when it has answered the request itself: the server's own handler (and later hooks) then never see it. */
type RequestHook = (request: http.IncomingMessage, response: http.ServerResponse) => boolean | void;

/**
 * Runs `hook` on every request the process's HTTP servers receive, before the server's own
 * handler. `next start` owns its server and hands the app no request or response objects, so
 * this is the one place to see them: called as the server starts (instrumentation.ts), each hook
 * once (by name); the one installed last runs first.
 */
export function onEveryRequest(name: string, hook: RequestHook): void {
  const installed = Symbol.for(`quorum.requestHook.${name}`);
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as unknown as Record<symbol, unknown> & { emit: Emit };
    if (proto[installed]) continue;
    const emit = proto.emit;
    proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === "request" && hook(args[0] as http.IncomingMessage, args[1] as http.ServerResponse) === true) return true;
      return emit.call(this, event, ...args);
    };
    proto[installed] = true;
  }
}
