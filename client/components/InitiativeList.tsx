// The initiatives an organisation takes part in, with its role and the initiative's stage; each opens the
// initiative's innovation pathway as a timeline beside the graph (`&pathway=<id>`, PathwayTimeline.tsx).
import type { OrganisationDetails as Organisation } from '../api/types.ts';
import { formatDay } from './pathwayFormat.ts';

type Participation = Organisation['participations'][number];

const ROLE_LABELS: Record<Participation['role'], string> = {
  LEAD: 'leads',
  PARTNER: 'partner',
  FUNDER: 'funds',
};

/** The current URL with the pathway parameter set to `id` (the picture in the fragment is kept). */
export function pathwayHref(id: string, location: Location = window.location): string {
  const params = new URLSearchParams(location.search);
  params.set('pathway', id);
  return `?${params.toString()}${location.hash}`;
}

export function InitiativeList({ participations }: { participations: readonly Participation[] }) {
  if (participations.length === 0) return null;
  const sorted = [...participations].sort((a, b) => a.initiative.name.localeCompare(b.initiative.name));
  return (
    <section aria-label="Initiatives" data-testid="initiatives">
      <h3>Initiatives ({participations.length})</h3>
      <ul className="initiative-list">
        {sorted.map((p) => (
          <li key={p.initiative.id}>
            <a
              href={pathwayHref(p.initiative.id)}
              title="Show its pathway as a timeline"
              data-testid="initiative-link"
            >
              {p.initiative.name}
            </a>{' '}
            <span className="muted">
              · {ROLE_LABELS[p.role]} · {p.initiative.stage.toLowerCase()}
              {p.initiative.startDate ? ` since ${formatDay(p.initiative.startDate)}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
