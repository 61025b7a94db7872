/**
 * Okabe–Ito colours (Okabe & Ito 2008): distinguishable with the common colour-vision
 * deficiencies, so a line's meaning never depends on telling red from green.
 */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  green: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  purple: '#CC79A7',
} as const;

/** Fixed colours per series, so a group keeps its colour across charts and runs. */
export const SERIES_COLOURS: Record<string, string> = {
  q: OKABE_ITO.blue,
  qElderlyNoSmartphone: OKABE_ITO.vermillion,
  qElderlySmartphone: OKABE_ITO.orange,
  qOthers: OKABE_ITO.blue,
  priceIndex: OKABE_ITO.purple,
  staffHoursDemanded: OKABE_ITO.vermillion,
  staffHoursAvailable: OKABE_ITO.green,
  deliveriesPending: OKABE_ITO.orange,
  selfOrganisedCompounds: OKABE_ITO.green,
  meanSatisfaction: OKABE_ITO.blue,
  stations: OKABE_ITO.green,
  issuesPending: OKABE_ITO.orange,
  gridMobilisedShare: OKABE_ITO.blue,
  gridActiveSelfOrganisations: OKABE_ITO.green,
};

/** Light tints for the phases behind the curves: the crisis darkens, reopening lightens. */
export const PHASE_FILLS: Record<string, string> = {
  normal: '#ffffff',
  roadClosure: '#f3efe4',
  movementControl: '#ece3cf',
  closedEarly: '#e3d3c8',
  closedLater: '#dde6ee',
  reopened: '#eef5ef',
  crisis: '#e3d3c8',
};

/** Flow kinds in the actors network. */
export const FLOW_COLOURS: Record<string, string> = {
  orders: OKABE_ITO.skyBlue,
  goods: OKABE_ITO.green,
  money: OKABE_ITO.orange,
  labour: OKABE_ITO.purple,
  people: OKABE_ITO.vermillion,
  information: OKABE_ITO.blue,
};
