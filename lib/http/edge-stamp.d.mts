/** Types of edge-stamp.mjs (plain JavaScript, shared by the server edge and the app). */
export declare const CLIENT_STAMP_HEADER = "x-ketbook-client-stamp";
export declare function startStamping(): void;
export declare function stampingStarted(): boolean;
export declare function stampedIdentityHeaders(
  address: string,
  protocol: "https" | "http",
): Record<string, string>;
export declare function isStampValid(
  address: string | undefined,
  protocol: string | undefined,
  stamp: string | undefined,
): boolean;
