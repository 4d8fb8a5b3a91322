/**
 * grammY's Node build types abort signals as those of the `abort-controller`
 * package; Node's own AbortSignal (e.g. AbortSignal.timeout) works the same at
 * run time, since grammY only listens for its "abort" event. This names the
 * conversion once instead of casting at every call.
 */
import type { Api } from 'grammy';

export type ApiSignal = NonNullable<Parameters<Api['getMe']>[0]>;

/**
 * @example
 * await api.getMe(apiSignal(AbortSignal.timeout(30_000)));
 */
export function apiSignal(signal: AbortSignal): ApiSignal {
  return signal as unknown as ApiSignal;
}
