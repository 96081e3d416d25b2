import { useCallback, useState } from 'preact/hooks';

/** A server action with busy and error state: one place for "Working…" and plain-word errors. */
export function useAction<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const run = useCallback(
    async (...args: A): Promise<R | null> => {
      setBusy(true);
      setError(null);
      try {
        const value = await action(...args);
        setResult(value);
        return value;
      } catch (e) {
        setError(plainError(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, result, setResult };
}

/** Server errors in plain words: no "Exception:" prefixes or stack traces. */
export function plainError(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.replace(/^(Exception|Error|ScriptError):\s*/i, '') || 'Something went wrong. Try again.';
}
