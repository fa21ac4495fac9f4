import { randomUUID } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { DongseonError } from '../../domain/errors/index.js';

/**
 * The broker's accounts, kept in mosquitto's dynamic security plugin over `$CONTROL/dynamic-security/v1`.
 *
 * - A camera credential is its own broker client: username = the credential's key id, password = its secret, with
 *   the camera's role `camera:<municipality>:<cameraId>`, which may publish only its own reads and frames topics and
 *   subscribe to (and so receive) only its own rejected topic. Revoking the credential deletes the client, which the broker
 *   disconnects at once.
 * - An edge node is the client `edge-<municipality>` with the role `edge:<municipality>`: it subscribes to its
 *   municipality's reads and frames and publishes rejections to its cameras.
 * Everything else is refused by the broker's default ACL (no publish, no subscribe).
 */

export interface BrokerAdminEndpoint {
  readonly url: string;
  readonly username: string;
  readonly password: string;
}

export const cameraReadsTopic = (municipalityId: string, cameraId: string) => `dongseon/${municipalityId}/cameras/${cameraId}/reads`;
export const cameraFramesTopic = (municipalityId: string, cameraId: string) => `dongseon/${municipalityId}/cameras/${cameraId}/frames`;
export const cameraRejectedTopic = (municipalityId: string, cameraId: string) => `dongseon/${municipalityId}/cameras/${cameraId}/rejected`;
export const cameraRoleName = (municipalityId: string, cameraId: string) => `camera:${municipalityId}:${cameraId}`;
export const edgeRoleName = (municipalityId: string) => `edge:${municipalityId}`;
export const edgeBrokerUsername = (municipalityId: string) => `edge-${municipalityId}`;

const controlTopic = '$CONTROL/dynamic-security/v1';
const responseTopic = `${controlTopic}/response`;
const commandTimeoutMs = 5_000;

interface Acl { readonly acltype: string; readonly topic: string; readonly allow: boolean }
interface DynsecCommand { readonly command: string; readonly [field: string]: unknown }
interface DynsecResponse { readonly command: string; readonly error?: string; readonly data?: unknown; readonly correlationData?: string }

const cameraAcls = (municipalityId: string, cameraId: string): Acl[] => [
  { acltype: 'publishClientSend', topic: cameraReadsTopic(municipalityId, cameraId), allow: true },
  { acltype: 'publishClientSend', topic: cameraFramesTopic(municipalityId, cameraId), allow: true },
  { acltype: 'subscribeLiteral', topic: cameraRejectedTopic(municipalityId, cameraId), allow: true },
  { acltype: 'publishClientReceive', topic: cameraRejectedTopic(municipalityId, cameraId), allow: true },
];

const edgeAcls = (municipalityId: string): Acl[] => [
  { acltype: 'subscribeLiteral', topic: cameraReadsTopic(municipalityId, '+'), allow: true },
  { acltype: 'publishClientReceive', topic: cameraReadsTopic(municipalityId, '+'), allow: true },
  { acltype: 'subscribeLiteral', topic: cameraFramesTopic(municipalityId, '+'), allow: true },
  { acltype: 'publishClientReceive', topic: cameraFramesTopic(municipalityId, '+'), allow: true },
  { acltype: 'publishClientSend', topic: cameraRejectedTopic(municipalityId, '+'), allow: true },
];

const brokerFailure = (what: string, detail: string, cause?: unknown) =>
  new DongseonError('DS_BROKER_UNAVAILABLE', `${what}: ${detail}`, {}, cause === undefined ? undefined : { cause });

