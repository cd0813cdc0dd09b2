import { entityKind } from './entity-kind.ts';

// Every kind's type in one place: the domain files add fields that link kinds to each other
// (a Country's treaties, a Treaty's parties), which would make their modules import each other.

export const CountryRef = entityKind('Country', 'A state, including former ones (the USSR).');
export const PersonRef = entityKind('Person', 'A person: a leader, minister, spokesman, …');
export const OrganizationRef = entityKind(
  'Organization',
  'An organisation: an international body, a ministry, armed forces, a group, a commission.',
);
export const TreatyRef = entityKind(
  'Treaty',
  'A treaty, agreement, initiative or other document signed or proposed.',
);
export const ResolutionRef = entityKind('UNResolution', 'A resolution of a United Nations organ.');
export const EventRef = entityKind(
  'Event',
  'Something that happened: a visit, meeting, opening, recognition, break or restoration of ties, statement, …',
);
export const IncidentRef = entityKind('Incident', 'An incident: a blast, an aircraft downed, …');
export const ConflictRef = entityKind('Conflict', 'A war or armed conflict.');
export const PlaceRef = entityKind('Place', 'A place: a city, region, sea, base, monument.');
export const EquipmentRef = entityKind(
  'Equipment',
  'Equipment: an aircraft, an air-defence system.',
);
export const FigureRef = entityKind(
  'Figure',
  'A number the sources state, with its unit and period.',
);
export const StatusPeriodRef = entityKind(
  'StatusPeriod',
  'A period during which two countries had one diplomatic status (full, severed, consular, …). ' +
    'Each is between exactly two countries: when a state succeeds another, the predecessor’s period ' +
    'ends and the successor’s begins.',
);
