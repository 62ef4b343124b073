import { describe, expect, it } from "vitest";

import {
  normalizeAddress,
  resolveClientAddress,
  resolveClientProtocol,
  trustedProxyHops,
} from "@/lib/http/client-address.mjs";

describe("resolveClientAddress", () => {
  it("with no trusted proxy, is the socket address whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.9", "198.51.100.1", 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("203.0.113.9", undefined, 0)).toBe("203.0.113.9");
    expect(resolveClientAddress("::ffff:203.0.113.9", "1.2.3.4, 5.6.7.8", 0)).toBe("203.0.113.9");
  });

  it("honours exactly N trusted hops, counted from the right of X-Forwarded-For + socket", () => {
    // client 198.51.100.7 → (spoofed entry 6.6.6.6 sent by the client) → proxy A → proxy B → us
    const forwarded = "6.6.6.6, 198.51.100.7, 10.0.0.2";
    const socket = "10.0.0.3";
    expect(resolveClientAddress(socket, forwarded, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress(socket, forwarded, 2)).toBe("198.51.100.7");
    expect(resolveClientAddress(socket, forwarded, 3)).toBe("6.6.6.6");
  });

  it("joins repeated X-Forwarded-For headers in order", () => {
    expect(resolveClientAddress("10.0.0.3", ["6.6.6.6", "198.51.100.7"], 1)).toBe("198.51.100.7");
  });

  it("takes the leftmost entry when fewer hops were recorded than configured", () => {
    expect(resolveClientAddress("10.0.0.3", "198.51.100.7", 5)).toBe("198.51.100.7");
    expect(resolveClientAddress("10.0.0.3", undefined, 2)).toBe("10.0.0.3");
  });

  it("falls back to the nearest trusted hop when the chosen entry is not an address", () => {
    expect(resolveClientAddress("10.0.0.3", "unknown", 1)).toBe("10.0.0.3");
    expect(resolveClientAddress("10.0.0.3", "evil, not-an-ip, 10.0.0.2", 2)).toBe("10.0.0.2");
  });

  it("is 'unknown' without any address", () => {
    expect(resolveClientAddress(undefined, "1.2.3.4", 0)).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it("strips ports, brackets and the IPv4-mapped prefix, and rejects non-addresses", () => {
    expect(normalizeAddress("198.51.100.7:52311")).toBe("198.51.100.7");
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("2001:db8::1")).toBe("2001:db8::1");
    expect(normalizeAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(normalizeAddress("example.com")).toBeUndefined();
    expect(normalizeAddress("")).toBeUndefined();
  });
});

describe("resolveClientProtocol", () => {
  it("ignores X-Forwarded-Proto without a trusted proxy", () => {
    expect(resolveClientProtocol(false, "https", 0)).toBe("http");
    expect(resolveClientProtocol(true, "http", 0)).toBe("https");
  });

  it("takes the nearest trusted proxy's X-Forwarded-Proto", () => {
    expect(resolveClientProtocol(false, "https", 1)).toBe("https");
    expect(resolveClientProtocol(false, "https, http", 1)).toBe("http");
    expect(resolveClientProtocol(true, undefined, 1)).toBe("https");
  });
});

describe("trustedProxyHops", () => {
  it("defaults to 0 and refuses anything but a whole number", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("")).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(() => trustedProxyHops("-1")).toThrow(/KETBOOK_TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops("yes")).toThrow(/KETBOOK_TRUSTED_PROXY_HOPS/);
  });
});
