import { useMemo } from 'preact/hooks';

import type { checkPlanNow } from '../src/main';
import { Button, ErrorNote, Note, Section } from './components';
import { useAction } from './hooks';
import { NormaliseFix } from './NormaliseFix';
import { callServer } from './server';

type CheckResult = Awaited<ReturnType<typeof checkPlanNow>>;
type Finding = CheckResult['findings'][number];

const check = () => callServer('checkPlanNow');
const listRules = () => callServer('listCheckRules');
const refresh = () => callServer('refreshKpiStatus');
const ICON: Record<Finding['severity'], string> = { error: '✖', warning: '▲', info: 'ℹ' };

export function CheckPanel() {
  const checking = useAction(check);
  const refreshing = useAction(refresh);
  const jumping = useAction((tab: string, cell: string) => callServer('goToCell', tab, cell));
  const rules = useAction(listRules);
  const result = checking.result;
  const groups = useMemo(() => {
    const byTab = new Map<string, Finding[]>();
    for (const f of result?.findings ?? []) byTab.set(f.tab, [...(byTab.get(f.tab) ?? []), f]);
    return [...byTab.entries()];
  }, [result]);

  return (
    <Section
      title="Check"
      help="Finds every problem in the plan, by cell, with the fix. Checking changes nothing."
    >
      <div class="row">
        <Button primary onClick={() => checking.run()} busy={checking.busy}>
          {result ? 'Re-check' : 'Check plan'}
        </Button>
        <Button onClick={async () => (await refreshing.run()) && checking.run()} busy={refreshing.busy}>
          Refresh KPI status
        </Button>
      </div>
      <ErrorNote error={checking.error ?? refreshing.error ?? jumping.error} />
      {result ? (
        <div data-testid="findings">
          <p class="counts">
            <span class="count error">{result.counts.error} errors</span>
            <span class="count warning">{result.counts.warning} warnings</span>
            <span class="count info">{result.counts.info} notes</span>
          </p>
          {result.findings.length === 0 ? <Note tone="ok">No problems found.</Note> : null}
          {result.findings.some((f) => f.rule === 'non-canonical-value') ? (
            <NormaliseFix onDone={() => checking.run()} />
          ) : null}
          {groups.map(([tab, findings]) => (
            <details key={tab} open>
              <summary>
                {tab} <span class="muted">({findings.length})</span>
              </summary>
              <ul class="findings">
                {findings.map((f, i) => (
                  <li key={i}>
                    <button
                      type="button"
                      class={`finding ${f.severity}`}
                      onClick={() => jumping.run(f.tab, f.cell)}
                      title={f.cell ? `Go to ${f.tab}!${f.cell}` : `Go to ${f.tab}`}
                    >
                      <span class="icon" aria-label={f.severity}>
                        {ICON[f.severity]}
                      </span>
                      <span class="where">{f.cell || 'tab'}</span>
                      <span class="what">
                        {f.message}
                        <span class="fix">{f.fix}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          ))}
        </div>
      ) : null}
      <details
        class="rules"
        onToggle={(e) => (e.currentTarget as HTMLDetailsElement).open && !rules.result && rules.run()}
      >
        <summary>What Check looks for</summary>
        <ErrorNote error={rules.error} />
        {rules.result ? (
          <ul class="rule-list" data-testid="rule-list">
            {rules.result.map((r) => (
              <li key={r.id}>
                <span class={`count ${r.severity === 'varies' ? 'warning' : r.severity}`}>{r.severity}</span>{' '}
                {r.summary} <code class="muted">{r.id}</code>
              </li>
            ))}
          </ul>
        ) : null}
      </details>
    </Section>
  );
}
