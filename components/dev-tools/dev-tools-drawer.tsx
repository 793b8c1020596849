"use client";

import dynamic from "next/dynamic";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { buttonStyles } from "@/components/ui/button-styles";
import { cn } from "@/components/ui/cn";

const DevToolsPanel = dynamic(() => import("./dev-tools-panel").then((module) => module.DevToolsPanel), {
  ssr: false,
  loading: () => <p className="rounded-panel border border-line bg-surface p-4 text-sm text-muted">Loading…</p>,
});

// At xl the open drawer docks beside the page, which makes room for it, so it never covers a table's last column.
const ROOM_BESIDE = "xl:pr-96";

export function DevToolsDrawer({ dashboardUrl }: { dashboardUrl: string }) {
  const [open, setOpen] = useState(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const headingId = useId();

  useEffect(() => {
    if (!open) return;
    document.body.classList.add(ROOM_BESIDE);
    return () => document.body.classList.remove(ROOM_BESIDE);
  }, [open]);

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.stopPropagation();
      close();
    }
  };

  return (
    <div
      data-testid="dev-tools"
      onKeyDown={onKeyDown}
      className="fixed right-2 bottom-2 left-2 z-40 flex flex-col items-end gap-2 sm:left-auto"
    >
      {open ? <DevToolsPanel id={panelId} headingId={headingId} dashboardUrl={dashboardUrl} onClose={close} /> : null}
      <button
        ref={toggleRef}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        className={cn(buttonStyles.secondary, "relative px-3 py-1.5 shadow-md")}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {open ? "Hide developer tools" : "Developer tools"}
      </button>
    </div>
  );
}
