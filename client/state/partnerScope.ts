// Which partners to suggest: "only these sectors" and "only in this place" (a city, region or country of
// the organisation), as the API's OrganisationFilter.
import type { OrganisationFilter, Sector } from '../api/types.ts';

export interface PartnerScope {
  sectors: Sector[];
  /** A place id, or null for anywhere. */
  place: string | null;
}

export function partnerFilter(scope: PartnerScope): OrganisationFilter {
  const filter: OrganisationFilter = {};
  if (scope.sectors.length > 0) filter.sectors = [...scope.sectors];
  if (scope.place !== null) filter.places = [scope.place];
  return filter;
}
