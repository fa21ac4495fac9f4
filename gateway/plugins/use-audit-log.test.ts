import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { ApolloServer, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import { parse, printSchema } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { accessPolicyFromSdl, type RequestAccess } from '../../domain/access/index.js';
import { genesisHead, sealAuditRecord, type AuditEntry } from '../../domain/audit/index.js';
import { openAuditLog } from '../../runtime/audit/open-audit-log.js';
import { verifyAuditLog } from '../../runtime/audit/verify-audit-log.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { GatewayContext } from '../gateway-context.js';
import { useAuditLog } from './use-audit-log.js';

const header = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])
  directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT
`;
const subgraphs = {
  police: `${header}
    type WantedVehicle @key(fields: "id") {
      id: ID!
      status: String!
      plate: String @access(agencies: ["police"], personalData: true)
      ownerName: String @access(personalData: true)
    }
    type Query { wantedVehicle(id: ID!): WantedVehicle }`,
  cctv: `${header}
    type Camera @key(fields: "id") { id: ID! name: String! }
    type WantedVehicle @key(fields: "id") { id: ID! lastSeenAt: Camera }
    type Query { cameras: [Camera!]! }`,
};

const composition = composeServices(Object.entries(subgraphs).map(([name, sdl]) => ({ name, url: `http://${name}.invalid/graphql`, typeDefs: parse(sdl) })));
if (composition.errors) throw new Error(composition.errors.map((error) => error.message).join('\n'));
const supergraphSdl = composition.supergraphSdl;
const apiSchemaSdl = printSchema(Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema());
const policy = accessPolicyFromSdl(...Object.values(subgraphs).map((sdl) => parse(sdl)));

const resolvers = {
  Query: {
    wantedVehicle: () => ({ id: 'w1', status: 'ACTIVE', plate: '12가3456', ownerName: '홍길동' }),
    cameras: () => [{ id: 'c1', name: 'Gangnam-daero 1' }],
  },
  WantedVehicle: {
    // Stands in for the subgraph's own @access enforcement: a denied field is a coded error at its path.
    plate: (vehicle: { plate: string }, _args: unknown, context: GatewayContext) => {
      if (context.access?.identity.agency !== 'police') throw codedGraphQLError('DS_AUTH_FORBIDDEN', 'WantedVehicle.plate: agency is not cleared');
      return vehicle.plate;
    },
    lastSeenAt: () => ({ id: 'c1', name: 'Gangnam-daero 1' }),
  },
};

const officer = (agency = 'police'): RequestAccess => ({
  identity: { subject: 'officer-kim', agency, roles: ['investigator'], scopes: ['hotlist:read'], clearance: 2 },
  purpose: '도난 차량 수사',
  caseNumber: '2026-112-0042',
});

/** Stands in for the gateway's refusing plugins (authentication, limits): refuses after the operation resolved. */
const refuseEverything: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation() {
        throw codedGraphQLError('DS_RATE_LIMITED', 'too many requests');
      },
    };
  },
};

const recordingLog = () => {
  const entries: AuditEntry[] = [];
  return {
    entries,
    append: async (entry: AuditEntry) => {
      entries.push(entry);
      return sealAuditRecord(genesisHead, entry, new Date().toISOString());
    },
  };
};

const servers: ApolloServer<GatewayContext>[] = [];
let tempDir: string | undefined;
afterEach(async () => {
  for (const server of servers.splice(0)) await server.stop();
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
  tempDir = undefined;
});

async function startServer(log: Parameters<typeof useAuditLog>[0]['log'], extraPlugins: ApolloServerPlugin<GatewayContext>[] = []) {
  const server = new ApolloServer<GatewayContext>({
    typeDefs: apiSchemaSdl, resolvers, plugins: [...extraPlugins, useAuditLog({ log, policy, supergraphSdl })],
  });
  await server.start();
  servers.push(server);
  return server;
}

async function run(server: ApolloServer<GatewayContext>, query: string, access: RequestAccess | null = officer()) {
  const response: GraphQLResponse = await server.executeOperation(
    { query }, { contextValue: { requestId: 'request-1', ...(access ? { access } : {}) } },
  );
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { status: response.http.status, result: response.body.singleResult };
}

const track = `query Track { wantedVehicle(id: "w1") { status ...Identifying lastSeenAt { name } } }
fragment Identifying on WantedVehicle { plate ownerName }`;

