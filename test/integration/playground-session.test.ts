import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { PlaygroundSession } from '../../local/playground/session.js';

describe('playground session', () => {
  it('opens on the example plan, keeps changes across restarts, and resets', () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'opsplan-session-')), 'state.json');
    const first = new PlaygroundSession({ stateFile, now: '2026-11-24T15:00:00Z' });
    expect(first.state().sheets.map((s) => s.name)).toContain('Goals');
    expect(first.state().sidebarOpen).toBe(true);
    first.apply({ kind: 'edit', sheet: 'Goals', row: 3, column: 10, value: '99' });
    first.apply({ kind: 'run', fn: 'sendStatusEmailsNow', args: [] });
    const sent = first.state().outbox.length;
    expect(sent).toBeGreaterThan(0);

    const restarted = new PlaygroundSession({ stateFile, now: '2030-01-01T00:00:00Z' });
    const goals = restarted.state('Goals').active!;
    expect(goals.cells[2]![9]!.v).toBe('99');
    expect(restarted.state().outbox.length).toBe(sent);
    expect(restarted.state().nowIso).toBe(first.state().nowIso); // the clock is part of the state

    restarted.reset();
    expect(restarted.state().outbox.length).toBe(0);
    expect(restarted.state('Goals').active!.cells[2]![9]!.v).toBe('90.2');
  });

  it('reports a failing call as an error, like google.script.run', () => {
    const session = new PlaygroundSession({ now: '2026-11-24T15:00:00Z' });
    const result = session.apply({ kind: 'run', fn: 'noSuchFunction', args: [] });
    expect(result.ok).toBe(false);
    expect(result.error!.message).toBe('Script function not found: noSuchFunction');
    const dated = session.apply({ kind: 'run', fn: 'goToCell', args: ['Goals', 'A1'] });
    expect(dated.ok).toBe(true);
  });
});
