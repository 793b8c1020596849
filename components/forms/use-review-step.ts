"use client";

import { useCallback, useRef, useState } from "react";
import type { ActionState } from "@/lib/server-action";

/** A stable ref callback, so React calls it once when the element appears, not on every render. */
const focusOnMount = (element: HTMLElement | null) => element?.focus();

/**
 * A "Review, then Confirm" step. It belongs to the answer it was opened after, so a new answer from the server
 * closes it; after an unconfirmed create it stays open, so sending the same request again is one press.
 */
export function useReviewStep(state: ActionState) {
  const [reviewedState, setReviewedState] = useState<ActionState | null>(null);
  const [triedReview, setTriedReview] = useState(false);
  const unconfirmed = state.status === "failed" && state.unconfirmed;
  const reviewing = reviewedState === state || (unconfirmed && reviewedState !== null);
  // Review and Edit swap one button for another: focus follows, so a keyboard user is not dropped on the page.
  const returnToReview = useRef(false);
  const reviewButtonRef = useCallback((button: HTMLButtonElement | null) => {
    if (button && returnToReview.current) button.focus();
    returnToReview.current = false;
  }, []);

  return {
    reviewing,
    /** Review was pressed at least once: show what blocks it. */
    triedReview,
    unconfirmed,
    /** Opens the step when the form is `ready`. */
    review: (ready: boolean) => {
      setTriedReview(true);
      if (ready) setReviewedState(state);
    },
    /** The Edit button: closes the step and gives focus back to Review. */
    edit: () => {
      returnToReview.current = true;
      setReviewedState(null);
    },
    closeReview: () => setReviewedState(null),
    reviewButtonRef,
    confirmButtonRef: focusOnMount,
  };
}
