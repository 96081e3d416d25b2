import { useEffect, useState } from 'preact/hooks';

import type { getAddonInfo } from '../src/main';
import { CheckPanel } from './CheckPanel';
import { plainError } from './hooks';
import { ReportPanel } from './ReportPanel';
import { SchedulePanel } from './SchedulePanel';
import { callServer } from './server';
import { SetupPanel } from './SetupPanel';

type Info = Awaited<ReturnType<typeof getAddonInfo>>;
const SECTIONS = [
  { id: 'setup', label: 'Set up' },
  { id: 'check', label: 'Check' },
  { id: 'report', label: 'Report' },
  { id: 'schedule', label: 'Schedule' },
] as const;
type SectionId = (typeof SECTIONS)[number]['id'];

export function App() {
  const [info, setInfo] = useState<Info | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [section, setSection] = useState<SectionId>('setup');
  useEffect(() => {
    callServer('getAddonInfo').then(
      (i) => {
        setInfo(i);
        if (SECTIONS.some((s) => s.id === i.section)) setSection(i.section as SectionId);
      },
      (e: unknown) => setError(plainError(e)),
    );
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
      {section === 'setup' ? <SetupPanel /> : null}
      {section === 'check' ? <CheckPanel /> : null}
      {section === 'report' ? <ReportPanel /> : null}
      {section === 'schedule' ? <SchedulePanel /> : null}
    </main>
  );
}
