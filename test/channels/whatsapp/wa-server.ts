/**
 * A stand-in for WhatsApp's server, for tests that run Baileys' real socket
 * (makeWASocket) instead of a fake. It accepts the WebSocket, reads every
 * stanza Baileys sends (receipts, re-sent messages), and delivers stanzas to
 * Baileys' own handlers.
 *
 * It cannot finish the Noise handshake (WhatsApp's certificate is signed with
 * a key only WhatsApp holds), so the connection stays in its "connecting"
 * phase, which is where WhatsApp delivers what arrived while the desk was
 * offline. Stanzas are therefore handed to the socket's frame dispatch
 * (`ws.emit('CB:…')`, as Baileys' onMessageReceived does after decrypting a
 * frame) instead of being written to the wire. Before the handshake Baileys
 * writes its frames unencrypted, so what it sends is read off the wire.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import {
  type BinaryNode,
  decodeBinaryNode,
  makeWASocket,
  type WASocket,
} from '@whiskeysockets/baileys';
import type { MakeSocket } from '../../../src/channels/whatsapp/connection.ts';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** Baileys' first frame starts with "WA", a version byte and the dictionary version. */
const NOISE_INTRO_LENGTH = 4;

export interface WaServer {
  /** pass as makeWASocket's waWebSocketUrl */
  url: string;
  /** every stanza Baileys sent, decoded, in order */
  received: BinaryNode[];
  /** how many clients hold a connection open now */
  readonly connections: number;
  close(): Promise<void>;
}

export async function startWaServer(): Promise<WaServer> {
  const clients = new Set<Socket>();
  const received: BinaryNode[] = [];
  const server = createServer((_request, response) => response.writeHead(426).end());
  server.on('upgrade', (request, socket: Socket) => {
    const accept = createHash('sha1')
      .update(`${request.headers['sec-websocket-key']}${WEBSOCKET_GUID}`)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => clients.delete(socket));
    readFrames(socket, (payload) => {
      void readNoiseFrames(payload, received);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws/chat`,
    received,
    get connections() {
      return clients.size;
    },
    async close() {
      for (const client of clients) client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Hands `node` to the socket as if WhatsApp had sent it: the same events
 * Baileys' onMessageReceived emits for a decrypted frame, except the raw
 * 'frame' event, which the unfinished handshake would read as the server hello.
 */
export function deliverStanza(socket: Pick<WASocket, 'ws'>, node: BinaryNode): void {
  const { ws } = socket;
  ws.emit(`TAG:${node.attrs.id}`, node);
  const first = Array.isArray(node.content) ? (node.content[0]?.tag ?? '') : '';
  for (const [key, value] of Object.entries(node.attrs)) {
    ws.emit(`CB:${node.tag},${key}:${value},${first}`, node);
    ws.emit(`CB:${node.tag},${key}:${value}`, node);
    ws.emit(`CB:${node.tag},${key}`, node);
  }
  ws.emit(`CB:${node.tag},,${first}`, node);
  ws.emit(`CB:${node.tag}`, node);
}

/** Client-to-server WebSocket frames (always masked); answers a close with a close. */
function readFrames(socket: Socket, onMessage: (payload: Buffer) => void): void {
  let buffered = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffered = Buffer.concat([buffered, chunk]);
    for (;;) {
      if (buffered.length < 2) return;
      const opcode = (buffered[0] ?? 0) & 0x0f;
      let length = (buffered[1] ?? 0) & 0x7f;
      let offset = 2;
      if (length === 126) {
        if (buffered.length < 4) return;
        length = buffered.readUInt16BE(2);
        offset = 4;
      } else if (length === 127) {
        if (buffered.length < 10) return;
        length = Number(buffered.readBigUInt64BE(2));
        offset = 10;
      }
      if (buffered.length < offset + 4 + length) return;
      const mask = buffered.subarray(offset, offset + 4);
      const payload = Buffer.from(buffered.subarray(offset + 4, offset + 4 + length));
      for (let i = 0; i < payload.length; i += 1)
        payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
      buffered = buffered.subarray(offset + 4 + length);
      if (opcode === 0x8) {
        socket.end(Buffer.from([0x88, 0x00]));
        return;
      }
      if (opcode === 0x2) onMessage(payload);
    }
  });
}

/**
 * Noise frames before the handshake: a 3-byte length, then the bytes. The
 * first message of a connection starts with the intro ("WA", version bytes)
 * and the client hello, which is a protobuf, not a stanza.
 */
async function readNoiseFrames(payload: Buffer, received: BinaryNode[]): Promise<void> {
  const intro = payload[0] === 0x57 && payload[1] === 0x41;
  let rest = intro ? payload.subarray(NOISE_INTRO_LENGTH) : payload;
  let skip = intro ? 1 : 0;
  while (rest.length >= 3) {
    const length = ((rest[0] ?? 0) << 16) | ((rest[1] ?? 0) << 8) | (rest[2] ?? 0);
    const frame = rest.subarray(3, 3 + length);
    rest = rest.subarray(3 + length);
    if (skip > 0) {
      skip -= 1;
      continue;
    }
    received.push(await decodeBinaryNode(frame));
  }
}

/** makeWASocket itself, pointed at the stand-in server: the channel runs on Baileys' real socket. */
export function baileysSockets(server: WaServer, options: { qrTimeoutMs?: number } = {}) {
  const sockets: WASocket[] = [];
  /** per socket: made without `me`, so Baileys registers a new device instead of logging in */
  const registering: boolean[] = [];
  const make: MakeSocket = (config) => {
    registering.push(!config.auth?.creds.me);
    const socket = makeWASocket({
      ...config,
      waWebSocketUrl: server.url,
      // The handshake never finishes here; Baileys must not give up on it while a test runs.
      connectTimeoutMs: 60_000,
      ...(options.qrTimeoutMs ? { qrTimeout: options.qrTimeoutMs } : {}),
    });
    sockets.push(socket);
    return socket;
  };
  return {
    make,
    sockets,
    registering,
    get last(): WASocket {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was made');
      return socket;
    },
  };
}
