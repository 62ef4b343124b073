// A stand-in app behind the real server edge, for the graceful-shutdown test: /slow answers
// after SLOW_MS, and a shutdown hook reports how many requests were still in flight when it ran
// and how long after the signal it ran (the app's own hooks spend what is left of the grace).
import { createEdgeServer, shutdownOnSignals } from "../../../lib/http/edge.mjs";
import { onShutdown, shutdownStartedAt } from "../../../lib/http/shutdown.mjs";

const slowMs = Number(process.env.SLOW_MS ?? 1500);
const edge = createEdgeServer(
  (req, res) => {
    if (req.url === "/slow") setTimeout(() => res.end("slow done"), slowMs);
    else res.end("fast");
  },
  { trustedHops: 0 },
);
onShutdown("test app", async () => {
  console.log(`hook ran with ${edge.inFlight()} in flight`);
  console.log(`hook ran ${Date.now() - (shutdownStartedAt() ?? NaN)} ms after the signal`);
});
shutdownOnSignals(edge, {
  graceMs: Number(process.env.GRACE_MS ?? 5000),
  close: async () => console.log("closed"),
});
edge.server.listen(0, "127.0.0.1", () => {
  const address = edge.server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : ""}`);
});
