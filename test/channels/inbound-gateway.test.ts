import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InboundGateway } from '../../src/channels/inbound-gateway.ts';
import { t } from '../../src/i18n/translate.ts';
import { createLogger } from '../../src/log.ts';
import type { InboundMessageInput } from '../../src/runtime/messages.ts';
import { type DeskHarness, startDeskHarness } from '../support/desk-harness.ts';
import { PROVIDERS } from '../support/test-database.ts';

describe('inbound gateway', () => {
  let h: DeskHarness;
  let gateway: InboundGateway;
  const woken: string[] = [];
  let seq = 0;
  const message = (
    sender: string,
    extra: Partial<InboundMessageInput> = {},
  ): InboundMessageInput => {
    seq += 1;
    return {
      channel: 'test',
      conversationKey: sender,
      messageId: `m${seq}`,
      sender: { id: sender },
      receivedAt: h.clock.now,
      kind: 'text',
      text: 'halo',
      ...extra,
    };
  };

  beforeAll(async () => {
    h = await startDeskHarness('sqlite');
    gateway = new InboundGateway({
      runtime: h.runtime,
      prisma: h.db.prisma,
      attachments: h.attachments,
      logger: createLogger('silent'),
      onReplies: (channel) => woken.push(channel),
    });
  });
  afterAll(() => h.close());

  it('answers a resident and wakes the dispatcher for their channel', async () => {
    const outcome = await gateway.receive(message('warga-1'));
    expect(outcome.status).toBe('handled');
    expect(outcome.replies.map((r) => r.text)).toEqual([t('id', 'entry.askLanguage')]);
    expect(woken).toEqual(['test']);
  });

  it('does not run resident conversations in group chats', async () => {
    const before = await h.db.prisma.outbox.count();
    const outcome = await gateway.receive(message('group-1', { chatType: 'group' }));
    expect(outcome).toEqual({ status: 'ignored', replies: [] });
    expect(await h.db.prisma.outbox.count()).toBe(before);
    expect(await h.db.prisma.conversation.count({ where: { chatKey: 'group-1' } })).toBe(0);
  });

  it('keeps a file against the sender who already has a chat identity, and refuses before download', async () => {
    const stored = await gateway.storeFile('test', 'warga-1', {
      bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
      mimeType: 'image/jpeg',
    });
    if (!stored.ok) throw new Error('photo refused');
    const row = await h.db.prisma.attachment.findUniqueOrThrow({
      where: { id: stored.attachmentId },
    });
    const identity = await h.db.prisma.channelIdentity.findFirstOrThrow({
      where: { externalId: 'warga-1' },
    });
    expect(row.identityId).toBe(identity.id);
    expect(row.kind).toBe('photo');
    const stranger = await gateway.storeFile('test', 'first-message-is-a-photo', {
      bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]),
      mimeType: 'application/pdf',
    });
    expect(stranger.ok).toBe(true);

    expect(gateway.refusal('audio/ogg', 1000)).toBe('unsupportedType');
    expect(gateway.refusal('image/jpeg', 11 * 1024 * 1024)).toBe('tooLarge');
    expect(gateway.refusal('IMAGE/PNG', undefined)).toBeNull();
  });

  it.each([
    ['fileTooLarge', 'input.fileTooLarge'],
    ['fileType', 'input.fileType'],
    ['media', 'input.unsupported'],
  ] as const)('tells the resident what to do with an unreadable %s', async (reason, key) => {
    const sender = `unreadable-${reason}`;
    await gateway.receive(message(sender));
    const outcome = await gateway.receive(
      message(sender, { kind: 'unsupported', text: '', unsupported: reason }),
    );
    expect(outcome.replies[0]?.text).toBe(t('id', key));
  });
});

describe.each(PROVIDERS)("a staff member's plain message in a private chat, on %s", (provider) => {
  let h: DeskHarness;
  let staffId = '';

  beforeAll(async () => {
    h = await startDeskHarness(provider);
    const staff = await h.db.prisma.staff.create({
      data: { displayName: 'Operator uji', role: 'operator' },
    });
    staffId = staff.id;
    await h.db.prisma.channelIdentity.create({
      data: { channel: 'test', externalId: 'operator-1', staffId, locale: 'id' },
    });
  });
  afterAll(() => h.close());

  const text = (sender: string, messageId: string, body = 'halo'): InboundMessageInput => ({
    channel: 'test',
    conversationKey: sender,
    messageId,
    sender: { id: sender },
    receivedAt: h.clock.now,
    kind: 'text',
    text: body,
  });

  it('reaches the staff desk once, with no trace of a resident turn, and a revoked one the resident menu', async () => {
    // The resident turn asks whether staff wrote in its own first round trip and writes nothing when so.
    const first = await h.gateway.receive(text('operator-1', 'op-m1'));
    expect(first.status).toBe('handled');
    expect(first.replies.map((r) => r.text)).toEqual([t('id', 'staff.notCommand')]);
    expect(await h.db.prisma.conversation.count({ where: { chatKey: 'operator-1' } })).toBe(0);
    expect(
      await h.db.prisma.processedMessage.count({ where: { externalMessageId: 'op-m1' } }),
    ).toBe(1);
    // The platform delivers it again: the staff desk recorded it, so nobody answers twice.
    const again = await h.gateway.receive(text('operator-1', 'op-m1'));
    expect(again).toEqual({ status: 'duplicate', replies: [] });

    // A resident beside them is a resident.
    const resident = await h.gateway.receive(text('warga-op', 'op-m2'));
    expect(resident.replies.map((r) => r.text)).toEqual([t('id', 'entry.askLanguage')]);

    // Access revoked: a plain message is a resident's again.
    await h.db.prisma.staff.update({ where: { id: staffId }, data: { active: false } });
    const revoked = await h.gateway.receive(text('operator-1', 'op-m3'));
    expect(revoked.replies.map((r) => r.text)).toEqual([t('id', 'entry.askLanguage')]);
    expect(await h.db.prisma.conversation.count({ where: { chatKey: 'operator-1' } })).toBe(1);
  });
});
