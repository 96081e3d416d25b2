import { useState } from 'preact/hooks';

import { Button, ErrorNote, Note, Section } from './components';
import { useAction } from './hooks';
import { callServer } from './server';

const generate = () => callServer('generateReportNow');
const buildGantt = () => callServer('buildGanttNow');
const preview = () => callServer('previewStatusEmails');
const send = (recipients: string[]) => callServer('sendStatusEmailsNow', recipients);

export function ReportPanel() {
  const generating = useAction(generate);
  const building = useAction(buildGantt);
  const previewing = useAction(preview);
  const sending = useAction(send);
  const [open, setOpen] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const mails = previewing.result?.messages;
  const summary = previewing.result;

  return (
    <Section title="Report" help="Writes the Report tab, and emails each owner their own status.">
      <div class="row">
        <Button primary onClick={() => generating.run()} busy={generating.busy}>
          Generate report
        </Button>
        <Button onClick={() => building.run()} busy={building.busy}>
          Build Gantt view
        </Button>
        <Button onClick={() => previewing.run()} busy={previewing.busy}>
          Preview emails
        </Button>
      </div>
      <ErrorNote error={generating.error ?? building.error ?? previewing.error ?? sending.error} />
      {building.result ? (
        <Note tone={building.result.sheet ? 'ok' : 'warn'}>
          {building.result.sheet
            ? `Gantt view built on "${building.result.sheet}": ${building.result.rows} rows over ${building.result.weeks} weeks.`
            : 'No Gantt view built.'}
          {building.result.notices.map((notice) => (
            <div key={notice}>{notice}</div>
          ))}
        </Note>
      ) : null}
      {generating.result?.continuing ? (
        <Note tone="warn">{generating.result.continuing}</Note>
      ) : generating.result ? (
        <Note tone="ok">
          Report generated {generating.result.generatedAt}: {generating.result.kpis} KPIs,{' '}
          {generating.result.challenges} pressing challenge{generating.result.challenges === 1 ? '' : 's'}.
          {generating.result.notices.map((notice) => (
            <div key={notice}>{notice}</div>
          ))}
        </Note>
      ) : null}
      {mails ? (
        <div data-testid="mail-preview">
          {mails.length === 0 ? <Note>Nobody has anything to report right now.</Note> : null}
          <ul class="plain mails">
            {mails.map((m, i) => (
              <li key={i}>
                <button
                  type="button"
                  class="link"
                  onClick={() => setOpen(open === i ? null : i)}
                  aria-expanded={open === i ? 'true' : 'false'}
                >
                  {m.to}
                </button>
                <div class="muted small">{m.subject}</div>
                {open === i ? (
                  <iframe class="mail" title={`Email to ${m.to}`} sandbox="" srcdoc={m.html} />
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {confirming && summary ? (
        <div class="confirm" data-testid="send-confirm">
          <p>
            Send {summary.messages.length} message{summary.messages.length === 1 ? '' : 's'} to{' '}
            {summary.recipients.length} recipient{summary.recipients.length === 1 ? '' : 's'}, one each?
            Nothing already sent this period goes again.
          </p>
          {summary.outside.length ? (
            <p>
              Outside your domain: <strong>{summary.outside.join(', ')}</strong>
            </p>
          ) : null}
          {summary.skipped.length ? (
            <p class="muted">Skipped: {summary.skipped.map((s) => `${s.who} ${s.why}`).join('; ')}</p>
          ) : null}
          <div class="row">
            <Button
              primary
              busy={sending.busy}
              disabled={summary.messages.length === 0}
              onClick={async () => {
                await sending.run(summary.recipients);
                setConfirming(false);
              }}
            >
              Send
            </Button>
            <Button onClick={() => setConfirming(false)}>Cancel</Button>
          </div>
        </div>
      ) : (
        <div class="row">
          <Button
            busy={previewing.busy && !mails}
            onClick={async () => {
              await previewing.run();
              setConfirming(true);
            }}
          >
            Send status emails now
          </Button>
        </div>
      )}
      {sending.result ? (
        <Note tone={sending.result.failed.length ? 'warn' : 'ok'}>{sending.result.message}</Note>
      ) : null}
    </Section>
  );
}
