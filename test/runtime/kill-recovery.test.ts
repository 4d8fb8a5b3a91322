/**
 * SIGKILL the desk again and again while residents talk to it on Telegram,
 * mid-turn and mid-dispatch, and restart it each time: no turn and no reply
 * is lost, a reply goes out twice only when a kill fell between Telegram
 * accepting it and the outbox marking it sent (the crash window), and a chat
 * the dead desk held waits about one outbox lease at most. Prints the figures
 * quoted in the README ("Reliability").
 */
import { describe, expect, it } from 'vitest';
import { OUTBOX_LEASE_MS } from '../../src/channels/outbox-lease.ts';
import { type KillFigures, type KillPlan, runKillScenario } from '../support/kill-scenario.ts';

const PLANS: KillPlan[] = [
  { provider: 'sqlite', desks: 1, chats: 6, kills: 4 },
  { provider: 'postgresql', desks: 1, chats: 6, kills: 3 },
  { provider: 'postgresql', desks: 2, chats: 6, kills: 3 },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function figures(f: KillFigures): string {
  const kinds = Object.entries(f.killed)
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
  return [
    `kill test | ${f.provider} | ${f.desks} desk${f.desks > 1 ? 's' : ''}`,
    `turns ${f.turns}`,
    `tickets ${f.tickets}/${f.chats}`,
    `confirmations ${f.confirmations}/${f.chats}`,
    `kills ${f.kills} (${kinds})`,
    `lost ${f.lostTurns + f.lostReplies}`,
    `doubled ${f.doubled} (all in a crash window; rows caught in one: ${f.crashWindow})`,
    `held chats ${f.heldChats}`,
    `worst held-chat wait ${seconds(f.worstHeldDelayMs)} after the restart/takeover, ${seconds(f.worstSinceKillMs)} after the kill (lease ${seconds(OUTBOX_LEASE_MS)})`,
    `${f.seconds.toFixed(0)} s`,
  ].join(' | ');
}

describe.each(PLANS)(
  'a desk SIGKILLed again and again on $provider with $desks process(es)',
  (plan) => {
    it('loses nothing, doubles only rows caught in the crash window, and frees held chats within the lease', async () => {
      const f = await runKillScenario(plan);
      console.log(figures(f));
      const context = JSON.stringify({ ...f, logs: f.logs.slice(-10) });
      const kills = Object.values(f.killed);
      expect(
        kills.reduce((a, b) => a + b),
        context,
      ).toBe(plan.kills);
      expect(Math.min(...kills), context).toBeGreaterThan(0);
      expect([f.lostTurns, f.lostReplies, f.unexplained], context).toEqual([0, 0, 0]);
      expect([f.tickets, f.confirmations], context).toEqual([plan.chats, plan.chats]);
      // A kill after Telegram accepted a message always sends it again; nothing else does.
      expect(f.doubled, context).toBeGreaterThanOrEqual(f.killed['after-send']);
      expect(f.doubledOutsideWindow, context).toBe(0);
      expect(f.doubled, context).toBeLessThanOrEqual(f.crashWindow);
      // The dispatcher sends to at most 4 chats at once: a kill catches at most 4 sends.
      expect(f.doubled, context).toBeLessThanOrEqual(plan.kills * 4);
      expect(f.heldChats, context).toBeGreaterThan(0);
      expect(f.worstHeldDelayMs, context).toBeLessThan(OUTBOX_LEASE_MS + 5000);
    }, 240_000);
  },
);
