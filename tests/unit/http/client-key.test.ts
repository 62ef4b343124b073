import { createHmac } from "node:crypto";

import { afterEach, describe, expect, it, vi } from "vitest";

import { CLIENT_PROTOCOL_HEADER } from "@/lib/http/client-address.mjs";
import { CLIENT_STAMP_HEADER, stampedIdentityHeaders } from "@/lib/http/edge-stamp.mjs";
import {
  CLIENT_ADDRESS_HEADER,
  clientAddress,
  clientKey,
  EdgeBypassedError,
} from "@/lib/http/client-key";

/**
 * The app believes a client address only with the server edge's signature over it
 * (lib/http/edge-stamp.mjs). The stamps here are made by the edge's own function, as it stamps a
 * request; everything else is what a client could send on its own.
 */
afterEach(() => {
  vi.unstubAllEnvs();
});

const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

describe("client identity in the app", () => {
  it("is the address the edge stamped and signed", () => {
    const stamped = stampedIdentityHeaders("198.51.100.7", "http");
    expect(clientAddress(stamped)).toBe("198.51.100.7");
    expect(clientKey(request(stamped))).toBe("ip:198.51.100.7");
    expect(clientAddress(new Headers(stamped))).toBe("198.51.100.7");
  });

  it("keys a signed-in user by their id, wherever they are", () => {
    expect(clientKey(request(stampedIdentityHeaders("198.51.100.7", "http")), "u1")).toBe(
      "user:u1",
    );
  });

  it("does not count a forged address as that address", () => {
    const forgeries: Record<string, string>[] = [
      // The header alone, as a client would send it to `next start`.
      { [CLIENT_ADDRESS_HEADER]: "203.0.113.5" },
      // With a made-up signature.
      {
        [CLIENT_ADDRESS_HEADER]: "203.0.113.5",
        [CLIENT_PROTOCOL_HEADER]: "http",
        [CLIENT_STAMP_HEADER]: "x",
      },
      // A real stamp of another address, replayed beside the address it wants.
      { ...stampedIdentityHeaders("198.51.100.7", "http"), [CLIENT_ADDRESS_HEADER]: "203.0.113.5" },
      // A real stamp with the protocol changed.
      { ...stampedIdentityHeaders("203.0.113.5", "http"), [CLIENT_PROTOCOL_HEADER]: "https" },
      // Signed with a key that is not this process's.
      {
        [CLIENT_ADDRESS_HEADER]: "203.0.113.5",
        [CLIENT_PROTOCOL_HEADER]: "http",
        [CLIENT_STAMP_HEADER]: createHmac("sha256", "guessed key")
          .update("203.0.113.5\nhttp")
          .digest("base64url"),
      },
    ];
    for (const headers of forgeries) {
      expect(clientKey(request(headers)), JSON.stringify(headers)).toBe("ip:unknown");
    }
    expect(clientAddress(undefined)).toBe("unknown");
  });

  it("refuses an unstamped request in production, naming `npm start`", () => {
    vi.stubEnv("NODE_ENV", "production");
    const forged = request({ [CLIENT_ADDRESS_HEADER]: "203.0.113.5" });
    expect(() => clientKey(forged)).toThrow(EdgeBypassedError);
    expect(() => clientKey(forged)).toThrow(/Serve Ketbook with `npm start`/);
    // A stamped one is served as usual.
    expect(clientKey(request(stampedIdentityHeaders("198.51.100.7", "https")))).toBe(
      "ip:198.51.100.7",
    );
  });
});
