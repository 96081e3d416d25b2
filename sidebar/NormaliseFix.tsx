import type { previewNormaliseValues } from '../src/main';
import { Button, ErrorNote, Note } from './components';
import { useAction } from './hooks';
import { callServer } from './server';

type Preview = Awaited<ReturnType<typeof previewNormaliseValues>>;

const preview = () => callServer('previewNormaliseValues');
const apply = (cells: Preview['cells']) =>
  callServer(
    'normaliseValues',
    cells.map((c) => ({ sheet: c.sheetName, cell: c.cell, from: c.from })),
  );

/** The one-click fix of non-canonical values: preview the cells, then rewrite exactly those. */
export function NormaliseFix({ onDone }: { onDone: () => void }) {
  const previewing = useAction(preview);
  const applying = useAction(apply);
  const cells = previewing.result?.cells;
  return (
    <div class="normalise" data-testid="normalise">
      {cells ? null : (
        <Button onClick={() => previewing.run()} busy={previewing.busy}>
          Normalise values…
        </Button>
      )}
      <ErrorNote error={previewing.error ?? applying.error} />
      {cells && cells.length === 0 ? (
        <Note tone="ok">Every value is already written canonically.</Note>
      ) : null}
      {cells && cells.length > 0 ? (
        <>
          <p>These cells will be rewritten; nothing else changes:</p>
          <ul class="normalise-list">
            {cells.map((c) => (
              <li key={`${c.sheetName}!${c.cell}`}>
                <span class="where">
                  {c.sheetName}!{c.cell}
                </span>{' '}
                “{c.from}” → {String(c.to)}
              </li>
            ))}
          </ul>
          <div class="row">
            <Button
              primary
              busy={applying.busy}
              onClick={async () => {
                if (await applying.run(cells)) {
                  previewing.setResult(null);
                  onDone();
                }
              }}
            >
              Rewrite {cells.length} cell{cells.length === 1 ? '' : 's'}
            </Button>
            <Button onClick={() => previewing.setResult(null)}>Cancel</Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
