/**
 * What the start log says about who can reach the desk's port. Whoever opens
 * the browser simulator can file tickets, create a petugas invite and work the
 * queue from its staff phone, so the operator must hear when other machines
 * can reach it, and how to change that.
 */
import type { Config } from '../config/env.ts';

export interface ExposureNotice {
  level: 'info' | 'warn';
  message: string;
}

/** 127.0.0.0/8, ::1 and localhost: addresses only this machine can connect to. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

/**
 * @example
 * exposureNotice({ simulator: true, HOST: '127.0.0.1', hostSet: false }, 8080)
 * // → { level: 'info', message: 'listening on 127.0.0.1 only because the simulator is on; …' }
 */
export function exposureNotice(
  config: Pick<Config, 'simulator' | 'HOST' | 'hostSet'>,
  port: number,
): ExposureNotice | null {
  if (!config.simulator) return null;
  if (!config.hostSet) {
    return {
      level: 'info',
      message: `listening on ${config.HOST} only because the simulator is on; set HOST=0.0.0.0 to expose it`,
    };
  }
  if (isLoopbackHost(config.HOST)) return null;
  return {
    level: 'warn',
    message: `the simulator is on and HOST=${config.HOST} exposes it: anyone who reaches port ${port} can file tickets, create petugas invites and work tickets from its staff phone; set SIMULATOR_ENABLED=false, or unset HOST to listen on 127.0.0.1 only`,
  };
}
