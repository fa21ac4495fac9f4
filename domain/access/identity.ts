/** Clearance levels, lowest first. */
export const clearanceLevels = { public: 0, internal: 1, restricted: 2, secret: 3 } as const;

/** Who is asking: the verified claims of an access token. */
export interface Identity {
  /** Stable id of the person or system (JWT `sub`). */
  readonly subject: string;
  /** The agency the caller acts for, e.g. `police`, `moj`, `cctv-seoul`, `signals`, `civic`. */
  readonly agency: string;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
  /** 0 public, 1 internal, 2 restricted, 3 secret. */
  readonly clearance: number;
  /**
   * The municipalities whose registry entries (the municipality and its cameras) the caller may change with
   * `cameras:write`; absent, none. No role is region-wide: a regional operator's token names every municipality.
   */
  readonly municipalities?: readonly string[];
}

/** Why personal data is asked for: both are required for every personal-data field, and audited. */
export interface AccessPurpose {
  readonly purpose?: string;
  readonly caseNumber?: string;
}

/** What a subgraph knows about the request once the gateway's signed identity header is verified. */
export interface RequestAccess extends AccessPurpose {
  readonly identity: Identity;
}
