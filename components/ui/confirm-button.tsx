"use client";

import { useId, useRef, type ReactNode } from "react";
import { buttonStyles } from "./button-styles";

type ConfirmButtonProps = {
  /** The button in the form; without JavaScript it submits at once. */
  children: ReactNode;
  className: string;
  disabled?: boolean;
  title: string;
  description: string;
  confirmLabel: string;
  keepLabel: string;
};

/** A submit button that asks first, in a modal dialog whose focus starts on the safe choice. */
export function ConfirmButton({
  children,
  className,
  disabled,
  title,
  description,
  confirmLabel,
  keepLabel,
}: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const close = () => dialog.current?.close();
  return (
    <>
      <button
        type="submit"
        disabled={disabled}
        className={className}
        onClick={(event) => {
          event.preventDefault();
          dialog.current?.showModal();
        }}
      >
        {children}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-description`}
        className="m-auto w-[calc(100%-2rem)] max-w-md rounded-panel border border-line bg-surface p-6 text-left text-ink shadow-xl backdrop:bg-scrim"
      >
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <p id={`${id}-description`} className="mt-2 text-sm text-muted">
          {description}
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button type="button" autoFocus onClick={close} className={buttonStyles.secondary}>
            {keepLabel}
          </button>
          <button type="submit" onClick={close} className={buttonStyles.danger}>
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
