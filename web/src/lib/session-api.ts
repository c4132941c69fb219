/**
 * The page's REST calls about sessions: share a capture file (POST /api/sessions?name=…) and
 * fetch a server session as pcapng. Errors come back as one line, from the server's `{ error }`.
 */
import type { SessionInfo } from '../../../core/protocol.ts';
import type { ShareResult } from '../../../core/share-protocol.ts';

/** The server's default --max-upload-mb, until its hello says what it takes. */
export const MAX_SHARE_BYTES = 64 * 1024 * 1024;

/** `status`: the HTTP status of a refusal (absent when the request never got an answer). */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: string; status?: number };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    if (typeof body.error === 'string') return body.error;
  } catch {
    // not JSON: fall through to the status line
  }
  return `HTTP ${res.status} ${res.statusText}`.trim();
}

/** `socket`: this page's socket.io id, so the server tells it how far the share got. */
export async function shareCapture(
  file: Blob,
  name: string,
  fetchFn: Fetch = fetch,
  socket?: string,
): Promise<ApiResult<SessionInfo & ShareResult>> {
  try {
    const query = new URLSearchParams({ name, ...(socket ? { socket } : {}) });
    const res = await fetchFn(`/api/sessions?${query.toString().replace(/\+/g, '%20')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: file,
    });
    if (res.status !== 201) return { ok: false, error: await errorOf(res), status: res.status };
    const value = (await res.json()) as SessionInfo & Partial<ShareResult>;
    return { ok: true, value: { ...value, evicted: value.evicted ?? [] } };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

export function pcapngUrl(sessionId: string): string {
  return `/api/sessions/${encodeURIComponent(sessionId)}/capture.pcapng`;
}

export async function fetchPcapng(
  sessionId: string,
  fetchFn: Fetch = fetch,
): Promise<ApiResult<Blob>> {
  try {
    const res = await fetchFn(pcapngUrl(sessionId));
    if (!res.ok) return { ok: false, error: await errorOf(res) };
    return { ok: true, value: await res.blob() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
