import { useEffect, useState } from 'preact/hooks';

import type { SidebarArgsIn } from '../src/core/api-schemas';
import type { getMyItems } from '../src/main';
import { Button, ErrorNote, Note, Section } from './components';
import { useAction } from './hooks';
import { callServer } from './server';

type Items = Awaited<ReturnType<typeof getMyItems>>;
type Item = Items['items'][number];
type Field = Item['fields'][number];
/** What the owner typed, by item row and field. */
type Draft = Record<string, string>;

const load = (picked?: string) => callServer('getMyItems', picked ?? null);
const save = (request: SidebarArgsIn<'saveMyItems'>[0]) => callServer('saveMyItems', request);
const draftKey = (item: Item, field: Field) => `${item.tab}:${item.row}:${field.key}`;
const TAB_TITLE: Record<Item['tab'], string> = { goals: 'KPIs', timeline: 'Work', risks: 'Risks' };

/** The input's text for a stored value: percentages as 45, not 0.45. */
const shown = (field: Field) =>
  field.type === 'percent' && typeof field.value === 'number'
    ? String(Math.round(field.value * 1000) / 10)
    : String(field.value);

/** What goes to the server for a typed text: percentages as "45%", numbers as numbers. */
function typed(field: Field, text: string): string | number | null {
  const t = text.trim();
  if (t === '') return null;
  if (field.type === 'percent') return /%$/.test(t) ? t : `${t}%`;
  if (field.type === 'number' && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

export function ItemsPanel() {
  const loading = useAction(load);
  const saving = useAction(save);
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState<Draft>({});
  const data: Items | null = saving.result ?? loading.result;

  useEffect(() => {
    loading.run(picked);
  }, [picked]);

  if (!data)
    return (
      <Section title="My items">
        {loading.error ? <ErrorNote error={loading.error} /> : <p class="muted">Loading…</p>}
      </Section>
    );

  const changed = data.items.flatMap((item) =>
    item.fields.flatMap((field) => {
      const text = draft[draftKey(item, field)];
      return text === undefined || text === shown(field)
        ? []
        : [{ tab: item.tab, row: item.row, id: item.id, field: field.key, value: typed(field, text) }];
    }),
  );
  const submit = async () => {
    const result = await saving.run({ as: picked, changes: changed });
    if (result) setDraft({});
  };

  return (
    <Section
      title="My items"
      help="Your KPIs, work and risks. Update them here; statuses are recomputed as you save."
    >
      {data.foundBy === 'email' ? (
        <p class="muted small">Signed in as {data.name}.</p>
      ) : (
        <label class="field">
          Who are you?
          <select
            value={picked ?? ''}
            onChange={(e) => setPicked((e.currentTarget as HTMLSelectElement).value || undefined)}
          >
            <option value="">Pick your name…</option>
            {data.people.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      )}
      <ErrorNote error={loading.error ?? saving.error} />
      {saving.result && saving.result.refused.length ? (
        <Note tone="warn">
          {saving.result.refused.map((r) => (
            <span key={`${r.id}:${r.field}`}>
              {r.id}: {r.reason}{' '}
            </span>
          ))}
        </Note>
      ) : saving.result ? (
        <Note tone="ok">Saved {saving.result.written} cells.</Note>
      ) : null}
      {data.name && data.items.length === 0 ? <Note>Nothing is assigned to {data.name}.</Note> : null}
      {(['goals', 'timeline', 'risks'] as const).map((tab) => {
        const items = data.items.filter((i) => i.tab === tab);
        return items.length ? (
          <div key={tab} class="items" data-testid={`items-${tab}`}>
            <h3>{TAB_TITLE[tab]}</h3>
            {items.map((item) => (
              <fieldset key={item.row} class="item">
                <legend>
                  <span class="muted">{item.id}</span> {item.title}{' '}
                  <span
                    class="pill"
                    data-testid="item-status"
                    style={{ background: item.colour.background, color: item.colour.font }}
                  >
                    {item.status}
                  </span>
                </legend>
                {item.fields.map((field) => {
                  const key = draftKey(item, field);
                  const value = draft[key] ?? shown(field);
                  const set = (text: string) => setDraft({ ...draft, [key]: text });
                  return (
                    <label key={field.key} class="field">
                      {field.label}
                      {field.type === 'choice' ? (
                        <select
                          value={value}
                          onChange={(e) => set((e.currentTarget as HTMLSelectElement).value)}
                        >
                          <option value="" />
                          {(field.choices ?? []).map((c) => (
                            <option key={c} value={c}>
                              {c}
                            </option>
                          ))}
                        </select>
                      ) : field.type === 'date' ? (
                        <input
                          type="date"
                          value={value}
                          onInput={(e) => set(e.currentTarget.value)}
                          aria-label={`${item.id} ${field.label}`}
                        />
                      ) : (
                        <input
                          type="text"
                          inputMode="decimal"
                          value={value}
                          onInput={(e) => set(e.currentTarget.value)}
                          aria-label={`${item.id} ${field.label}`}
                        />
                      )}
                    </label>
                  );
                })}
              </fieldset>
            ))}
          </div>
        ) : null;
      })}
      {data.items.length ? (
        <div class="row">
          <Button primary onClick={submit} busy={saving.busy} disabled={changed.length === 0}>
            Save {changed.length ? `(${changed.length})` : ''}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
