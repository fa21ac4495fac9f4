/**
 * The one catalogue of Dongseon error codes. Every error the gateway, a subgraph, the ingest API, a worker
 * or a command line reports carries one of these codes. Codes are stable: never rename or reuse one; mark a
 * retired code as such instead. `since` is the release that introduced the code.
 */
export interface ErrorCodeDefinition {
  readonly httpStatus: number;
  readonly description: string;
  readonly since: string;
}

export const errorCodes = {
  DS_INTERNAL: { httpStatus: 500, description: 'An unexpected internal error; details are in the server log only.', since: '0.1.0' },
  DS_CONFIG_INVALID: { httpStatus: 500, description: 'A process configuration value is missing or malformed.', since: '0.1.0' },

  DS_PLATE_EMPTY: { httpStatus: 400, description: 'The plate text is empty after normalisation.', since: '0.1.0' },
  DS_PLATE_ILLEGAL_CHARACTER: { httpStatus: 400, description: 'The plate text holds a character no Korean plate carries.', since: '0.1.0' },
  DS_PLATE_INVALID: { httpStatus: 400, description: 'The plate text matches no known Korean plate format.', since: '0.1.0' },
  DS_PLATE_UNKNOWN_SYLLABLE: { httpStatus: 400, description: 'The usage syllable is not issued on Korean plates.', since: '0.1.0' },
  DS_PLATE_UNKNOWN_REGION: { httpStatus: 400, description: 'The regional prefix is not one of the 17 regions.', since: '0.1.0' },
  DS_PLATE_BAD_TYPE_CODE: { httpStatus: 400, description: 'The vehicle type code is outside every issued range.', since: '0.1.0' },
  DS_PLATE_PATTERN_INVALID: { httpStatus: 400, description: 'The partial-plate pattern is malformed or matches no plate format.', since: '0.1.0' },

  DS_HOTLIST_KEY_UNKNOWN: { httpStatus: 400, description: 'The hotlist key id is not in the key ring.', since: '0.1.0' },
  DS_HOTLIST_SNAPSHOT_INVALID: { httpStatus: 400, description: 'A keyed hotlist snapshot is inconsistent and was not loaded.', since: '0.1.0' },
  DS_HOTLIST_KEY_INVALID: { httpStatus: 500, description: 'A hotlist key is too short or malformed.', since: '0.1.0' },

  DS_STACK_DEPENDENCY_MISSING: { httpStatus: 500, description: 'A tool the local stack needs (Java, apt, Maven) is unavailable.', since: '0.1.0' },
  DS_STACK_START_FAILED: { httpStatus: 500, description: 'A local stack server did not start or did not become healthy.', since: '0.1.0' },
  DS_STACK_UNHEALTHY: { httpStatus: 503, description: 'A stack server failed its health check.', since: '0.1.0' },
  DS_STACK_PORT_IN_USE: { httpStatus: 500, description: 'A port the local stack owns is held by a process the stack did not start.', since: '0.1.0' },
  DS_STACK_NOT_STARTED: { httpStatus: 503, description: 'The local stack has not been brought up yet (npm run stack -- up).', since: '0.1.0' },
  DS_STACK_BUSY: { httpStatus: 503, description: 'Another process is bringing the local stack up or down; the lock did not free in time.', since: '0.1.0' },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof errorCodes;
