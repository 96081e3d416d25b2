import { useEffect, useState } from 'preact/hooks';

import type { getSchedule } from '../src/main';
import { Button, ErrorNote, Note, Section } from './components';
import { useAction } from './hooks';
import { callServer } from './server';

type Status = Awaited<ReturnType<typeof getSchedule>>;
type Schedule = Status['schedule'];

const WEEKDAYS: Schedule['weekday'][] = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
];
const title = (day: string) => day.charAt(0) + day.slice(1).toLowerCase();
const load = () => callServer('getSchedule');
const save = (s: Schedule & { recipients: string[] }) => callServer('saveScheduleSettings', s);
const approve = (addresses: string[]) => callServer('approveHeldRecipients', addresses);

export function SchedulePanel() {
  const loading = useAction(load);
  const saving = useAction(save);
  const approving = useAction(approve);
  const [draft, setDraft] = useState<Schedule | null>(null);
  const status: Status | null = approving.result ?? saving.result ?? loading.result;

  useEffect(() => {
    loading.run().then((s) => s && setDraft(s.schedule));
  }, []);

  if (!draft)
    return (
      <Section title="Schedule">
        {loading.error ? <ErrorNote error={loading.error} /> : <p class="muted">Loading…</p>}
      </Section>
    );
  const set = (patch: Partial<Schedule>) => setDraft({ ...draft, ...patch });

  return (
    <Section
      title="Schedule"
      help="Digests go to each owner with something to report. Times are in the spreadsheet’s time zone."
    >
      <fieldset class="modes">
        <legend class="sr-only">How often</legend>
        {(['off', 'daily', 'weekly'] as const).map((mode) => (
          <label key={mode} class="radio">
            <input
              type="radio"
              name="mode"
              value={mode}
              checked={draft.mode === mode}
              onChange={() => set({ mode })}
            />
            {mode === 'off' ? 'Off' : mode === 'daily' ? 'Daily' : 'Weekly'}
          </label>
        ))}
      </fieldset>
      {draft.mode !== 'off' ? (
        <div class="fields">
          {draft.mode === 'weekly' ? (
            <label>
              Day
              <select
                value={draft.weekday}
                onChange={(e) =>
                  set({ weekday: (e.target as HTMLSelectElement).value as Schedule['weekday'] })
                }
              >
                {WEEKDAYS.map((d) => (
                  <option key={d} value={d}>
                    {title(d)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <label>
            Hour
            <select
              value={String(draft.hour)}
              onChange={(e) => set({ hour: Number((e.target as HTMLSelectElement).value) })}
            >
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={String(h)}>
                  {`${h}:00–${h + 1}:00`}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={draft.reminders}
              onChange={(e) => set({ reminders: (e.target as HTMLInputElement).checked })}
            />
            Remind owners before due dates
          </label>
          <label class="check">
            <input
              type="checkbox"
              checked={draft.escalations}
              onChange={(e) => set({ escalations: (e.target as HTMLInputElement).checked })}
            />
            Escalate late work to the Accountable
          </label>
        </div>
      ) : null}
      <div class="row">
        <Button
          primary
          onClick={() =>
            saving.run({ ...draft, recipients: (status?.recipients ?? []).map((r) => r.address) })
          }
          busy={saving.busy}
        >
          Save schedule
        </Button>
      </div>
      {status && draft.mode !== 'off' ? <Recipients status={status} /> : null}
      {status?.held.length ? (
        <div class="confirm" data-testid="held-recipients">
          <p>
            The last run held mail to {status.held.length} address{status.held.length === 1 ? '' : 'es'}{' '}
            nobody approved:
          </p>
          <ul class="plain small">
            {status.held.map((h) => (
              <li key={h.address}>
                {h.address} {h.outside ? <span class="tag">outside</span> : null}{' '}
                <span class="muted">{h.source}</span>
              </li>
            ))}
          </ul>
          <Button
            primary
            busy={approving.busy}
            onClick={() => approving.run(status.held.map((h) => h.address))}
          >
            Approve
          </Button>
        </div>
      ) : null}
      <ErrorNote error={saving.error ?? loading.error ?? approving.error} />
      {status ? (
        <dl class="status" data-testid="schedule-status">
          <dt>Now</dt>
          <dd>{status.description}</dd>
          {status.runsAs ? (
            <>
              <dt>Runs as</dt>
              <dd>
                {status.runsAs}
                {status.canApprove ? null : (
                  <span class="muted" data-testid="owner-only">
                    {' '}
                    (only they see and approve its recipients; saving makes you the owner)
                  </span>
                )}
              </dd>
            </>
          ) : null}
          {status.nextRun ? (
            <>
              <dt>Next digest</dt>
              <dd>{status.nextRun}</dd>
            </>
          ) : null}
          {status.lastRun ? (
            <>
              <dt>Last run</dt>
              <dd>
                {status.lastRun.at}: {status.lastRun.summary}
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {saving.result ? <Note tone="ok">Schedule saved.</Note> : null}
    </Section>
  );
}

/** Who a saved schedule will mail: saving approves exactly this list. */
function Recipients({ status }: { status: Status }) {
  const outside = status.recipients.filter((r) => r.outside);
  return (
    <p class="muted small" data-testid="schedule-recipients">
      Saving approves these {status.recipients.length} recipient{status.recipients.length === 1 ? '' : 's'};
      scheduled runs send to nobody else.
      {outside.length ? ` Outside your domain: ${outside.map((r) => r.address).join(', ')}.` : ''}
    </p>
  );
}
