import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { AccessContext } from '../../runtime/graphql/enforce-access.js';

/** A subgraph the gateway tester starts: inline federation SDL and its resolvers. */
export interface TestSubgraph {
  readonly name: string;
  readonly sdl: string;
  readonly resolvers: GraphQLResolverMap<AccessContext>;
}

const federationHeader = (imports: string) => `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: [${imports}])
directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT
`;

export const wantedVehicles = [
  { id: 'wv-1', plate: '12가3456', priority: 80, camera: { id: 'cam-1' } },
  { id: 'wv-2', plate: '34나5678', priority: 20, camera: { id: 'cam-2' } },
];

/** Police-like: a wanted list whose plate is police-only personal data, plus probes for the gateway's behaviour. */
export const wantedSdl = `${federationHeader('"@key"')}
type WantedVehicle @key(fields: "id") {
  id: ID!
  plate: String @access(agencies: ["police"], scopes: ["hotlist:read"], personalData: true)
  priority: Int!
  camera: Camera
}

type Camera @key(fields: "id", resolvable: false) {
  id: ID!
}

"""Who the subgraph believes is asking: read from the verified identity header."""
type Caller {
  subject: String!
  agency: String!
  purpose: String
  caseNumber: String
}

type Query {
  wantedVehicle(id: ID!): WantedVehicle
  wantedVehicles(first: Int = 10): [WantedVehicle!]!
  whoAmI: Caller
  """Throws a plain Error holding internals."""
  failing: String
  """Answers after 2 seconds."""
  slow: String
}
`;

export const wantedSubgraph: TestSubgraph = {
  name: 'wanted',
  sdl: wantedSdl,
  resolvers: {
    Query: {
      wantedVehicle: (_: unknown, { id }: { id: string }) => wantedVehicles.find((vehicle) => vehicle.id === id) ?? null,
      wantedVehicles: (_: unknown, { first }: { first: number }) => wantedVehicles.slice(0, first),
      whoAmI: (_: unknown, __: unknown, { access }: AccessContext) => access && {
        subject: access.identity.subject, agency: access.identity.agency, purpose: access.purpose, caseNumber: access.caseNumber,
      },
      failing: () => {
        throw new Error('connection to postgres://police:s3cret@10.0.0.7/hotlist refused');
      },
      slow: async () => {
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return 'too late';
      },
    },
  },
};

/**
 * The same subgraph with a bug: it declares no @access on `plate` and so serves it to anyone. The gateway's
 * policy still comes from `wantedSdl`, the contract.
 */
export const leakyWantedSubgraph: TestSubgraph = { ...wantedSubgraph, sdl: wantedSdl.replace(/(?<!directive)\s@access\([^)]*\)/g, '') };

/** CCTV-like: cameras, nested without end through `nearby`, for depth and cost. */
export const cameraSubgraph: TestSubgraph = {
  name: 'camera',
  sdl: `${federationHeader('"@key"')}
type Camera @key(fields: "id") {
  id: ID!
  name: String!
  nearby(first: Int = 5): [Camera!]!
}

type Query {
  camera(id: ID!): Camera
  cameras(first: Int = 10): [Camera!]!
}
`,
  resolvers: {
    Camera: {
      __resolveReference: ({ id }: { id: string }) => ({ id }),
      name: ({ id }: { id: string }) => `camera ${id}`,
      nearby: ({ id }: { id: string }, { first }: { first: number }) => Array.from({ length: Math.min(first, 3) }, (_, index) => ({ id: `${id}.${index}` })),
    },
    Query: {
      camera: (_: unknown, { id }: { id: string }) => ({ id }),
      cameras: (_: unknown, { first }: { first: number }) => Array.from({ length: Math.min(first, 3) }, (_, index) => ({ id: `cam-${index + 1}` })),
    },
  },
};
