/**
 * HtmlService templates (https://developers.google.com/apps-script/guides/html/templates):
 * `<? code ?>` runs, `<?= expr ?>` prints HTML-escaped, `<?!= expr ?>` prints as is; properties set
 * on the template are variables inside the scriptlets, which run in the script's own global scope.
 * Google escapes contextually; inside a <script> element the local runtime refuses `<?= ?>` rather
 * than escape it differently.
 */
import { type CallLog, NotImplementedError } from './calls.js';
import { AppsScriptException } from './errors.js';

/** Runs JavaScript source in the script's global scope and returns its value. */
export type ScriptEvaluator = (source: string) => unknown;

type Segment = { kind: 'text' | 'code' | 'print' | 'raw'; text: string };

function segments(template: string): Segment[] {
  const out: Segment[] = [];
  const pattern = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  for (const m of template.matchAll(pattern)) {
    if (m.index! > last) out.push({ kind: 'text', text: template.slice(last, m.index) });
    const kind = m[1] === '!=' ? 'raw' : m[1] === '=' ? 'print' : 'code';
    out.push({ kind, text: kind === 'code' ? m[2]! : m[2]!.trim().replace(/;+\s*$/, '') });
    last = m.index! + m[0].length;
  }
  if (last < template.length) out.push({ kind: 'text', text: template.slice(last) });
  return out;
}

export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The JavaScript a template compiles to (HtmlTemplate.getCode). */
export function compileTemplate(template: string): string {
  let inScript = false;
  const lines = segments(template).map((s) => {
    if (s.kind === 'text') {
      // Track whether later printing scriptlets sit inside a <script> element.
      for (const tag of s.text.matchAll(/<(\/?)script\b/gi)) inScript = tag[1] !== '/';
      return `__out.push(${JSON.stringify(s.text)});`;
    }
    if (s.kind === 'code') return s.text;
    if (s.kind === 'print' && inScript)
      throw new NotImplementedError('HtmlTemplate <?= ?> inside <script> (Google escapes it for JavaScript)');
    return `__out.push(${s.kind === 'print' ? '__escape' : 'String'}(${s.text}));`;
  });
  return lines.join('\n');
}

const METHODS = new Set(['evaluate', 'getCode', 'getCodeWithComments', 'getRawContent']);

export function createTemplate(
  content: string,
  log: CallLog,
  run: ScriptEvaluator,
  makeOutput: (html: string) => unknown,
): GoogleAppsScript.HTML.HtmlTemplate {
  const variables: Record<string, unknown> = {};
  const methods = {
    evaluate() {
      const code = compileTemplate(content);
      const render = run(
        `(function (__vars, __escape) { var __out = []; with (__vars) {\n${code}\n} return __out.join(''); })`,
      ) as (vars: object, escape: (v: unknown) => string) => string;
      return makeOutput(render(variables, escapeHtml));
    },
    getCode: () => compileTemplate(content),
    getCodeWithComments: () => compileTemplate(content),
    getRawContent: () => content,
  };
  return new Proxy(variables, {
    get(target, prop) {
      if (typeof prop === 'string' && METHODS.has(prop)) {
        const method = methods[prop as keyof typeof methods];
        return (...args: unknown[]) => {
          log.record(`HtmlTemplate.${prop}`);
          return (method as (...a: unknown[]) => unknown)(...args);
        };
      }
      return Reflect.get(target, prop);
    },
    set(target, prop, value) {
      if (typeof prop === 'string' && METHODS.has(prop))
        throw new AppsScriptException(`Cannot set ${prop} on an HtmlTemplate`);
      return Reflect.set(target, prop, value);
    },
  }) as unknown as GoogleAppsScript.HTML.HtmlTemplate;
}
