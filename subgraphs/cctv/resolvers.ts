import type { z } from 'zod';
import { plateHistorySearchOf, type HistorySource, type MergedHistoryRead } from '../../domain/history/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { CctvContext } from './context.js';
import type {
  CameraResolvers, HitResolvers, IssuedCameraCredentialResolvers, MunicipalityCamerasArgs, MunicipalityResolvers,
  MutationIssueCameraCredentialArgs, MutationResolvers, MutationRevokeCameraCredentialArgs, MutationSetCameraStatusArgs,
  MutationUpsertCameraArgs, MutationUpsertMunicipalityArgs, PlateHistoryReadResolvers, PlateHistorySourceResolvers,
  QueryCameraArgs, QueryCamerasArgs, QueryMunicipalityArgs, QueryPlateHistoryArgs, QueryResolvers,
} from './generated/resolver-types.js';
import { formatInstant, listSizeOf } from '../../runtime/graphql/scalar-arguments.js';
import type { IssuedCameraCredential } from '../../stores/camera-registry/camera-credential-store.js';
import type { RegistryWriteScope } from '../../stores/camera-registry/camera-registry-store.js';
import {
  cameraEntrySchema, entryProblems, municipalityEntrySchema, type RegisteredCamera, type RegisteredMunicipality,
} from '../../stores/camera-registry/registry-entries.js';

// Resolvers return registry records (a camera names its municipality by id) rather than the generated object
// types, so each resolver takes the generated argument types and each map is checked against the generated field
// names; mercurius's own resolver type is the boundary cast in server.ts.
type FieldsOf<Resolvers> = { readonly [Field in keyof Resolvers]?: unknown };
type EntityReference = { readonly id: string };

const camerasDefaultFirst = 100;

function validEntry<Entry>(schema: z.ZodType<Entry>, input: unknown, operation: string): Entry {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const problems = entryProblems(parsed.error).map((problem) => `input.${problem}`);
  throw codedGraphQLError('DS_INVALID_INPUT', `${operation}: ${problems.join('; ')}`, { problems });
}

function found<Value>(value: Value | undefined, what: string): Value {
  if (value === undefined) throw codedGraphQLError('DS_NOT_FOUND', `${what} does not exist`);
  return value;
}

const Query = {
  camera: async (_root: unknown, { id }: QueryCameraArgs, { cameraById }: CctvContext) => (await cameraById(id)) ?? null,
  cameras: (_root: unknown, { municipalityId, first }: QueryCamerasArgs, { registry }: CctvContext) =>
    registry.listCameras({ ...(municipalityId ? { municipalityId } : {}), first: listSizeOf(first, camerasDefaultFirst) }),
  municipality: async (_root: unknown, { id }: QueryMunicipalityArgs, { municipalityById }: CctvContext) =>
    (await municipalityById(id)) ?? null,
  municipalities: (_root: unknown, _args: unknown, { registry }: CctvContext) => registry.listMunicipalities(),

  // The @access rule (scope, clearance, purpose and case number) has passed before this runs; every edge node
  // checks the same rule again on the identity signed for it.
  async plateHistory(_root: unknown, args: QueryPlateHistoryArgs, { history, access }: CctvContext) {
    if (!history) throw codedGraphQLError('DS_HISTORY_SEARCH_NOT_CONFIGURED', 'plateHistory: no edge nodes are configured for history search');
    if (!access) throw codedGraphQLError('DS_AUTH_UNAUTHENTICATED', 'plateHistory: no verified identity');
    const validated = plateHistorySearchOf(args);
    if (!validated.ok) throw codedGraphQLError(validated.code, `plateHistory: ${validated.reason}`);
    const { search } = validated;
    const answer = await history.search(access, search);
    return { ...answer, plate: search.plate, from: formatInstant(search.fromMs), to: formatInstant(search.toMs) };
  },
} satisfies FieldsOf<QueryResolvers>;

/** The municipalities the caller's `cameras:write` reaches: those its identity names, none without. */
const writeScopeOf = (access: CctvContext['access']): RegistryWriteScope => ({ municipalities: access?.identity.municipalities ?? [] });

