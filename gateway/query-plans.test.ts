import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner, type QueryPlan } from '@apollo/query-planner';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DongseonError } from '../domain/errors/index.js';
import { loadGraphContract } from './graph-contract.js';

// The plans the gateway makes for each trusted document, over the committed supergraph: a change to the schema,
// the operations or the federation packages that changes which subgraph is asked for what shows here in review.
expect.addSnapshotSerializer({
  test: (value: unknown) => typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'QueryPlan',
  serialize: (value: QueryPlan) => prettyFormatQueryPlan(value),
});

const contract = loadGraphContract();
const supergraph = Supergraph.build(contract.supergraphSdl);
const apiSchema = supergraph.apiSchema();
const planner = new QueryPlanner(supergraph);

/** Every operation of the trusted documents, by name, with the document that holds it. */
const trustedOperations = new Map(Object.values(contract.trustedDocuments).flatMap((document) =>
  parse(document).definitions.flatMap((definition) =>
    definition.kind === Kind.OPERATION_DEFINITION && definition.name ? [[definition.name.value, document] as const] : [])));

function planOf(operationName: string): QueryPlan {
  const document = trustedOperations.get(operationName);
  if (!document) throw new DongseonError('DS_INTERNAL', `no trusted document holds the operation ${operationName}`);
  return planner.buildQueryPlan(operationFromDocument(apiSchema, parse(document), { operationName }));
}

const plannedOperations = [
  'CameraWithIntersection', 'CivicCameraVolumes', 'PendingHits', 'DecideHit', 'IssueCameraCredential', 'RevokeCameraCredential', 'PlateHistory',
  'VehicleForecast', 'WantedVehicleTrack', 'HitEvidence',
  // The operations console (console/).
  'ConsoleCameras', 'ConsolePendingHits', 'ConsoleHit', 'ConsoleHitEvidence', 'ConsoleDecideHit', 'ConsoleWantedVehicles',
  'ConsolePatrolUnits', 'ConsoleVehicle', 'ConsoleAddWantedVehicle', 'ConsoleRevokeWantedVehicle', 'ConsoleOpenCase',
  // Interception plans for the registered patrol units, and the patrol cars' own registration and reports.
  'ConsolePatrolInterceptionPlan', 'RegisterPatrolUnit', 'ReportPatrolPosition',
  // The console's Audit screen: the audit subgraph alone.
  'ConsoleAuditRecords', 'ConsoleAuditChain',
];

