/**
 * Debian's Chromium as the browser tests drive it through playwright-core:
 * headless, without the sandbox (CI runs as root) and without the background
 * traffic a fresh profile would start (updates, sync, QUIC probes).
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
