import { BlockList, isIP } from "node:net";

// The client address a limit counts against. Only the socket peer is known for sure; a proxy in
// front is believed about X-Forwarded-For only when it is one of TRUSTED_PROXIES.

/** The header the server stamps with the socket's peer address on every request (lib/limits/peer.ts). */
export const PEER_ADDRESS_HEADER = "x-quorum-peer-address";

/** The key of requests whose peer address is unknown (never outside `next start`): they share one budget. */
export const UNKNOWN_ADDRESS = "unknown";

/** `::ffff:203.0.113.7` (an IPv4 client on a dual-stack socket) is 203.0.113.7; anything else as written, trimmed. */
export function normaliseAddress(address: string): string {
  const a = address.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(a);
  return mapped ? mapped[1]! : a.toLowerCase();
}

/**
 * A parsed TRUSTED_PROXIES list: addresses and CIDR ranges, IPv4 and IPv6; null when it names none
 * (the default), so a request never pays for BlockList.check (~15 µs: it builds a SocketAddress).
 */
export type TrustedProxies = BlockList | null;

/** Parses "10.0.0.1, 10.1.0.0/16, fd00::/8"; throws naming the first entry that is neither an address nor a CIDR range. */
export function parseTrustedProxies(list: string | undefined): TrustedProxies {
  const trusted = new BlockList();
  for (const raw of (list ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = "", prefix, extra] = entry.split("/");
    const ip = normaliseAddress(address);
    const family = isIP(ip);
    const bits = prefix === undefined ? undefined : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (bits !== undefined && !(Number.isInteger(bits) && bits >= 0 && bits <= max)) || prefix === "") {
      throw new Error(`"${entry}" is not an IP address or CIDR range`);
    }
    const type = family === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) trusted.addAddress(ip, type);
    else trusted.addSubnet(ip, bits, type);
  }
  return trusted.rules.length > 0 ? trusted : null;
}

function isTrusted(trusted: TrustedProxies, address: string): boolean {
  if (trusted === null) return false;
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address: the socket peer, unless the peer is a trusted proxy, in which case the
 * X-Forwarded-For hops are walked from the right past every trusted proxy; the first untrusted
 * hop is the client. With no trusted proxy (the default) X-Forwarded-For is never read, so a
 * client cannot choose its own address; nothing (not even 127.0.0.1) is exempt.
 */
export function clientAddress(headers: Headers, trusted: TrustedProxies): string {
  const peer = headers.get(PEER_ADDRESS_HEADER);
  let current = peer ? normaliseAddress(peer) : "";
  if (!isIP(current)) return UNKNOWN_ADDRESS;
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normaliseAddress).filter(Boolean);
  while (isTrusted(trusted, current)) {
    const next = hops.pop();
    // A malformed hop, or none left: the last trusted proxy is all that is known.
    if (next === undefined || !isIP(next)) break;
    current = next;
  }
  return current;
}

/**
 * The budget an address counts against: an IPv4 address itself, an IPv6 address's /64 (one
 * customer's network hands out the rest of it freely).
 */
export function addressKey(address: string): string {
  if (isIP(address) !== 6) return address;
  const expanded = expandIpv6(address);
  return `${expanded.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::1.2.3.4) only affects the low 64 bits, which the key drops.
  const missing = 8 - left.length - right.length;
  return [...left, ...Array<string>(Math.max(missing, 0)).fill("0"), ...right].map((h) => h.replace(/^0+(?=.)/, "") || "0");
}
