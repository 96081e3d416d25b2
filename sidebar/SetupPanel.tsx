import { Button, ErrorNote, Note, Section } from './components';
import { useAction } from './hooks';
import { callServer } from './server';

const preview = () => callServer('previewSetUp');
const setUp = () => callServer('setUpPlan');
const example = () => callServer('insertExamplePlan');

export function SetupPanel() {
  const previewing = useAction(preview);
  const applying = useAction(setUp);
  const inserting = useAction(example);
  const plan = previewing.result;

  const apply = async () => {
    if (await applying.run()) previewing.setResult(null);
  };

  return (
    <Section
      title="Set up"
      help="Creates the plan tabs, or adopts the ones you have. Nothing you entered is changed."
    >
      <div class="row">
        <Button primary onClick={() => previewing.run()} busy={previewing.busy}>
          Preview set up
        </Button>
        <Button onClick={() => inserting.run()} busy={inserting.busy}>
          Insert example plan
        </Button>
      </div>
      <ErrorNote error={previewing.error ?? applying.error ?? inserting.error} />
      {plan && plan.changes === 0 ? <Note tone="ok">Your plan tabs are set up: nothing to add.</Note> : null}
      {plan && plan.changes > 0 ? (
        <div class="preview" data-testid="setup-preview">
          <ul class="plain">
            {plan.tabs
              .filter((t) => t.action !== 'ready')
              .map((t) => (
                <li key={t.tab}>
                  <strong>{t.sheet === t.tab ? t.tab : `${t.sheet} → ${t.tab}`}</strong>{' '}
                  {t.action === 'create' ? (
                    <span class="muted">new tab</span>
                  ) : (
                    <span class="muted">
                      {[
                        t.addColumns.length ? `add ${t.addColumns.join(', ')}` : '',
                        t.addSettings.length ? `add ${t.addSettings.length} settings` : '',
                        t.recognised.length
                          ? `use ${t.recognised.map((r) => `“${r.header}” as ${r.as}`).join(', ')}`
                          : '',
                        t.kept.length ? `keep ${t.kept.map((k) => `“${k}”`).join(', ')}` : '',
                        t.dataRows ? `${t.dataRows} rows kept` : '',
                      ]
                        .filter(Boolean)
                        .join('; ') || 'add notes and formatting'}
                    </span>
                  )}
                </li>
              ))}
          </ul>
          <div class="row">
            <Button primary onClick={apply} busy={applying.busy}>
              Set up {plan.changes} tab{plan.changes === 1 ? '' : 's'}
            </Button>
            <Button onClick={() => previewing.setResult(null)}>Cancel</Button>
          </div>
        </div>
      ) : null}
      {applying.result ? (
        <Note tone="ok">
          Done: {applying.result.created.length} created, {applying.result.adopted.length} adopted.
        </Note>
      ) : null}
      {inserting.result ? (
        <Note tone={inserting.result.filled.length ? 'ok' : 'warn'}>
          {inserting.result.filled.length
            ? `Example inserted into ${inserting.result.filled.join(', ')}.`
            : 'Your plan tabs already hold data, so the example was not inserted.'}
          {inserting.result.skipped.length && inserting.result.filled.length
            ? ` Kept your data in ${inserting.result.skipped.join(', ')}.`
            : ''}
        </Note>
      ) : null}
    </Section>
  );
}
