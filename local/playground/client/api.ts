import type { OperationResult, PlaygroundState } from '../protocol';

export async function getState(sheet?: string): Promise<PlaygroundState> {
  const r = await fetch(`/api/state${sheet ? `?sheet=${encodeURIComponent(sheet)}` : ''}`);
  return r.json();
}

export async function post(path: string, body: unknown = {}): Promise<OperationResult> {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return r.json();
}
