/**
 * Reads the simulator's Server-Sent Events the way a browser's EventSource
 * would, so the fast tests see exactly what the page sees.
 */
export interface StreamEvent {
  event: string;
  data: string;
}

export interface EventStreamClient {
  /** Resolves with the first event (already received or still to come) that matches. */
  next(match: (event: StreamEvent) => boolean, timeoutMs?: number): Promise<StreamEvent>;
  /** every event and comment line seen so far, in order */
  readonly seen: (StreamEvent | { comment: string })[];
  /** resolves when the server ends the stream */
  readonly ended: Promise<void>;
  close(): void;
}

export async function openEventStream(url: string): Promise<EventStreamClient> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
  const seen: (StreamEvent | { comment: string })[] = [];
  const waiters = new Set<() => void>();
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  let buffer = '';

  const ended = (async () => {
    for (;;) {
      const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        seen.push(parseBlock(block));
        for (const wake of waiters) wake();
      }
    }
  })();

  return {
    seen,
    ended,
    close: () => abort.abort(),
    next(match, timeoutMs = 10_000) {
      const events = () => seen.filter((item): item is StreamEvent => 'event' in item);
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events().find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event in ${timeoutMs} ms; saw ${JSON.stringify(seen)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
}

function parseBlock(block: string): StreamEvent | { comment: string } {
  const lines = block.split('\n');
  if (lines.every((line) => line.startsWith(':'))) return { comment: lines.join('\n') };
  let event = 'message';
  const data: string[] = [];
  for (const line of lines) {
    if (line.startsWith('event: ')) event = line.slice(7);
    else if (line.startsWith('data: ')) data.push(line.slice(6));
  }
  return { event, data: data.join('\n') };
}
