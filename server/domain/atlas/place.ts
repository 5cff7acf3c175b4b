// One places.csv row (or JSON place) to a PlaceRecord; null when it cannot be built.
import type { PlaceRecord } from '../model.ts';
import type { FieldReader } from './fieldReader.ts';

export function readPlace(reader: FieldReader): PlaceRecord | null {
  const country = reader.text('country', { required: true });
  const region = reader.text('region');
  const city = reader.text('city');
  const latitude = reader.number('latitude', { min: -90, max: 90 });
  const longitude = reader.number('longitude', { min: -180, max: 180 });
  if (country === null) return null;
  return { country, region, city, latitude, longitude };
}
