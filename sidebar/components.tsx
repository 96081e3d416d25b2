import type { ComponentChildren } from 'preact';

export function Button(props: {
  onClick: () => void;
  busy?: boolean;
  disabled?: boolean;
  primary?: boolean;
  children: ComponentChildren;
  label?: string;
}) {
  return (
    <button
      type="button"
      class={props.primary ? 'btn primary' : 'btn'}
      onClick={props.onClick}
      disabled={props.busy || props.disabled}
      aria-busy={props.busy ? 'true' : 'false'}
      aria-label={props.label}
    >
      {props.busy ? <span class="spinner" aria-hidden="true" /> : null}
      {props.children}
    </button>
  );
}

export function ErrorNote({ error }: { error: string | null }) {
  return error ? (
    <p class="note error" role="alert">
      {error}
    </p>
  ) : null;
}

export function Note({
  children,
  tone = 'info',
}: {
  children: ComponentChildren;
  tone?: 'info' | 'ok' | 'warn';
}) {
  return <p class={`note ${tone}`}>{children}</p>;
}

export function Section({
  title,
  children,
  help,
}: {
  title: string;
  children: ComponentChildren;
  help?: string;
}) {
  return (
    <section class="section">
      <h2>{title}</h2>
      {help ? <p class="muted">{help}</p> : null}
      {children}
    </section>
  );
}
