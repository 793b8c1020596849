"use client";

import { useState } from "react";
import type { ActionState, FieldErrors } from "@/lib/server-action";

/**
 * The server's errors by field. A message belongs to the value it was about: `hide(field)` on an edit removes
 * that field's message until the next answer.
 */
export function useFieldErrors(state: ActionState) {
  const [edited, setEdited] = useState<{ state: ActionState; fields: Set<string> }>({ state, fields: new Set() });
  const editedFields = edited.state === state ? edited.fields : new Set<string>();
  const serverErrors = state.status === "invalid" ? state.fieldErrors : {};
  const errors: FieldErrors = Object.fromEntries(
    Object.entries(serverErrors).filter(([field]) => !editedFields.has(field)),
  );
  const hide = (field: string) => setEdited({ state, fields: new Set(editedFields).add(field) });
  return { errors, hide };
}
