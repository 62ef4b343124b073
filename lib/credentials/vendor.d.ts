/**
 * The few entry points of the Digital Credentials Consortium libraries that Ketbook calls; the
 * packages ship JavaScript without type declarations.
 */
declare module "@digitalcredentials/vc" {
  export type DocumentLoader = (url: string) => Promise<{ document: unknown }>;
  export interface VerifyResult {
    verified: boolean;
    error?: unknown;
    statusResult?: { verified: boolean };
    results?: { verified: boolean; error?: unknown }[];
  }
  export function issue(options: {
    credential: Record<string, unknown>;
    suite: unknown;
    documentLoader: DocumentLoader;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: unknown;
    suite: unknown;
    documentLoader: DocumentLoader;
    checkStatus?: (options: unknown) => Promise<unknown>;
    now?: Date;
  }): Promise<VerifyResult>;
}

declare module "@digitalcredentials/data-integrity" {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown });
  }
}

declare module "@digitalcredentials/eddsa-rdfc-2022-cryptosuite" {
  export const cryptosuite: unknown;
}

declare module "@digitalcredentials/ed25519-multikey" {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    signer(): unknown;
  }
  export function fromJwk(options: {
    jwk: { kty: "OKP"; crv: "Ed25519"; x: string; d?: string };
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<Ed25519KeyPair>;
}

declare module "@digitalcredentials/vc-bitstring-status-list" {
  export class BitstringStatusList {
    constructor(options: { length: number });
    setStatus(index: number, status: boolean): void;
    encode(): Promise<string>;
  }
  export function createCredential(options: {
    id: string;
    list: BitstringStatusList;
    statusPurpose: string;
  }): Promise<Record<string, unknown>>;
  export function checkStatus(options: unknown): Promise<unknown>;
}

declare module "@digitalcredentials/security-document-loader" {
  export interface DocumentLoaderBuilder {
    addStatic(url: string, document: unknown): void;
    build(): (url: string) => Promise<{ document: unknown }>;
  }
  export function securityLoader(options?: {
    fetchRemoteContexts?: boolean;
  }): DocumentLoaderBuilder;
}