const Mutation = {
  async upsertMunicipality(_root: unknown, { input }: MutationUpsertMunicipalityArgs, { registry, access }: CctvContext) {
    const entry = validEntry(municipalityEntrySchema, input, 'upsertMunicipality');
    await registry.upsertMunicipalities([entry], writeScopeOf(access));
    return found((await registry.findMunicipalities([entry.id])).get(entry.id), `municipality "${entry.id}"`);
  },

  async upsertCamera(_root: unknown, { input }: MutationUpsertCameraArgs, { registry, access }: CctvContext) {
    const entry = validEntry(cameraEntrySchema, input, 'upsertCamera');
    if (!(await registry.findMunicipalities([entry.municipalityId])).has(entry.municipalityId)) {
      const problem = `input.municipalityId: municipality "${entry.municipalityId}" is not registered`;
      throw codedGraphQLError('DS_INVALID_INPUT', `upsertCamera: ${problem}`, { problems: [problem] });
    }
    await registry.upsertCameras([entry], writeScopeOf(access));
    return found((await registry.findCameras([entry.id])).get(entry.id), `camera "${entry.id}"`);
  },

  async setCameraStatus(_root: unknown, { id, status }: MutationSetCameraStatusArgs, { registry, access }: CctvContext) {
    return found(await registry.setCameraStatus(id, status, writeScopeOf(access)), `camera "${id}"`);
  },

  // The token is in this answer only; the registry keeps the SHA-256 of its secret.
  async issueCameraCredential(_root: unknown, { cameraId }: MutationIssueCameraCredentialArgs, { credentials, access }: CctvContext) {
    return found(await credentials.issue(cameraId, writeScopeOf(access)), `camera "${cameraId}"`);
  },

  async revokeCameraCredential(_root: unknown, { cameraId, keyId }: MutationRevokeCameraCredentialArgs, { credentials, access }: CctvContext) {
    return found(await credentials.revoke(cameraId, keyId, writeScopeOf(access)), `camera "${cameraId}"`).revoked;
  },
} satisfies FieldsOf<MutationResolvers>;

const IssuedCameraCredential = {
  camera: async (issued: IssuedCameraCredential, _args: unknown, { cameraById }: CctvContext) =>
    found(await cameraById(issued.cameraId), `camera "${issued.cameraId}"`),
} satisfies FieldsOf<IssuedCameraCredentialResolvers>;

const Camera = {
  __resolveReference: async (reference: EntityReference, _args: unknown, { cameraById }: CctvContext) =>
    (await cameraById(reference.id)) ?? null,
  municipality: async (camera: RegisteredCamera, _args: unknown, { municipalityById }: CctvContext) =>
    found(await municipalityById(camera.municipalityId), `municipality "${camera.municipalityId}" of camera "${camera.id}"`),
  credentials: (camera: RegisteredCamera, _args: unknown, { credentials }: CctvContext) => credentials.list(camera.id),
} satisfies FieldsOf<CameraResolvers>;

const Municipality = {
  __resolveReference: async (reference: EntityReference, _args: unknown, { municipalityById }: CctvContext) =>
    (await municipalityById(reference.id)) ?? null,
  cameras: (municipality: RegisteredMunicipality, { first }: MunicipalityCamerasArgs, { registry }: CctvContext) =>
    registry.listCameras({ municipalityId: municipality.id, first: listSizeOf(first, camerasDefaultFirst) }),
} satisfies FieldsOf<MunicipalityResolvers>;

const Hit = {
  __resolveReference: (reference: EntityReference) => ({ id: reference.id }),
  // The @access rule (scope, purpose, case) has passed; the edge node checks it again on the identity signed for it.
  async evidence(hit: EntityReference, _args: unknown, { evidence, access }: CctvContext) {
    if (!evidence) return null;
    if (!access) throw codedGraphQLError('DS_AUTH_UNAUTHENTICATED', 'Hit.evidence: no verified identity');
    const found = await evidence.evidenceOf(access, hit.id);
    return found === null ? null : { ...found, capturedAt: formatInstant(Date.parse(found.capturedAt)) };
  },
} satisfies FieldsOf<HitResolvers>;

const PlateHistoryRead = {
  capturedAt: (read: MergedHistoryRead) => formatInstant(read.capturedAtMs),
  camera: async (read: MergedHistoryRead, _args: unknown, { cameraById }: CctvContext) =>
    found(await cameraById(read.cameraId), `camera "${read.cameraId}" of read "${read.readId}"`),
  municipality: async (read: MergedHistoryRead, _args: unknown, { municipalityById }: CctvContext) =>
    found(await municipalityById(read.municipalityId), `municipality "${read.municipalityId}"`),
} satisfies FieldsOf<PlateHistoryReadResolvers>;

const PlateHistorySource = {
  municipality: async (source: HistorySource, _args: unknown, { municipalityById }: CctvContext) =>
    found(await municipalityById(source.municipalityId), `municipality "${source.municipalityId}"`),
  errorCode: (source: HistorySource) => source.code,
  errorMessage: (source: HistorySource) => source.reason,
} satisfies FieldsOf<PlateHistorySourceResolvers>;

export const cctvResolvers = { Query, Mutation, Camera, Hit, IssuedCameraCredential, Municipality, PlateHistoryRead, PlateHistorySource };
