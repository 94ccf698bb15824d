/**
 * A placement's fields in the settlement input schema's order (src/domain/settlement/input.ts),
 * apart from the check (placement-check.ts, which holds them to the schema) so that cutting an
 * input into pieces (settle-split.ts) does not load the schema on the thread that only cuts.
 */

/**
 * The schema's fields this check knows, in the schema's order (its output order); the byte reader
 * (placement-read.ts) numbers a key by its index here.
 */
export const PLACEMENT_FIELDS = [
  'id',
  'clientId',
  'providerId',
  'district',
  'service',
  'regime',
  'start',
  'end',
  'noticeDate',
  'noShow',
  'levels',
  'hoursPerWeek',
  'sessionsPerWeek',
  'eveningNightHours',
  'courseSessions',
  'individualRates',
  'transitionToWork',
  'absences',
] as const;
