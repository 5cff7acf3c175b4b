// British postcodes and regions, for reading 360Giving addresses (README "Repairs"): when the United Kingdom
// may be assumed for an address without a country, and which `addressRegion` values are UK regions rather
// than towns. A UK region is a nation, an ITL1 region or a county (ceremonial, metropolitan, historic and
// preserved counties, Welsh principal areas, Scottish council areas, the counties of Northern Ireland); a
// value that is none of them (Botley, Cambridge, Sunderland, Newcastle upon Tyne) is a town.
import { nameKey, UK_NATIONS } from './countries.ts';

/** A UK postcode, whole (`SW1A 1AA`) or cut short after its inward digit (`SE15 4Q`, `SE15 4`). */
const UK_POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{0,2}$/i;

/** The outward code alone (`SE15`, `EH1`): a district, still British. */
const UK_OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/i;

/** Whether a postcode is written as a UK one; `CA 94129`, `02211`, `CH-1204` and `V5Y-3W2` are not. */
export function isUkPostcode(postcode: string): boolean {
  const text = postcode.trim();
  return UK_POSTCODE.test(text) || UK_OUTWARD.test(text);
}

/** A postcode with no letter or digit (`*`, `-`) is a placeholder: no postcode. */
export function realPostcode(postcode: string | null): string | null {
  return postcode !== null && /[a-z0-9]/i.test(postcode) ? postcode : null;
}

/** ITL1 regions of England (London is the city: see CITY_REGIONS). */
const ITL1 = [
  'North East',
  'North West',
  'Yorkshire and The Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'Greater London',
  'South East',
  'South West',
];

/** Ceremonial and metropolitan counties of England, without Bristol and the City of London (cities). */
const ENGLISH_COUNTIES = [
  'Bedfordshire',
  'Berkshire',
  'Buckinghamshire',
  'Cambridgeshire',
  'Cheshire',
  'Cornwall',
  'Cumbria',
  'Derbyshire',
  'Devon',
  'Dorset',
  'Durham',
  'County Durham',
  'East Riding of Yorkshire',
  'East Sussex',
  'Essex',
  'Gloucestershire',
  'Greater Manchester',
  'Hampshire',
  'Herefordshire',
  'Hertfordshire',
  'Isle of Wight',
  'Kent',
  'Lancashire',
  'Leicestershire',
  'Lincolnshire',
  'Merseyside',
  'Norfolk',
  'North Yorkshire',
  'Northamptonshire',
  'Northumberland',
  'Nottinghamshire',
  'Oxfordshire',
  'Rutland',
  'Shropshire',
  'Somerset',
  'South Yorkshire',
  'Staffordshire',
  'Suffolk',
  'Surrey',
  'Tyne and Wear',
  'Warwickshire',
  'West Midlands',
  'West Sussex',
  'West Yorkshire',
  'Wiltshire',
  'Worcestershire',
];

/** Historic and former counties still written in addresses. */
const FORMER_COUNTIES = [
  'Avon',
  'Cleveland',
  'Cumberland',
  'Humberside',
  'Huntingdonshire',
  'Middlesex',
  'Sussex',
  'Westmorland',
  'Yorkshire',
  'Hereford and Worcester',
];

/** Welsh preserved counties and principal areas (not the cities Cardiff, Swansea, Newport). */
const WELSH_AREAS = [
  'Anglesey',
  'Isle of Anglesey',
  'Blaenau Gwent',
  'Bridgend',
  'Caerphilly',
  'Carmarthenshire',
  'Ceredigion',
  'Clwyd',
  'Conwy',
  'Denbighshire',
  'Dyfed',
  'Flintshire',
  'Glamorgan',
  'Mid Glamorgan',
  'South Glamorgan',
  'West Glamorgan',
  'Vale of Glamorgan',
  'Gwent',
  'Gwynedd',
  'Merthyr Tydfil',
  'Monmouthshire',
  'Neath Port Talbot',
  'Pembrokeshire',
  'Powys',
  'Rhondda Cynon Taf',
  'Torfaen',
  'Wrexham',
];

/** Scottish council areas (not the cities Aberdeen, Dundee, Edinburgh, Glasgow) and former regions. */
const SCOTTISH_AREAS = [
  'Aberdeenshire',
  'Angus',
  'Argyll and Bute',
  'Clackmannanshire',
  'Dumfries and Galloway',
  'East Ayrshire',
  'East Dunbartonshire',
  'East Lothian',
  'East Renfrewshire',
  'Falkirk',
  'Fife',
  'Highland',
  'Highlands',
  'Inverclyde',
  'Midlothian',
  'Moray',
  'Na h-Eileanan Siar',
  'Western Isles',
  'North Ayrshire',
  'North Lanarkshire',
  'Orkney',
  'Orkney Islands',
  'Perth and Kinross',
  'Renfrewshire',
  'Scottish Borders',
  'Borders',
  'Shetland',
  'Shetland Islands',
  'South Ayrshire',
  'South Lanarkshire',
  'Stirlingshire',
  'West Dunbartonshire',
  'West Lothian',
  'Lanarkshire',
  'Ayrshire',
  'Strathclyde',
  'Lothian',
  'Grampian',
  'Tayside',
];

/** The six counties of Northern Ireland. */
const NI_COUNTIES = ['Antrim', 'Armagh', 'Down', 'Fermanagh', 'Londonderry', 'Tyrone'];

/** nameKey, with `&` read as "and", dots and apostrophes as word breaks ("Co.Antrim"), and no "County"/"Co". */
function key(text: string): string {
  // NFKD first, so that the dots of a character like "…" break words too (nameKey would drop them).
  const words = text
    .normalize('NFKD')
    .replace(/&/g, ' and ')
    .replace(/['’`.]/g, ' ');
  return nameKey(words).replace(/^(county|co) (?=\S)/, '');
}

const UK_REGIONS = new Set(
  [
    ...Object.values(UK_NATIONS),
    ...ITL1,
    ...ENGLISH_COUNTIES,
    ...FORMER_COUNTIES,
    ...WELSH_AREAS,
    ...SCOTTISH_AREAS,
    ...NI_COUNTIES,
  ].map(key),
);

/** Region names that are also a city, and the city when no other is given: London (an ITL1 region too). */
const CITY_REGIONS = new Set(['london']);

/**
 * What an `addressRegion` of a UK address is: `region` (a nation, an ITL1 region, a county; "County
 * Durham" and "Co. Antrim" too), `city-region` (London: the region beside a city or district such as
 * Hammersmith, the city alone) or `town` (anything else).
 */
export function ukRegionKind(region: string): 'region' | 'city-region' | 'town' {
  const k = key(region);
  if (CITY_REGIONS.has(k)) return 'city-region';
  return UK_REGIONS.has(k) ? 'region' : 'town';
}
