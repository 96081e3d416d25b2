/**
 * One typed promise wrapper over google.script.run. Its names and argument types come from the
 * schemas the server parses with (src/core/api-schemas.ts), its result types from src/main.ts: the
 * sidebar cannot call a function that is not in the API, nor with arguments the server refuses.
 */
import type { SidebarArgsIn, SidebarFunction } from '../src/core/api-schemas';
import type * as Server from '../src/main';

type ServerApi = typeof Server;

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [name: string]: unknown;
}

declare global {
  interface Window {
    google?: { script: { run: ScriptRunner; host: { close(): void } } };
  }
}

export function callServer<K extends SidebarFunction>(
  name: K,
  ...args: SidebarArgsIn<K>
): Promise<Awaited<ReturnType<ServerApi[K]>>> {
  return new Promise((resolve, reject) => {
    const google = window.google;
    if (!google) {
      reject(new Error('This page runs inside Google Sheets (or the OpsPlan playground) only.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as Awaited<ReturnType<ServerApi[K]>>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = runner[name] as (...a: unknown[]) => void;
    fn.apply(runner, args);
  });
}

export function closeSidebar(): void {
  window.google?.script.host.close();
}

/**
 * The local playground tells its sidebar when the spreadsheet changed under it (its clock moved,
 * it was reset), so open panels reload. Only messages from the frame's own parent on the same
 * origin count; in Sheets none arrive.
 */
export function onHostRefresh(refresh: () => void): () => void {
  const listener = (e: MessageEvent) => {
    if (
      e.source === window.parent &&
      e.origin === window.location.origin &&
      e.data?.type === 'opsplan:refresh'
    )
      refresh();
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}