describe('query plans of the trusted documents', () => {
  it('covers every trusted operation (a new one needs its plan snapshot here)', () => {
    expect([...trustedOperations.keys()].sort()).toEqual([...plannedOperations].sort());
  });

  it('CameraWithIntersection', () => {
    expect(planOf('CameraWithIntersection')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "cctv") {
            {
              camera(id: $id) {
                __typename
                id
                name
                anprCapable
                status
                position {
                  latitude
                  longitude
                }
                municipality {
                  id
                  name
                }
              }
            }
          },
          Flatten(path: "camera") {
            Fetch(service: "signals") {
              {
                ... on Camera {
                  __typename
                  id
                  position {
                    latitude
                    longitude
                  }
                }
              } =>
              {
                ... on Camera {
                  nearestIntersection {
                    id
                    name
                  }
                  distanceToNearestIntersectionMeters
                }
              }
            },
          },
        },
      }
    `);
  });

  it('CivicCameraVolumes', () => {
    expect(planOf('CivicCameraVolumes')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "civic") {
          {
            cameraVolumes(cameraId: $cameraId, from: $from, to: $to) {
              hourStart
              vehicles
            }
          }
        },
      }
    `);
  });

  it('PendingHits', () => {
    expect(planOf('PendingHits')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              hits(status: PENDING, first: 50) {
                id
                capturedAt
                matchKind
                substitution
                confidence
                wantedVehicle {
                  id
                  plate
                  priority
                  reason
                }
                camera {
                  __typename
                  id
                }
              }
            }
          },
          Flatten(path: "hits.@.camera") {
            Fetch(service: "cctv") {
              {
                ... on Camera {
                  __typename
                  id
                }
              } =>
              {
                ... on Camera {
                  name
                  municipality {
                    name
                  }
                }
              }
            },
          },
        },
      }
    `);
  });

  it('HitEvidence', () => {
    expect(planOf('HitEvidence')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              hit(id: $id) {
                __typename
                id
                capturedAt
                matchKind
                substitution
                confidence
                status
                wantedVehicle {
                  id
                  plate
                }
                camera {
                  __typename
                  id
                }
              }
            }
          },
          Parallel {
            Flatten(path: "hit") {
              Fetch(service: "cctv") {
                {
                  ... on Hit {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Hit {
                    evidence {
                      readId
                      capturedAt
                      mediaType
                      imageBase64
                      frames
                    }
                  }
                }
              },
            },
            Flatten(path: "hit.camera") {
              Fetch(service: "cctv") {
                {
                  ... on Camera {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Camera {
                    name
                    municipality {
                      name
                    }
                  }
                }
              },
            },
          },
        },
      }
    `);
  });

  it('DecideHit', () => {
    expect(planOf('DecideHit')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            decideHit(id: $id, decision: $decision, reason: $reason) {
              id
              status
              decidedBy
              decidedAt
            }
          }
        },
      }
    `);
  });

  it('IssueCameraCredential', () => {
    expect(planOf('IssueCameraCredential')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "cctv") {
          {
            issueCameraCredential(cameraId: $cameraId) {
              keyId
              token
              issuedAt
              camera {
                id
                name
              }
            }
          }
        },
      }
    `);
  });

  it('RevokeCameraCredential', () => {
    expect(planOf('RevokeCameraCredential')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "cctv") {
          {
            revokeCameraCredential(cameraId: $cameraId, keyId: $keyId)
          }
        },
      }
    `);
  });

  it('PlateHistory', () => {
    expect(planOf('PlateHistory')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "cctv") {
          {
            plateHistory(plate: $plate, from: $from, to: $to) {
              searchId
              plate
              from
              to
              complete
              reads {
                readId
                capturedAt
                plateText
                confidence
                hit
                municipality {
                  id
                  name
                }
                camera {
                  id
                  name
                  position {
                    latitude
                    longitude
                  }
                }
              }
              sources {
                municipality {
                  id
                  name
                }
                answered
                readCount
                errorCode
                errorMessage
              }
            }
          }
        },
      }
    `);
  });

  it('VehicleForecast', () => {
    expect(planOf('VehicleForecast')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "tracking") {
          {
            vehicle(id: $id) {
              id
              lastSighting {
                id
                capturedAt
                camera {
                  id
                }
              }
              route {
                confidence
                lengthMeters
                legs(first: 50) {
                  from {
                    id
                  }
                  to {
                    id
                  }
                  elapsedSeconds
                  alternatives(first: 2) {
                    probability
                    expectedSeconds
                    reasons {
                      detourShare
                      timeLogLikelihood
                    }
                  }
                }
              }
              nextCameras {
                hourOfDay
                forecasts(first: 3) {
                  camera {
                    id
                  }
                  municipality {
                    id
                  }
                  probability
                  arrival {
                    lowSeconds
                    medianSeconds
                    highSeconds
                    expectedAt
                  }
                  reasons {
                    roadModelProbability
                    transitionsFromCamera {
                      count
                      total
                    }
                  }
                }
              }
              interceptionPlan(units: $units) {
                points(first: 3) {
                  junctionId
                  unitId
                  interceptProbability
                  slackSeconds
                  camera {
                    id
                  }
                }
              }
            }
          }
        },
      }
    `);
  });

  it('WantedVehicleTrack', () => {
    expect(planOf('WantedVehicleTrack')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              wantedVehicle(id: $id) {
                __typename
                id
                plate
                reason
                priority
              }
            }
          },
          Flatten(path: "wantedVehicle") {
            Fetch(service: "tracking") {
              {
                ... on WantedVehicle {
                  __typename
                  id
                }
              } =>
              {
                ... on WantedVehicle {
                  vehicle {
                    id
                    municipalitiesCrossed {
                      municipality {
                        __typename
                        id
                      }
                      firstSeenAt
                      lastSeenAt
                      sightings
                    }
                    sightings(first: 100) {
                      id
                      capturedAt
                      matchKind
                      confidence
                      camera {
                        id
                        name
                        municipality {
                          __typename
                          id
                        }
                      }
                    }
                  }
                }
              }
            },
          },
          Parallel {
            Flatten(path: "wantedVehicle.vehicle.municipalitiesCrossed.@.municipality") {
              Fetch(service: "cctv") {
                {
                  ... on Municipality {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Municipality {
                    name
                  }
                }
              },
            },
            Flatten(path: "wantedVehicle.vehicle.sightings.@.camera.municipality") {
              Fetch(service: "cctv") {
                {
                  ... on Municipality {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Municipality {
                    name
                  }
                }
              },
            },
          },
        },
      }
    `);
  });

  it('ConsoleCameras', () => {
    expect(planOf('ConsoleCameras')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "cctv") {
          {
            cameras(first: 400) {
              id
              name
              anprCapable
              status
              lastHeartbeatAt
              position {
                latitude
                longitude
              }
              municipality {
                id
                name
              }
            }
          }
        },
      }
    `);
  });

  it('ConsolePendingHits', () => {
    expect(planOf('ConsolePendingHits')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              hits(status: PENDING, first: 100) {
                id
                capturedAt
                receivedAt
                matchKind
                substitution
                confidence
                status
                decidedBy
                decidedAt
                decisionReasonCode
                decisionNote
                wantedVehicle {
                  id
                  kind
                  plate
                  platePattern
                  priority
                  reason
                }
                camera {
                  __typename
                  id
                }
              }
            }
          },
          Flatten(path: "hits.@.camera") {
            Fetch(service: "cctv") {
              {
                ... on Camera {
                  __typename
                  id
                }
              } =>
              {
                ... on Camera {
                  name
                  position {
                    latitude
                    longitude
                  }
                  municipality {
                    id
                    name
                  }
                }
              }
            },
          },
        },
      }
    `);
  });

  it('ConsoleHit', () => {
    expect(planOf('ConsoleHit')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              hit(id: $id) {
                id
                capturedAt
                receivedAt
                matchKind
                substitution
                confidence
                status
                decidedBy
                decidedAt
                decisionReasonCode
                decisionNote
                wantedVehicle {
                  id
                  kind
                  plate
                  platePattern
                  priority
                  reason
                }
                camera {
                  __typename
                  id
                }
              }
            }
          },
          Flatten(path: "hit.camera") {
            Fetch(service: "cctv") {
              {
                ... on Camera {
                  __typename
                  id
                }
              } =>
              {
                ... on Camera {
                  name
                  position {
                    latitude
                    longitude
                  }
                  municipality {
                    id
                    name
                  }
                }
              }
            },
          },
        },
      }
    `);
  });

  it('ConsoleHitEvidence', () => {
    expect(planOf('ConsoleHitEvidence')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              hit(id: $id) {
                __typename
                id
              }
            }
          },
          Flatten(path: "hit") {
            Fetch(service: "cctv") {
              {
                ... on Hit {
                  __typename
                  id
                }
              } =>
              {
                ... on Hit {
                  evidence {
                    readId
                    capturedAt
                    mediaType
                    imageBase64
                    frames
                  }
                }
              }
            },
          },
        },
      }
    `);
  });

  it('ConsoleDecideHit', () => {
    expect(planOf('ConsoleDecideHit')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              decideHit(id: $id, decision: $decision, reasonCode: $reasonCode, note: $note) {
                id
                capturedAt
                receivedAt
                matchKind
                substitution
                confidence
                status
                decidedBy
                decidedAt
                decisionReasonCode
                decisionNote
                wantedVehicle {
                  id
                  kind
                  plate
                  platePattern
                  priority
                  reason
                }
                camera {
                  __typename
                  id
                }
              }
            }
          },
          Flatten(path: "decideHit.camera") {
            Fetch(service: "cctv") {
              {
                ... on Camera {
                  __typename
                  id
                }
              } =>
              {
                ... on Camera {
                  name
                  position {
                    latitude
                    longitude
                  }
                  municipality {
                    id
                    name
                  }
                }
              }
            },
          },
        },
      }
    `);
  });

  it('ConsoleWantedVehicles', () => {
    expect(planOf('ConsoleWantedVehicles')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            wantedVehicles(status: ACTIVE, first: 200) {
              id
              kind
              plate
              platePattern
              reason
              priority
              validFrom
              validUntil
              status
              case {
                caseNumber
                title
              }
            }
          }
        },
      }
    `);
  });

  it('ConsolePatrolUnits', () => {
    expect(planOf('ConsolePatrolUnits')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            patrolUnits(first: 100) {
              id
              callSign
              stale
              position {
                latitude
                longitude
                reportedAt
                headingDegrees
                speedKmh
              }
            }
          }
        },
      }
    `);
  });

  it('ConsoleVehicle', () => {
    expect(planOf('ConsoleVehicle')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "police") {
            {
              wantedVehicle(id: $id) {
                __typename
                id
                plate
                platePattern
                reason
                priority
              }
            }
          },
          Flatten(path: "wantedVehicle") {
            Fetch(service: "tracking") {
              {
                ... on WantedVehicle {
                  __typename
                  id
                }
              } =>
              {
                ... on WantedVehicle {
                  vehicle {
                    id
                    municipalitiesCrossed {
                      municipality {
                        __typename
                        id
                      }
                      firstSeenAt
                      lastSeenAt
                      sightings
                    }
                    sightings(first: 50) {
                      id
                      capturedAt
                      matchKind
                      confidence
                      camera {
                        __typename
                        id
                        name
                        municipality {
                          id
                        }
                      }
                    }
                    route {
                      confidence
                      lengthMeters
                      legs(first: 12) {
                        from {
                          id
                          capturedAt
                        }
                        to {
                          id
                          capturedAt
                        }
                        elapsedSeconds
                        hourOfDay
                        alternatives(first: 2) {
                          probability
                          lengthMeters
                          freeFlowSeconds
                          expectedSeconds
                          roads(first: 40) {
                            fromJunction
                            toJunction
                          }
                          reasons {
                            detourShare
                            turnLogProbability
                            timeLogLikelihood
                          }
                        }
                      }
                    }
                    nextCameras {
                      hourOfDay
                      latest {
                        id
                        capturedAt
                        camera {
                          id
                        }
                      }
                      forecasts(first: 5) {
                        camera {
                          __typename
                          id
                        }
                        municipality {
                          __typename
                          id
                        }
                        probability
                        arrival {
                          lowSeconds
                          medianSeconds
                          highSeconds
                          earliestAt
                          expectedAt
                          latestAt
                        }
                        reasons {
                          roadModelProbability
                          destinationProbability
                          transitionsFromCamera {
                            count
                            total
                          }
                          transitionsAfterPrevious {
                            count
                            total
                          }
                        }
                      }
                    }
                    reachableSet(withinMinutes: $withinMinutes) {
                      withinMinutes
                      cameras(first: 30) {
                        camera {
                          __typename
                          id
                        }
                        seconds
                      }
                      municipalities(first: 20) {
                        municipality {
                          __typename
                          id
                        }
                        seconds
                      }
                    }
                  }
                }
              }
            },
          },
          Parallel {
            Flatten(path: "wantedVehicle.vehicle.municipalitiesCrossed.@.municipality") {
              Fetch(service: "cctv") {
                {
                  ... on Municipality {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Municipality {
                    name
                  }
                }
              },
            },
            Flatten(path: "wantedVehicle.vehicle.sightings.@.camera") {
              Fetch(service: "cctv") {
                {
                  ... on Camera {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Camera {
                    position {
                      latitude
                      longitude
                    }
                    municipality {
                      name
                    }
                  }
                }
              },
            },
            Flatten(path: "wantedVehicle.vehicle.nextCameras.forecasts.@.camera") {
              Fetch(service: "cctv") {
                {
                  ... on Camera {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Camera {
                    name
                    position {
                      latitude
                      longitude
                    }
                  }
                }
              },
            },
            Flatten(path: "wantedVehicle.vehicle.nextCameras.forecasts.@.municipality") {
              Fetch(service: "cctv") {
                {
                  ... on Municipality {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Municipality {
                    name
                  }
                }
              },
            },
            Flatten(path: "wantedVehicle.vehicle.reachableSet.cameras.@.camera") {
              Fetch(service: "cctv") {
                {
                  ... on Camera {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Camera {
                    name
                    position {
                      latitude
                      longitude
                    }
                  }
                }
              },
            },
            Flatten(path: "wantedVehicle.vehicle.reachableSet.municipalities.@.municipality") {
              Fetch(service: "cctv") {
                {
                  ... on Municipality {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Municipality {
                    name
                  }
                }
              },
            },
          },
        },
      }
    `);
  });

  it('ConsoleAddWantedVehicle', () => {
    expect(planOf('ConsoleAddWantedVehicle')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            addWantedVehicle(input: $input) {
              id
              kind
              plate
              platePattern
              reason
              priority
              validFrom
              validUntil
              status
            }
          }
        },
      }
    `);
  });

  it('ConsoleRevokeWantedVehicle', () => {
    expect(planOf('ConsoleRevokeWantedVehicle')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            revokeWantedVehicle(id: $id, reason: $reason) {
              id
              status
              revokedAt
              revokedBy
              revocationReason
            }
          }
        },
      }
    `);
  });

  it('ConsolePatrolInterceptionPlan', () => {
    expect(planOf('ConsolePatrolInterceptionPlan')).toMatchInlineSnapshot(`
      QueryPlan {
        Sequence {
          Fetch(service: "tracking") {
            {
              vehicle(id: $vehicleId) {
                id
                patrolInterceptionPlan {
                  plannedAt
                  latest {
                    id
                    capturedAt
                    camera {
                      id
                    }
                  }
                  points(first: 5) {
                    junctionId
                    latitude
                    longitude
                    unitId
                    unit {
                      __typename
                      id
                    }
                    passProbability
                    interceptProbability
                    vehicleEtaSeconds
                    unitSeconds
                    slackSeconds
                    camera {
                      __typename
                      id
                    }
                    municipality {
                      __typename
                      id
                    }
                  }
                }
              }
            }
          },
          Parallel {
            Flatten(path: "vehicle.patrolInterceptionPlan.points.@.unit") {
              Fetch(service: "police") {
                {
                  ... on PatrolUnit {
                    __typename
                    id
                  }
                } =>
                {
                  ... on PatrolUnit {
                    callSign
                    stale
                    position {
                      latitude
                      longitude
                      reportedAt
                    }
                  }
                }
              },
            },
            Flatten(path: "vehicle.patrolInterceptionPlan.points.@.camera") {
              Fetch(service: "cctv") {
                {
                  ... on Camera {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Camera {
                    name
                  }
                }
              },
            },
            Flatten(path: "vehicle.patrolInterceptionPlan.points.@.municipality") {
              Fetch(service: "cctv") {
                {
                  ... on Municipality {
                    __typename
                    id
                  }
                } =>
                {
                  ... on Municipality {
                    name
                  }
                }
              },
            },
          },
        },
      }
    `);
  });

  it('RegisterPatrolUnit', () => {
    expect(planOf('RegisterPatrolUnit')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            registerPatrolUnit(input: $input) {
              id
              callSign
              registeredAt
            }
          }
        },
      }
    `);
  });

  it('ReportPatrolPosition', () => {
    expect(planOf('ReportPatrolPosition')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            reportPatrolPosition(input: $input) {
              unitId
              recorded
            }
          }
        },
      }
    `);
  });

  it('ConsoleAuditRecords', () => {
    expect(planOf('ConsoleAuditRecords')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "audit") {
          {
            auditRecords(filter: $filter, first: $first, after: $after) {
              sequence
              time
              kind
              requestId
              subject
              agency
              purpose
              caseNumber
              operation {
                name
                type
                hash
              }
              fields
              subgraphs
              outcome
              denied {
                coordinate
                code
              }
              deniedCode
              hitId
              hash
              cursor
            }
          }
        },
      }
    `);
  });

  it('ConsoleAuditChain', () => {
    expect(planOf('ConsoleAuditChain')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "audit") {
          {
            auditChain {
              verified
              verifiedAt
              files
              records
              head {
                sequence
                hash
              }
              firstBroken {
                file
                line
                reason
                detail
              }
              unterminated {
                file
                line
              }
              tornTails
            }
          }
        },
      }
    `);
  });

  it('ConsoleOpenCase', () => {
    expect(planOf('ConsoleOpenCase')).toMatchInlineSnapshot(`
      QueryPlan {
        Fetch(service: "police") {
          {
            openCase(input: $input) {
              caseNumber
              title
              status
            }
          }
        },
      }
    `);
  });
});
