// An initiative's innovation pathway as a timeline: its stages (IDEA → PILOT → SCALING → ADOPTED or
// ENDED) left to right with their dates, who funded and partnered in each stage, and the governments that
// adopted it. Self-contained (its own query and styles): the explorer shows it beside the graph for the
// `?pathway=<initiative id>` URL parameter (ViewState.pathway). Below 600px wide the stages stack top to
// bottom.
import { useEffect, useMemo, useRef } from 'react';
import { AtlasRequestError } from '../api/graphqlRequest.ts';
import { PATHWAY } from '../api/queries.ts';
import type { PathwayNode, Sector } from '../api/types.ts';
import { useElementSize } from '../state/useElementSize.ts';
import { useGraphQL } from '../state/useGraphQL.ts';
import { ErrorDetails } from './ErrorDetails.tsx';
import { formatDateRange } from './format.ts';
import { formatDay, formatDuration } from './pathwayFormat.ts';
import { SectorSwatch } from './Swatches.tsx';
import { viewLinkProps } from './viewLink.ts';
import './PathwayTimeline.css';

/** The server's answer to an id no initiative has: filter.initiatives is refused (NOT_FOUND). */
function unknownInitiative(error: unknown): boolean {
  if (!(error instanceof AtlasRequestError) || error.code !== 'BAD_USER_INPUT') return false;
  const problems = error.extensions.problems;
  return (
    Array.isArray(problems) &&
    problems.some(
      (p: { field?: unknown; code?: unknown }) => p.field === 'filter.initiatives' && p.code === 'NOT_FOUND',
    )
  );
}

type Stage = PathwayNode['stages'][number];
type Supporter = Stage['funders'][number];

const STAGE_LABELS: Record<Stage['stage'], string> = {
  IDEA: 'Idea',
  PILOT: 'Pilot',
  SCALING: 'Scaling',
  ADOPTED: 'Adopted',
  ENDED: 'Ended',
};

export function PathwayTimeline({
  initiativeId,
  closeHref,
  onClose,
  onResize,
}: {
  initiativeId: string;
  /** The address of the view without the timeline. */
  closeHref: string;
  onClose: () => void;
  /** Called when the card opens and whenever its height changes (the graph fits itself below it). */
  onResize: () => void;
}) {
  const variables = useMemo(() => ({ id: initiativeId }), [initiativeId]);
  const query = useGraphQL(PATHWAY, variables);
  const pathway = query.data?.innovationPathways.nodes[0];
  const initiative = query.data?.initiative ?? null;
  const ref = useRef<HTMLElement>(null);
  const { height } = useElementSize(ref);
  useEffect(() => {
    if (height > 0) onResize();
  }, [height, onResize]);
  return (
    <section
      ref={ref}
      // Over the top of the graph (a sheet at the bottom on phones, which the fit leaves alone: see coveredTop).
      data-over-graph="top"
      className="pathway"
      data-testid="pathway-timeline"
      aria-labelledby="pathway-title"
      aria-busy={query.loading}
    >
      <header className="pathway-header">
        <h2 id="pathway-title">
          <span className="pathway-kicker">Pathway</span>{' '}
          {pathway?.initiative.name ?? initiative?.name ?? initiativeId}
        </h2>
        <a
          className="pathway-close"
          {...viewLinkProps(closeHref, onClose)}
          aria-label="Close the pathway"
          data-testid="pathway-close"
        >
          ×
        </a>
      </header>
      {unknownInitiative(query.error) ? (
        <p role="status" className="pathway-note">
          No initiative has the id <code>{initiativeId}</code>.
        </p>
      ) : query.error ? (
        <div role="alert">
          <ErrorDetails error={query.error} onRetry={query.retry} />
        </div>
      ) : query.loading || !query.data ? (
        <p role="status" className="pathway-note">
          Loading the pathway…
        </p>
      ) : !pathway && initiative ? (
        <p role="status" className="pathway-note">
          No stage history is recorded for this initiative (stage {STAGE_LABELS[initiative.stage]};{' '}
          {formatDateRange(initiative.startDate, initiative.endDate, formatDay)}).
        </p>
      ) : !pathway ? (
        <p role="status" className="pathway-note">
          No initiative has the id <code>{initiativeId}</code>.
        </p>
      ) : (
        <PathwayBody pathway={pathway} />
      )}
    </section>
  );
}

function PathwayBody({ pathway }: { pathway: PathwayNode }) {
  const last = pathway.stages.length - 1;
  return (
    <>
      {pathway.innovators.length > 0 && (
        <p className="pathway-note">
          {pathway.innovators.some((i) => i.role === 'LEAD') ? 'Led by ' : 'Innovators: '}
          {pathway.innovators.map((i, k) => (
            <span key={i.organisation.id}>
              {k > 0 && ', '}
              {i.organisation.name}
            </span>
          ))}
        </p>
      )}
      <div className="pathway-adopters">
        <h3 id="pathway-adopters-title">Adopted by</h3>
        {pathway.adoptedBy.length === 0 ? (
          <p className="pathway-note">No government has adopted it (no ADOPTION tie).</p>
        ) : (
          <ul aria-labelledby="pathway-adopters-title" data-testid="pathway-adopters">
            {pathway.adoptedBy.map((a) => (
              <li key={a.organisation.id}>
                <Organisation name={a.organisation.name} sector={a.organisation.sector} />
                {a.since !== null && (
                  <span className="pathway-since">
                    {' '}
                    since <time dateTime={a.since}>{formatDay(a.since)}</time>
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      <ol className="pathway-stages" aria-label="Stages">
        {pathway.stages.map((stage, k) => (
          <li
            key={stage.stage}
            className="pathway-stage"
            data-testid="pathway-stage"
            data-stage={stage.stage}
            aria-current={k === last ? 'step' : undefined}
          >
            <span className="pathway-marker" aria-hidden="true" />
            <h3>{STAGE_LABELS[stage.stage]}</h3>
            <p className="pathway-dates">
              <time dateTime={stage.from}>{formatDay(stage.from)}</time>
              {stage.to !== null && stage.days !== null ? (
                <>
                  {' – '}
                  <time dateTime={stage.to}>{formatDay(stage.to)}</time>
                  <span className="pathway-duration"> ({formatDuration(stage.days)})</span>
                </>
              ) : (
                <span className="pathway-duration">
                  {k === last && stage.stage !== 'ENDED' ? ' – now' : ''}
                </span>
              )}
            </p>
            <Supporters title="Funded by" kind="funders" list={stage.funders} />
            <Supporters title="Partners" kind="partners" list={stage.partners} />
          </li>
        ))}
      </ol>
    </>
  );
}

function Supporters({ title, kind, list }: { title: string; kind: string; list: Supporter[] }) {
  if (list.length === 0) return null;
  return (
    <div className="pathway-support">
      <h4>{title}</h4>
      <ul aria-label={title} data-kind={kind}>
        {list.map((s, k) => (
          <li key={`${s.organisation.id}:${k}`}>
            <Organisation name={s.organisation.name} sector={s.organisation.sector} />
            {s.since !== null && (
              <span className="pathway-since">
                {' '}
                from <time dateTime={s.since}>{formatDay(s.since)}</time>
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Organisation({ name, sector }: { name: string; sector: Sector }) {
  return (
    <span className="pathway-organisation">
      <SectorSwatch sector={sector} size={11} /> {name}
    </span>
  );
}
