// 360Giving address lines (README "Repairs"): which localities are streets, which postcodes are British,
// which addressRegion values are UK regions and which are towns.
import { describe, expect, it } from 'vitest';
import { looksLikeStreet } from '../../../server/domain/import/importers/common.ts';
import { isUkPostcode, realPostcode, ukRegionKind } from '../../../server/domain/import/ukPlaces.ts';

describe('looksLikeStreet', () => {
  it.each([
    'Old Castle Street',
    'Marchmont Street',
    'Watford Road',
    'Borough road',
    'Sunderland Road',
    'Ngong Road',
    'Cnr. Beyers Naude and Marina Street',
    'Hoffman Way',
    'Bartholomew Close',
    'Marina St.',
    'Southmead Industrial Park',
    'c/o PO Box 24146 Kampala',
    '1-11 Broadway',
    'PO Box 4365',
  ])('"%s" is an address line, not a town', (text) => {
    expect(looksLikeStreet(text)).toBe(true);
  });
  it.each([
    'Chester-le-Street',
    'Street',
    'Stony Stratford',
    'Milton Keynes',
    'Easington Lane',
    'Sloane Square',
    'Broadway',
    'Whitley Bay',
    'St. Albans',
    'Haywards Heath',
  ])('"%s" is a town', (text) => {
    expect(looksLikeStreet(text)).toBe(false);
  });
});

describe('UK postcodes and regions', () => {
  it('tells UK postcodes, whole or cut short, from other countries’ and from placeholders', () => {
    for (const uk of ['SW1A 1AA', 'DH1 2LL', 'se15 4q', 'EH1', 'LS14AP']) expect(isUkPostcode(uk)).toBe(true);
    for (const other of ['CA 94129', '02211', 'CH-1204', 'V5Y-3W2', '1117', 'D02 X285'])
      expect(isUkPostcode(other)).toBe(false);
    expect(realPostcode('*')).toBeNull();
    expect(realPostcode('DH1 2LL')).toBe('DH1 2LL');
  });
  it('knows nations, ITL1 regions and counties; anything else is a town; London is both', () => {
    for (const region of ['England', 'North East', 'Tyne and Wear', 'County Durham', 'Co. Antrim', 'Gwynedd'])
      expect(ukRegionKind(region)).toBe('region');
    for (const town of ['Botley', 'Cambridge', 'North Tyneside', 'Newcastle upon Tynr', 'Bristol'])
      expect(ukRegionKind(town)).toBe('town');
    expect(ukRegionKind('London')).toBe('city-region');
  });
});
