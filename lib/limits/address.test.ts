import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, parseTrustedProxies, PEER_ADDRESS_HEADER, UNKNOWN_ADDRESS } from "./address";

const headers = (peer: string | undefined, xff?: string) => {
  const h = new Headers();
  if (peer !== undefined) h.set(PEER_ADDRESS_HEADER, peer);
  if (xff !== undefined) h.set("x-forwarded-for", xff);
  return h;
};
const none = parseTrustedProxies(undefined);
const proxies = parseTrustedProxies("10.0.0.1, 10.1.0.0/16, fd00::/8");

describe("clientAddress", () => {
  it.each([
    // No trusted proxy (the default): X-Forwarded-For is never read.
    ["203.0.113.7", "198.51.100.1", none, "203.0.113.7"],
    ["203.0.113.7", undefined, none, "203.0.113.7"],
    ["127.0.0.1", "198.51.100.1", none, "127.0.0.1"],
    ["::ffff:127.0.0.1", undefined, none, "127.0.0.1"],
    ["::1", "198.51.100.1", none, "::1"],
    // A trusted proxy: the first untrusted hop from the right.
    ["10.0.0.1", "198.51.100.1", proxies, "198.51.100.1"],
    ["10.0.0.1", "1.1.1.1, 198.51.100.1", proxies, "198.51.100.1"],
    ["10.0.0.1", "1.1.1.1, 198.51.100.1, 10.1.2.3", proxies, "198.51.100.1"],
    ["fd00::5", "2001:db8::1", proxies, "2001:db8::1"],
    // An untrusted peer's header is ignored even with proxies configured.
    ["203.0.113.7", "198.51.100.1", proxies, "203.0.113.7"],
    // A trusted proxy with nothing (or garbage) forwarded: the proxy is all that is known.
    ["10.0.0.1", undefined, proxies, "10.0.0.1"],
    ["10.0.0.1", "not-an-ip", proxies, "10.0.0.1"],
    // No stamped peer (never under `next start`): one shared budget, never a free pass.
    [undefined, "198.51.100.1", proxies, UNKNOWN_ADDRESS],
    ["", "198.51.100.1", none, UNKNOWN_ADDRESS],
  ])("peer %s, X-Forwarded-For %s → %s", (peer, xff, trusted, expected) => {
    expect(clientAddress(headers(peer, xff), trusted)).toBe(expected);
  });

  it("rotating X-Forwarded-For never changes the address without a trusted proxy (property)", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.array(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string()), { maxLength: 6 }), (peer, hops) => {
        expect(clientAddress(headers(peer, hops.join(", ")), none)).toBe(peer);
      }),
    );
  });

  it("behind a trusted proxy, a client can add hops on the left but never replace the hop the proxy saw (property)", () => {
    fc.assert(
      fc.property(fc.ipV4(), fc.array(fc.ipV4(), { maxLength: 6 }), (client, spoofed) => {
        fc.pre(!client.startsWith("10."));
        expect(clientAddress(headers("10.0.0.1", [...spoofed, client].join(", ")), proxies)).toBe(client);
      }),
    );
  });
});

describe("parseTrustedProxies", () => {
  it.each(["10.0.0.1", "10.0.0.0/8, 192.168.1.1", "fd00::/8", " 10.0.0.1 , ", ""])("accepts %j", (list) => {
    expect(() => parseTrustedProxies(list)).not.toThrow();
  });
  it.each(["10.0.0.256", "10.0.0.0/33", "example.com", "10.0.0.0/", "fd00::/129", "10.0.0.0/8/8"])("refuses %j", (list) => {
    expect(() => parseTrustedProxies(list)).toThrow(/not an IP address or CIDR range/);
  });
  it.each([undefined, "", " , ,"])("has nothing to check for %j (no proxy is trusted)", (list) => {
    expect(parseTrustedProxies(list)).toBeNull();
  });
  it.each(["10.0.0.1", " , 10.0.0.1"])("keeps the entries of %j", (list) => {
    expect(parseTrustedProxies(list)?.check("10.0.0.1", "ipv4")).toBe(true);
  });
});

describe("addressKey", () => {
  it.each([
    ["203.0.113.7", "203.0.113.7"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::ffff", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
  ])("%s counts as %s", (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
