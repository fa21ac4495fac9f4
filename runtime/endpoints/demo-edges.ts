/** The demo region's municipalities, each with its own edge node. */
export const demoMunicipalities = ['suwon', 'hwaseong', 'osan'] as const;

export type DemoMunicipality = (typeof demoMunicipalities)[number];

/** The loopback port a demo municipality's edge node listens on when `npm start` runs it. */
export const edgePortOf = (municipality: DemoMunicipality): number => 8481 + demoMunicipalities.indexOf(municipality);
