/** Types of client-address.mjs (plain JavaScript, so the server edge needs no TypeScript at run time). */
export declare const CLIENT_ADDRESS_HEADER = "x-ketbook-client-address";
export declare const CLIENT_PROTOCOL_HEADER = "x-ketbook-client-protocol";
export declare function trustedProxyHops(value: string | undefined): number;
export declare function normalizeAddress(raw: string | undefined): string | undefined;
export declare function resolveClientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedHops: number,
): string;
export declare function resolveClientProtocol(
  encrypted: boolean,
  forwardedProto: string | string[] | undefined,
  trustedHops: number,
): "https" | "http";
