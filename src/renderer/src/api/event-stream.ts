// Reads the browser-mode host's Server-Sent Events stream with fetch (src/renderer/api): EventSource cannot
// send the access token as a header. Reconnects with a growing delay when the stream drops (host restarted,
// laptop slept), and stops when the page goes away.
import type { WorkbenchEvent } from '@shared/api';

const MAX_DELAY_MS = 10_000;

export function readEventStream(
  path: string,
  headers: Record<string, string>,
  emit: (event: WorkbenchEvent) => void,
): void {
  let delay = 250;
  const connect = async (): Promise<void> => {
    try {
      const response = await fetch(path, { headers });
      if (!response.ok || response.body === null) throw new Error(`event stream answered ${response.status}`);
      delay = 250;
      await consume(response.body, emit);
    } catch {
      // The host is away or restarting: try again later.
    }
    setTimeout(() => void connect(), delay);
    delay = Math.min(MAX_DELAY_MS, delay * 2);
  };
  void connect();
}

async function consume(
  body: ReadableStream<Uint8Array>,
  emit: (event: WorkbenchEvent) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = block
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      if (data !== '') emit(JSON.parse(data) as WorkbenchEvent);
    }
  }
}
