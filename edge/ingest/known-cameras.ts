import type { Driver } from 'neo4j-driver';
import { parseCameraToken, secretMatches } from '../../runtime/identity/camera-credential.js';
import { createCameraCredentialStore, type CameraCredentialHash } from '../../stores/camera-registry/camera-credential-store.js';

/**
 * The cameras of this edge node's municipality, as registered in the camera registry, with the hashes of the
 * credentials each holds; validation asks `has`, ingest asks `authenticate`.
 */
export interface KnownCameras {
  has(cameraId: string): boolean;
  ids(): readonly string[];
  /**
   * The camera a token (`<keyId>.<secret>`) belongs to, or undefined: malformed, unknown key, wrong secret, or
   * revoked by the last refresh. The secret is compared in constant time.
   */
  authenticate(token: string | undefined): Promise<string | undefined>;
  /** Loads the set now; rejects when the registry cannot be read (the last good set stays). */
  refresh(): Promise<void>;
  /** Loads once (rejecting if that fails), then refreshes every `refreshMs`. */
  start(): Promise<void>;
  stop(): void;
}

export interface KnownCamerasOptions {
  readonly driver: Driver;
  readonly municipalityId: string;
  readonly refreshMs: number;
  /**
   * An unknown key id makes the node reload the registry at once, at most this often (a camera issued a credential
   * a moment ago is accepted without waiting for the next periodic refresh; within this period after another such
   * reload it is refused, and accepted when it sends again). Revocation waits for the periodic refresh.
   */
  readonly unknownKeyRefreshMs?: number;
  /** A failed periodic refresh keeps the last good set and is reported here. */
  readonly onError?: (error: unknown) => void;
}

interface CameraKeys {
  readonly cameras: ReadonlySet<string>;
  /** keyId → the camera and the SHA-256 of its secret. */
  readonly keys: ReadonlyMap<string, { readonly cameraId: string; readonly secretSha256: string }>;
}

function cameraKeysOf(cameras: ReadonlyMap<string, readonly CameraCredentialHash[]>): CameraKeys {
  const keys = new Map<string, { cameraId: string; secretSha256: string }>();
  for (const [cameraId, credentials] of cameras) {
    for (const { keyId, secretSha256 } of credentials) keys.set(keyId, { cameraId, secretSha256 });
  }
  return { cameras: new Set(cameras.keys()), keys };
}

function verify(state: CameraKeys, token: string | undefined): string | undefined | 'unknown-key' {
  const parsed = token === undefined ? undefined : parseCameraToken(token);
  if (parsed === undefined) return undefined;
  const key = state.keys.get(parsed.keyId);
  if (!secretMatches(parsed.secret, key?.secretSha256)) return key === undefined ? 'unknown-key' : undefined;
  return key?.cameraId;
}

export function createKnownCameras(options: KnownCamerasOptions): KnownCameras {
  const { driver, municipalityId, refreshMs, unknownKeyRefreshMs = 2_000, onError = () => undefined } = options;
  const credentials = createCameraCredentialStore(driver);
  let state: CameraKeys = { cameras: new Set(), keys: new Map() };
  let timer: NodeJS.Timeout | undefined;
  // When an unknown key last made the node reload: a flood of made-up key ids costs one registry read per period.
  let lastOnDemandMs = -Infinity;
  let loading: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    // One load at a time: a refresh asked for while one runs waits for it.
    loading ??= (async () => {
      try {
        state = cameraKeysOf(await credentials.municipalityCameras(municipalityId));
      } finally {
        loading = undefined;
      }
    })();
    return loading;
  };

  return {
    has: (cameraId) => state.cameras.has(cameraId),
    ids: () => [...state.cameras].sort(),
    async authenticate(token) {
      const first = verify(state, token);
      if (first !== 'unknown-key') return first;
      if (Date.now() - lastOnDemandMs < unknownKeyRefreshMs) return undefined;
      lastOnDemandMs = Date.now();
      // A load already running may have read the registry before the key was issued: wait for it, then load anew.
      await loading?.catch(() => undefined);
      await refresh().catch(onError);
      const second = verify(state, token);
      return second === 'unknown-key' ? undefined : second;
    },
    refresh,
    async start() {
      await refresh();
      timer = setInterval(() => void refresh().catch(onError), refreshMs);
      timer.unref();
    },
    stop() {
      clearInterval(timer);
    },
  };
}

/** A fixed set, for tests: camera id → the SHA-256 of each secret it holds, by key id. */
export function fixedKnownCameras(ids: readonly string[], credentials: ReadonlyMap<string, readonly CameraCredentialHash[]> = new Map()): KnownCameras {
  const state = cameraKeysOf(new Map(ids.map((id) => [id, credentials.get(id) ?? []])));
  return {
    has: (cameraId) => state.cameras.has(cameraId),
    ids: () => [...state.cameras].sort(),
    authenticate: (token) => {
      const cameraId = verify(state, token);
      return Promise.resolve(cameraId === 'unknown-key' ? undefined : cameraId);
    },
    refresh: () => Promise.resolve(),
    start: () => Promise.resolve(),
    stop: () => undefined,
  };
}
