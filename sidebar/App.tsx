import { useEffect, useState } from 'preact/hooks';

import type { getAddonInfo } from '../src/main';
import { CheckPanel } from './CheckPanel';
import { plainError } from './hooks';
import { ItemsPanel } from './ItemsPanel';
import { ReportPanel } from './ReportPanel';
import { SchedulePanel } from './SchedulePanel';
import { callServer, onHostRefresh } from './server';
import { SetupPanel } from './SetupPanel';

type Info = Awaited<ReturnType<typeof getAddonInfo>>;
const SECTIONS = [
  { id: 'setup', label: 'Set up' },
  { id: 'check', label: 'Check' },
  { id: 'items', label: 'My items' },
  { id: 'report', label: 'Report' },
  { id: 'schedule', label: 'Schedule' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

/** The section to open on: the one a menu item asked for, else Check once the plan is set up. */
function openingSection(info: Info): SectionId {
  const asked = SECTIONS.find((s) => s.id === info.section);
  return asked ? asked.id : info.planReady ? 'check' : 'setup';
}

export function App() {
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [section, setSection] = useState<SectionId | null>(null);
  /** Bumped when the host says the spreadsheet changed under the panels: they load afresh. */
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    callServer('getAddonInfo').then(
      (i) => {
        setInfo(i);
        setSection((current) => current ?? openingSection(i));
      },
      (e: unknown) => {
        setError(plainError(e));
        setSection((current) => current ?? 'setup');
      },
    );
    return onHostRefresh(() => setGeneration((g) => g + 1));
  }, []);
  return (
    <main>
      <header class="top">
        <div class="brand">OpsPlan</div>
        <div class="muted small">
          {info ? `${info.spreadsheetName} · ${info.timeZone}` : error ? '' : 'Loading…'}
        </div>
      </header>
      {error ? (
        <p class="note error" role="alert">
          {error}
        </p>
      ) : null}
      <nav class="tabs" role="tablist">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            aria-selected={section === s.id ? 'true' : 'false'}
            class={section === s.id ? 'tab active' : 'tab'}
            onClick={() => setSection(s.id)}
          >
            {s.label}
          </button>
        ))}
      </nav>
      <div key={generation}>
        {section === 'setup' ? <SetupPanel /> : null}
        {section === 'check' ? <CheckPanel /> : null}
        {section === 'items' ? <ItemsPanel /> : null}
        {section === 'report' ? <ReportPanel /> : null}
        {section === 'schedule' ? <SchedulePanel /> : null}
      </div>
    </main>
  );
}
