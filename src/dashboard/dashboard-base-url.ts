/**
 * The address /dasbor links point at: DASHBOARD_BASE_URL when set (the public
 * https address behind a proxy), else the server's own address, which only
 * works from where that address is reachable (this machine, or the LAN with
 * HOST=0.0.0.0 and the machine's name in DASHBOARD_BASE_URL).
 */
import type { Config } from '../config/env.ts';

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

export function dashboardBaseUrl(
  config: Pick<Config, 'DASHBOARD_BASE_URL' | 'HOST'>,
  port: number,
): string {
  if (config.DASHBOARD_BASE_URL) return config.DASHBOARD_BASE_URL;
  const host = ANY_ADDRESS.has(config.HOST) ? 'localhost' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
