/**
 * A confirmation as a native modal <dialog>: focus moves into it, Tab stays inside, Escape cancels, and focus
 * returns to the button that opened it.
 */
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
  busy?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    } else if (!open && dialog.open) {
      dialog.close();
      (opener.current as HTMLElement | null)?.focus?.();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id="confirm-dialog-title">{title}</h2>
      {children}
      <div className="actions">
        <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