describe('useAuditLog', () => {
  it('records a personal-data query: who, why, the fields with fragments expanded, their subgraphs, allowed', async () => {
    const log = recordingLog();
    const { result } = await run(await startServer(log), track);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ wantedVehicle: { plate: '12가3456', ownerName: '홍길동' } });
    expect(log.entries).toEqual([{
      kind: 'access',
      requestId: 'request-1',
      subject: 'officer-kim',
      agency: 'police',
      purpose: '도난 차량 수사',
      caseNumber: '2026-112-0042',
      operation: { hash: createHash('sha256').update(track).digest('hex'), name: 'Track', type: 'query' },
      fields: ['Camera.name', 'Query.wantedVehicle', 'WantedVehicle.lastSeenAt', 'WantedVehicle.ownerName', 'WantedVehicle.plate', 'WantedVehicle.status'],
      subgraphs: ['cctv', 'police'],
      decision: { outcome: 'allowed', denied: [] },
    }]);
  });

  it('does not record an operation without personal data', async () => {
    const log = recordingLog();
    const { result } = await run(await startServer(log), '{ cameras { name } wantedVehicle(id: "w1") { status } }');
    expect(result.data).toMatchObject({ cameras: [{ name: 'Gangnam-daero 1' }] });
    expect(log.entries).toEqual([]);
  });

  it('records a denied personal field as partial, with its coordinate and code', async () => {
    const log = recordingLog();
    const { result } = await run(await startServer(log), track, officer('cctv-seoul'));
    expect(result.data).toMatchObject({ wantedVehicle: { plate: null, ownerName: '홍길동' } });
    expect(log.entries[0]?.kind === 'access' && log.entries[0].decision).toEqual({
      outcome: 'partial', denied: [{ coordinate: 'WantedVehicle.plate', code: 'DS_AUTH_FORBIDDEN' }],
    });
  });

  it('records as denied when every personal field is refused', async () => {
    const log = recordingLog();
    await run(await startServer(log), '{ wantedVehicle(id: "w1") { status plate } }', officer('cctv-seoul'));
    expect(log.entries[0]).toMatchObject({ operation: { name: null }, decision: { outcome: 'denied', denied: [{ coordinate: 'WantedVehicle.plate', code: 'DS_AUTH_FORBIDDEN' }] } });
  });

  it('records an operation refused before execution as denied when the caller is known', async () => {
    const log = recordingLog();
    const { result } = await run(await startServer(log, [refuseEverything]), track);
    expect(result.data).toBeUndefined();
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({
      subject: 'officer-kim',
      decision: {
        outcome: 'denied',
        denied: [{ coordinate: 'WantedVehicle.ownerName', code: 'DS_RATE_LIMITED' }, { coordinate: 'WantedVehicle.plate', code: 'DS_RATE_LIMITED' }],
      },
    });
  });

  it('withholds the data with DS_AUDIT_WRITE_FAILED (503) when the record cannot be written', async () => {
    const failingLog = { append: () => Promise.reject(new Error('ENOSPC: no space left on device')) };
    const { status, result } = await run(await startServer(failingLog), track);
    expect(status).toBe(503);
    expect(result).toEqual({
      errors: [{
        message: 'the access could not be recorded in the audit log, so no personal data was served',
        extensions: { code: 'DS_AUDIT_WRITE_FAILED', httpStatus: 503 },
      }],
    });
    expect(JSON.stringify(result)).not.toContain('12가3456');
  });

  it('withholds personal data that reached execution without a verified identity', async () => {
    const log = recordingLog();
    const { status, result } = await run(await startServer(log), track, null);
    expect(status).toBe(401);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.extensions?.code).toBe('DS_AUTH_UNAUTHENTICATED');
    expect(log.entries).toEqual([]);
  });

  it('makes each record durable in the on-disk log before the response is sent', async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'dongseon-audit-plugin-'));
    const log = await openAuditLog({ dir: tempDir, rotateBytes: 1024 * 1024 });
    try {
      const server = await startServer(log);
      await run(server, track);
      await run(server, track, officer('cctv-seoul'));
      expect(log.head().sequence).toBe(2);
      expect(await verifyAuditLog(tempDir)).toMatchObject({ ok: true, records: 2 });
    } finally {
      await log.close();
    }
  });
});
