import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Route handlers that read the session through `next/headers` (getCurrentUser, requireUser)
 * only work inside the request scope Next opens around every handler; called directly they
 * throw "called outside a request scope". This opens the same scope (the request's own headers
 * and cookies), so a test can call such a handler in-process, unchanged.
 *
 * Next keeps its scopes in AsyncLocalStorage instances that it creates when its modules load,
 * and only if `globalThis.AsyncLocalStorage` exists then (Next's server sets it at boot). So
 * import this module before anything imports `next/headers`; the route modules themselves are
 * imported dynamically by the tests, after it.
 */
const withGlobal = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage };
withGlobal.AsyncLocalStorage ??= AsyncLocalStorage;

const { workAsyncStorage } =
  await import("next/dist/server/app-render/work-async-storage.external");
const { workUnitAsyncStorage } =
  await import("next/dist/server/app-render/work-unit-async-storage.external");
const { createRequestStoreForAPI } = await import("next/dist/server/async-storage/request-store");

type WorkStore = Parameters<typeof workAsyncStorage.run>[0];

/** Calls `handler(request)` as Next would for a dynamic route handler serving `request`. */
export function inRequestScope<T>(
  request: Request,
  handler: (request: Request) => Promise<T>,
): Promise<T> {
  const url = new URL(request.url);
  const requestStore = createRequestStoreForAPI(
    request as never,
    url as never,
    undefined as never,
    undefined,
    undefined as never,
    undefined,
  );
  // The parts of the work store that cookies() and headers() read for a dynamic route.
  const workStore = {
    route: url.pathname,
    forceStatic: false,
    forceDynamic: true,
    dynamicShouldError: false,
    isStaticGeneration: false,
  } as unknown as WorkStore;
  return workAsyncStorage.run(workStore, () =>
    workUnitAsyncStorage.run(requestStore, () => handler(request)),
  );
}