export interface BrokerAccounts {
  /** Creates the broker client of a camera credential (and the camera's role if new); a client already there is kept. */
  createCameraClient(municipalityId: string, cameraId: string, keyId: string, secret: string): Promise<void>;
  /** Deletes a credential's broker client, which the broker disconnects at once; a client not there is no error. */
  deleteCameraClient(keyId: string): Promise<void>;
  /** Creates the edge node's client and role, or sets its password when it is there. */
  ensureEdgeClient(municipalityId: string, password: string): Promise<void>;
  /** A round trip through the plugin (reads the default ACL access): health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Connects as the broker's dynamic-security admin. */
export async function connectBrokerAccounts(admin: BrokerAdminEndpoint): Promise<BrokerAccounts> {
  let client: MqttClient;
  try {
    client = await mqtt.connectAsync(admin.url, {
      clientId: `dongseon-broker-admin-${randomUUID()}`, username: admin.username, password: admin.password,
      clean: true, connectTimeout: 3_000, reconnectPeriod: 0,
    }, false);
  } catch (error) {
    throw brokerFailure('broker accounts', `cannot log in to the broker as its admin (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const waiting = new Map<string, (response: DynsecResponse) => void>();
  client.on('message', (topic, payload) => {
    if (topic !== responseTopic) return;
    try {
      const { responses = [] } = JSON.parse(payload.toString('utf8')) as { responses?: DynsecResponse[] };
      for (const response of responses) {
        const resolve = response.correlationData === undefined ? undefined : waiting.get(response.correlationData);
        resolve?.(response);
      }
    } catch {
      // not a response of ours
    }
  });
  try {
    const granted = await client.subscribeAsync(responseTopic, { qos: 1 });
    if (granted.some((grant) => grant.qos === 128)) throw new Error('the admin may not read the plugin\'s responses');
  } catch (error) {
    await client.endAsync(true);
    throw brokerFailure('broker accounts', error instanceof Error ? error.message : String(error), error);
  }

  const run = async (command: DynsecCommand): Promise<DynsecResponse> => {
    if (!client.connected) throw brokerFailure(command.command, 'not connected to the broker');
    const correlationData = randomUUID();
    const response = new Promise<DynsecResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiting.delete(correlationData);
        reject(brokerFailure(command.command, `no answer from the broker within ${commandTimeoutMs / 1000} s`));
      }, commandTimeoutMs);
      waiting.set(correlationData, (answer) => {
        clearTimeout(timer);
        waiting.delete(correlationData);
        resolve(answer);
      });
    });
    try {
      await client.publishAsync(controlTopic, JSON.stringify({ commands: [{ ...command, correlationData }] }), { qos: 1 });
    } catch (error) {
      waiting.get(correlationData)?.({ command: command.command, error: String(error) });
    }
    return response;
  };

  /** Runs a command; an error whose text is in `harmless` (e.g. "already exists" on a retry) counts as done. */
  const expect = async (command: DynsecCommand, harmless: readonly string[] = []): Promise<DynsecResponse> => {
    const response = await run(command);
    if (response.error !== undefined && !harmless.some((text) => response.error?.includes(text))) {
      throw brokerFailure(command.command, response.error);
    }
    return response;
  };

  // A role made by an older version keeps its ACLs on createRole; adding each ACL brings it up to date.
  const ensureRole = async (rolename: string, acls: Acl[]): Promise<void> => {
    const created = await expect({ command: 'createRole', rolename, acls }, ['already exists']);
    if (created.error === undefined) return;
    for (const acl of acls) await expect({ command: 'addRoleACL', rolename, ...acl }, ['already exists']);
  };

  return {
    async createCameraClient(municipalityId, cameraId, keyId, secret) {
      await ensureRole(cameraRoleName(municipalityId, cameraId), cameraAcls(municipalityId, cameraId));
      await expect({ command: 'createClient', username: keyId, password: secret, roles: [{ rolename: cameraRoleName(municipalityId, cameraId) }] }, ['already exists']);
    },
    async deleteCameraClient(keyId) {
      await expect({ command: 'deleteClient', username: keyId }, ['not found']);
    },
    async ensureEdgeClient(municipalityId, password) {
      await ensureRole(edgeRoleName(municipalityId), edgeAcls(municipalityId));
      const username = edgeBrokerUsername(municipalityId);
      const created = await expect({ command: 'createClient', username, password, roles: [{ rolename: edgeRoleName(municipalityId) }] }, ['already exists']);
      if (created.error !== undefined) await expect({ command: 'setClientPassword', username, password });
    },
    async ping() {
      await expect({ command: 'getDefaultACLAccess' });
    },
    async close() {
      await client.endAsync(true);
    },
  };
}

/**
 * The broker's accounts for a long-running process (the cctv subgraph): connects on first use, and again on the
 * next use after a failure, so a broker that was down or restarted costs one coded error, not a restart.
 */
export function brokerAccountsAt(admin: BrokerAdminEndpoint): BrokerAccounts {
  let current: Promise<BrokerAccounts> | undefined;
  const using = async (work: (accounts: BrokerAccounts) => Promise<void>): Promise<void> => {
    current ??= connectBrokerAccounts(admin);
    const connection = current;
    try {
      await work(await connection);
    } catch (error) {
      if (current === connection) current = undefined;
      void connection.then((accounts) => accounts.close()).catch(() => undefined);
      throw error;
    }
  };
  return {
    createCameraClient: (...args) => using((accounts) => accounts.createCameraClient(...args)),
    deleteCameraClient: (keyId) => using((accounts) => accounts.deleteCameraClient(keyId)),
    ensureEdgeClient: (municipalityId, password) => using((accounts) => accounts.ensureEdgeClient(municipalityId, password)),
    ping: () => using((accounts) => accounts.ping()),
    async close() {
      const connection = current;
      current = undefined;
      if (connection) await connection.then((accounts) => accounts.close(), () => undefined);
    },
  };
}
