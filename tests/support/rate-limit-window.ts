/**
 * Limits count in fixed one-minute windows. A burst that began just before a window ends could
 * be split over two windows and not reach the limit, so a burst starts only with at least five
 * seconds of its window left (a burst of a few small requests takes well under one).
 */
export async function startEarlyInARateLimitWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 5_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
}
