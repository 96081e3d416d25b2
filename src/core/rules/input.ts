/** Rules about how values are written: understood, but not in the form other tools expect. */
import { normalisations } from '../normalise';
import { preview } from '../values';
import { rule } from './define';

export const nonCanonicalValue = rule({
  id: 'non-canonical-value',
  tabs: ['people', 'goals', 'budget', 'timeline', 'risks'],
  severity: 'warning',
  summary: 'Choice and scale cells are spelt as the dropdown spells them, and numbers are numbers, not text.',
  message: (p: { header: string; from: string; to: string | number; kind: 'word' | 'number' }) =>
    p.kind === 'word'
      ? `${p.header} holds "${preview(p.from)}": OpsPlan reads it as ${p.to}, but filters, pivot tables and the dropdown do not.`
      : `${p.header} holds ${preview(p.from)} as text: formulas and totals skip it until it is the number ${p.to}.`,
  fix: (p) =>
    `Click Normalise values under Check in the sidebar to rewrite such cells after a preview, or type ${p.to}.`,
  *find(ctx) {
    for (const n of normalisations(ctx.tables))
      yield {
        tab: n.tab,
        row: n.row,
        column: n.column,
        params: { header: n.header, from: n.from, to: n.to, kind: n.kind },
      };
  },
});

export const INPUT_RULES = [nonCanonicalValue] as const;
