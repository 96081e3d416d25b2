import { useEffect, useRef, useState } from 'preact/hooks';

const LABELS: Record<string, string> = { OK: 'OK', CANCEL: 'Cancel', YES: 'Yes', NO: 'No' };
/** The buttons of a ButtonSet, in the order Sheets shows them (the default one last). */
const SETS: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['CANCEL', 'OK'],
  YES_NO: ['NO', 'YES'],
  YES_NO_CANCEL: ['CANCEL', 'NO', 'YES'],
};

/**
 * A dialog as Sheets shows Ui.alert and Ui.prompt: title, message, an input for prompts, the
 * set's buttons, and × (Esc) which answers CLOSE.
 */
export function Dialog(props: {
  title: string;
  message: string;
  buttons: string;
  prompt?: boolean;
  onAnswer: (button: string, text: string) => void;
}) {
  const [text, setText] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const buttons = SETS[props.buttons] ?? SETS.OK!;
  useEffect(() => {
    box.current?.querySelector<HTMLElement>(props.prompt ? 'input' : 'button.primary')?.focus();
  }, []);
  return (
    <div class="modal">
      <div
        class="box dialog"
        role="alertdialog"
        aria-modal="true"
        aria-label={props.title || 'Dialog'}
        ref={box}
        onKeyDown={(e) => {
          if (e.key === 'Escape') props.onAnswer('CLOSE', text);
        }}
      >
        <header>
          <strong>{props.title}</strong>
          <button
            type="button"
            class="icon"
            aria-label="Close dialog"
            onClick={() => props.onAnswer('CLOSE', text)}
          >
            ×
          </button>
        </header>
        <div class="body">{props.message}</div>
        {props.prompt ? (
          <input
            class="answer"
            aria-label="Answer"
            value={text}
            onInput={(e) => setText((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') props.onAnswer(buttons.includes('OK') ? 'OK' : 'YES', text);
            }}
          />
        ) : null}
        <footer>
          {buttons.map((b, i) => (
            <button
              key={b}
              type="button"
              class={i === buttons.length - 1 ? 'btn primary' : 'btn'}
              onClick={() => props.onAnswer(b, text)}
            >
              {LABELS[b]}
            </button>
          ))}
        </footer>
      </div>
    </div>
  );
}
