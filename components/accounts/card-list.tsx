import { loadPageData } from "@/components/load-page-data";
import { EmptyState } from "@/components/ui/empty-state";
import { Panel } from "@/components/ui/panel";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { getCardsIfAllowed } from "@/lib/astra/cards";
import type { FormAction } from "@/lib/server-action";
import { RemoveCardButton } from "./remove-card-button";

/** The signed-in user's linked debit cards, each with a remove button, or an empty or error state. */
export async function CardList({ path, removeAction }: { path: string; removeAction: FormAction }) {
  const loaded = await loadPageData(getCardsIfAllowed, { path });
  if (!loaded.ok) return loaded.panel;
  if (loaded.data.length === 0) {
    return (
      <EmptyState compact>
        No debit cards linked.{" "}
        <TextLink href="/accounts/link-card" prefetch={false} inline>
          Link a debit card
        </TextLink>{" "}
        to move money to or from it.
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2" aria-label="Debit cards">
      {loaded.data.map((card) => (
        <li key={card.id}>
          <Panel as="article" aria-label={card.label} className="flex items-center justify-between gap-3 p-4">
            <div>
              <h3 className="font-medium">{card.label}</h3>
              {card.usable ? null : <p className="text-xs text-warning">Astra lists this card as {card.status}.</p>}
            </div>
            <RemoveCardButton cardId={card.id} label={card.label} action={removeAction} />
          </Panel>
        </li>
      ))}
    </ul>
  );
}

/** The card grid while Astra answers: two cards, each a label and a remove button. */
export function CardListSkeleton() {
  return (
    <div className="grid gap-3 sm:grid-cols-2" role="status" aria-label="Loading cards">
      {[0, 1].map((key) => (
        <Panel key={key} className="flex items-center justify-between gap-3 p-4">
          <Skeleton className="h-5 w-44" />
          <Skeleton className="h-4 w-14" />
        </Panel>
      ))}
    </div>
  );
}
