import type { Identity } from '../../domain/access/index.js';

/** Sample users of each agency for development, tests, the demo and benchmarks; never for production. */
export const sampleUsers = {
  'police-officer': {
    subject: 'police-officer-kim', agency: 'police', roles: ['officer'], clearance: 2,
    scopes: ['hotlist:read', 'hits:read', 'hits:decide', 'cases:read', 'sightings:read', 'patrol:read'],
  },
  'police-investigator': {
    subject: 'police-investigator-park', agency: 'police', roles: ['investigator'], clearance: 3,
    scopes: [
      'hotlist:read', 'hotlist:write', 'hits:read', 'hits:decide', 'cases:read', 'cases:write', 'sightings:read', 'moj:subjects:read', 'reads:history',
      'patrol:read', 'patrol:write',
    ],
  },
  'patrol-car': {
    subject: 'patrol-car-system', agency: 'police', roles: ['system'], clearance: 1,
    scopes: ['patrol:report'],
  },
  'moj-officer': {
    subject: 'moj-officer-lee', agency: 'moj', roles: ['probation-officer'], clearance: 3,
    scopes: ['moj:subjects:read'],
  },
  'city-operator': {
    subject: 'city-operator-choi', agency: 'cctv', roles: ['operator'], clearance: 1,
    scopes: ['cameras:write'], municipalities: ['suwon'],
  },
  'signals-engineer': {
    subject: 'signals-engineer-jung', agency: 'signals', roles: ['engineer'], clearance: 1,
    scopes: ['signals:read', 'signals:write'],
  },
  'fire-dispatcher': {
    subject: 'fire-dispatcher-yoon', agency: 'fire', roles: ['dispatcher'], clearance: 1,
    scopes: [],
  },
  'civic-developer': {
    subject: 'civic-app-1', agency: 'civic', roles: ['developer'], clearance: 0,
    scopes: ['civic:read'],
  },
  supervisor: {
    subject: 'supervisor-han', agency: 'hub', roles: ['supervisor'], clearance: 3,
    scopes: ['audit:read'],
  },
  'edge-node': {
    subject: 'edge-node-system', agency: 'edge', roles: ['system'], clearance: 2,
    scopes: ['hits:write'],
  },
} as const satisfies Record<string, Identity>;

export type SampleUserName = keyof typeof sampleUsers;
export const sampleUserNames = Object.keys(sampleUsers) as SampleUserName[];
