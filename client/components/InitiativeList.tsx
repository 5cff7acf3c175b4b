// The initiatives an organisation takes part in, with its role and the initiative's stage; each opens the
// initiative's innovation pathway as a timeline beside the graph (`&pathway=<id>`, PathwayTimeline.tsx).
import type { OrganisationDetails as Organisation } from '../api/types.ts';
import { initiativeDates } from './pathwayFormat.ts';
import { viewLinkProps } from './viewLink.ts';

type Participation = Organisation['participations'][number];

/** The newest initiatives the list shows; the query asks for one more, which tells that there are more. */
export const INITIATIVES_SHOWN = 100;

const ROLE_LABELS: Record<Participation['role'], string> = {
  LEAD: 'leads',
  PARTNER: 'partner',
  FUNDER: 'funds',
};

export interface PathwayLinks {
  /** The address of the view with this initiative's pathway shown. */
  href: (initiativeId: string) => string;
  /** Shows it (a plain click on the link). */
  onOpen: (initiativeId: string) => void;
}

export function InitiativeList({
  participations,
  pathway,
}: {
  participations: readonly Participation[];
  pathway: PathwayLinks;
}) {
  if (participations.length === 0) return null;
  // The server gives the newest first: beyond INITIATIVES_SHOWN, the newest are shown and the header says so.
  const more = participations.length > INITIATIVES_SHOWN;
  const sorted = participations
    .slice(0, INITIATIVES_SHOWN)
    .sort((a, b) => a.initiative.name.localeCompare(b.initiative.name));
  return (
    <section aria-label="Initiatives" data-testid="initiatives">
      <h3>
        Initiatives (
        {more ? `the newest ${INITIATIVES_SHOWN} of more than ${INITIATIVES_SHOWN}` : participations.length})
      </h3>
      <ul className="initiative-list">
        {sorted.map((p) => (
          <li key={p.initiative.id}>
            <a
              {...viewLinkProps(pathway.href(p.initiative.id), () => pathway.onOpen(p.initiative.id))}
              title="Show its pathway as a timeline"
              data-testid="initiative-link"
            >
              {p.initiative.name}
            </a>{' '}
            <span className="muted">
              · {ROLE_LABELS[p.role]} · {p.initiative.stage.toLowerCase()}
              {initiativeDates(p.initiative.startDate, p.initiative.endDate ?? null)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
