import { useEffect, useState } from 'preact/hooks';
import { callServer } from './server';

type Info = Awaited<ReturnType<typeof import('../src/main').getAddonInfo>>;

export function App() {
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    callServer('getAddonInfo').then(setInfo, (e: Error) => setError(e.message));
  }, []);
  return (
    <main>
      <h1>OpsPlan</h1>
      {error && <p class="error" role="alert">{error}</p>}
      {info ? <p class="muted">{info.spreadsheetName} · {info.timeZone}</p> : !error && <p class="muted">Loading…</p>}
    </main>
  );
}
