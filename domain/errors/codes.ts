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
  DS_AUTH_UNAUTHENTICATED: { httpStatus: 401, description: 'The request carries no valid access token or identity header.', since: '0.2.0' },
  DS_AUTH_FORBIDDEN: { httpStatus: 403, description: 'The caller lacks the agency or scope a field requires.', since: '0.2.0' },
  DS_AUTH_CLEARANCE: { httpStatus: 403, description: 'The caller lacks the clearance level a field requires.', since: '0.2.0' },
  DS_AUTH_PURPOSE_REQUIRED: { httpStatus: 403, description: 'Personal data needs a stated purpose and a case number.', since: '0.2.0' },
  DS_AUTH_TOKEN_EXPIRED: { httpStatus: 401, description: 'The access token has expired.', since: '0.2.0' },
  DS_RATE_LIMITED: { httpStatus: 429, description: 'The agency has sent more requests than its rate allows; retry later.', since: '0.2.0' },
  DS_QUERY_TOO_DEEP: { httpStatus: 400, description: 'The operation nests deeper than allowed.', since: '0.2.0' },
  DS_QUERY_TOO_MANY_ALIASES: { httpStatus: 400, description: 'The operation uses more aliases than allowed.', since: '0.2.0' },
  DS_QUERY_TOO_MANY_TOKENS: { httpStatus: 400, description: 'The operation document is longer than allowed.', since: '0.2.0' },
  DS_QUERY_TOO_COSTLY: { httpStatus: 400, description: 'The operation\'s estimated cost exceeds the limit.', since: '0.2.0' },
  DS_QUERY_LIST_TOO_LARGE: { httpStatus: 400, description: 'A list argument asks for more items than allowed.', since: '0.2.0' },
  DS_BATCH_NOT_ALLOWED: { httpStatus: 400, description: 'Batched operations are not accepted.', since: '0.2.0' },
  DS_BODY_TOO_LARGE: { httpStatus: 413, description: 'The request body exceeds the size limit.', since: '0.2.0' },
  DS_DOCUMENT_NOT_TRUSTED: { httpStatus: 400, description: 'Only trusted documents from the manifest are accepted in production.', since: '0.2.0' },
  DS_INTROSPECTION_DISABLED: { httpStatus: 400, description: 'Introspection is off in production.', since: '0.2.0' },
  DS_BAD_REQUEST: { httpStatus: 400, description: 'The request is not a well-formed GraphQL request.', since: '0.2.0' },
  DS_GRAPHQL_VALIDATION_FAILED: { httpStatus: 400, description: 'The operation does not validate against the schema.', since: '0.2.0' },
  DS_NOT_FOUND: { httpStatus: 404, description: 'The requested object does not exist.', since: '0.2.0' },
  DS_INVALID_INPUT: { httpStatus: 400, description: 'An input value is out of range or inconsistent.', since: '0.2.0' },
  DS_CONFLICT: { httpStatus: 409, description: 'The change conflicts with the current state.', since: '0.2.0' },
  DS_SUBGRAPH_UNAVAILABLE: { httpStatus: 502, description: 'A subgraph did not answer in time.', since: '0.2.0' },
  DS_AUDIT_CHAIN_BROKEN: { httpStatus: 500, description: 'The audit log failed verification: a record was edited, removed or reordered.', since: '0.2.0' },
  DS_AUDIT_WRITE_FAILED: { httpStatus: 503, description: 'The audit record could not be made durable, so the personal data was not served.', since: '0.2.0' },
  DS_STORE_NOT_DURABLE: { httpStatus: 500, description: 'The store would lose acknowledged writes on a restart (e.g. Redis without its append-only file).', since: '0.2.0' },
  DS_REALTIME_SUBSCRIBER_TOO_SLOW: { httpStatus: 503, description: 'A real-time subscriber fell too far behind the alert stream and was dropped; subscribe again.', since: '0.2.0' },
  DS_AUDIT_RECORD_INVALID: { httpStatus: 500, description: 'An audit entry does not match the audit record schema and was not written.', since: '0.2.0' },
  DS_AUDIT_LOG_LOCKED: { httpStatus: 500, description: 'Another live process holds the audit log\'s writer lock.', since: '0.2.0' },
  DS_HOTLIST_SNAPSHOT_MISSING: { httpStatus: 503, description: 'The hotlist snapshot the current pointer names is not in Redis (expired or never written).', since: '0.3.0' },
  DS_BATCH_MALFORMED: { httpStatus: 400, description: 'The read batch is not a JSON array of reads.', since: '0.3.0' },
  DS_BATCH_TOO_LARGE: { httpStatus: 413, description: 'The read batch holds more reads than one batch may carry.', since: '0.3.0' },
  DS_READ_MALFORMED: { httpStatus: 400, description: 'A camera read does not match the read schema.', since: '0.3.0' },
  DS_READ_OVERSIZE: { httpStatus: 413, description: 'A camera read has a field longer, or a list larger, than the read schema allows.', since: '0.3.0' },
  DS_READ_UNKNOWN_CAMERA: { httpStatus: 400, description: 'A camera read names a camera this edge node does not know.', since: '0.3.0' },
  DS_READ_CAPTURED_IN_FUTURE: { httpStatus: 400, description: 'A camera read was captured later than the receive time plus the allowed clock skew.', since: '0.3.0' },
  DS_READ_TOO_OLD: { httpStatus: 400, description: 'A camera read was captured longer ago than the edge node accepts.', since: '0.3.0' },
  DS_READ_PLATE_INVALID: { httpStatus: 400, description: 'No plate candidate of a camera read is usable plate text.', since: '0.3.0' },
  DS_READ_DUPLICATE_IN_BATCH: { httpStatus: 400, description: 'A read id occurs more than once in one batch; only its first occurrence is considered.', since: '0.3.0' },
  DS_ROAD_GRAPH_INVALID: { httpStatus: 500, description: 'The road graph holds a malformed edge and was not loaded.', since: '0.3.0' },
  DS_QUEUE_ATTEMPTS_EXHAUSTED: { httpStatus: 500, description: 'A job failed on every attempt it was allowed and was moved to its dead-letter queue.', since: '0.3.0' },
  DS_QUEUE_JOB_INVALID: { httpStatus: 400, description: 'A job\'s payload does not match its queue\'s schema; it was dead-lettered without retry.', since: '0.3.0' },
  DS_ALERT_DELIVERY_FAILED: { httpStatus: 502, description: 'The 112 CAD endpoint did not accept an alert (5xx, 408, 429, timeout or network); delivery is retried.', since: '0.3.0' },
  DS_ALERT_DELIVERY_REJECTED: { httpStatus: 502, description: 'The 112 CAD endpoint refused an alert with a 4xx status; it was dead-lettered without retry.', since: '0.3.0' },
  DS_WEBHOOK_SIGNATURE_INVALID: { httpStatus: 401, description: 'A webhook request\'s signature is missing, malformed, outside the replay window or does not match.', since: '0.3.0' },
  DS_HOTLIST_LINK_DOWN: { httpStatus: 503, description: 'An edge node could not reach the region for hotlist updates; it keeps matching with its last good snapshot.', since: '0.3.0' },
  DS_EDGE_MUNICIPALITY_ID_INVALID: { httpStatus: 500, description: 'An edge node\'s municipality id is not a lower-case identifier (a-z first, then a-z and 0-9, at most 31 characters).', since: '0.3.0' },
  DS_QUEUE_UNAVAILABLE: { httpStatus: 503, description: 'The edge node could not make accepted reads durable in its queue; nothing was acknowledged, resend the batch.', since: '0.3.0' },
  DS_HIT_WANTED_VEHICLE_UNKNOWN: { httpStatus: 422, description: 'A forwarded hit names a wanted vehicle the police list does not hold; its batch was dead-lettered without retry.', since: '0.3.0' },
  DS_HISTORY_WINDOW_INVALID: { httpStatus: 400, description: 'A history search window is not two instants with offset, from before to, at most 31 days apart.', since: '0.4.0' },
  DS_HISTORY_EDGE_UNAVAILABLE: { httpStatus: 502, description: 'An edge node did not answer a history search in time, or answered malformed; its municipality is missing from the partial answer.', since: '0.4.0' },
  DS_HISTORY_SEARCH_NOT_CONFIGURED: { httpStatus: 503, description: 'History search is not configured here (no edge nodes or keys for the signed region-to-edge request); nothing was searched.', since: '0.4.0' },
  DS_SIM_SUMO_FAILED: { httpStatus: 500, description: 'A SUMO binary or tool run by the scenario builder exited with an error.', since: '0.5.0' },
  DS_SIM_NETWORK_INVALID: { httpStatus: 400, description: 'The SUMO network file cannot be read or holds no usable road network.', since: '0.5.0' },
  DS_SIM_SCENARIO_INVALID: { httpStatus: 400, description: 'The scenario folder is missing a file or holds a file that does not match its format.', since: '0.5.0' },
  DS_TRACKING_MODEL_INVALID: { httpStatus: 500, description: 'The tracking model file is malformed or does not fit its street network; it was not loaded.', since: '0.6.0' },
  DS_TRACKING_NO_ROUTE: { httpStatus: 422, description: 'The tracking model cannot answer for this vehicle: its sightings are at cameras outside the model\'s street network, or too few.', since: '0.6.0' },
} as const satisfies Record<string, ErrorCodeDefinition>;

export type ErrorCode = keyof typeof errorCodes;
