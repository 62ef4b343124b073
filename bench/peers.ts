/** The peer simulators `npm run bench` can compare against (bench/peer.ts, bench/libquantum.ts). */
export const PEERS = ["qsharp", "libquantum", "jsqubits", "quantum-circuit"] as const;
export type PeerName = (typeof PEERS)[number];

/**
 * Wall-clock limit per run (ms): a peer over it at some n is reported as skipped there and not
 * run at larger n. jsqubits (immutable sparse states in plain JavaScript) is far slower than the
 * others, so its limit is shorter.
 */
export const PEER_TIME_LIMIT_MS: Record<PeerName, number> = {
  qsharp: 60_000,
  libquantum: 60_000,
  jsqubits: 20_000,
  "quantum-circuit": 20_000,
};
