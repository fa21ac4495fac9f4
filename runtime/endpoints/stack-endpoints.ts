import { readFileSync } from 'node:fs';
import { DongseonError } from '../../domain/errors/index.js';
import { loadStackConfig, type StackConfig } from './stack-config.js';
import { mosquittoAdminPasswordFile, neo4jPasswordFile } from './stack-paths.js';

export const loopback = '127.0.0.1';
export const localPorts = { redis: 16379, bolt: 17687, mqtt: 11883 } as const;
export const localNeo4jUser = 'neo4j';

export interface Neo4jEndpoint {
  readonly uri: string;
  readonly user: string;
  readonly password: string;
}

/** Where every Dongseon process and test finds Redis, Neo4j and the MQTT broker. */
export interface StackEndpoints {
  readonly redisUrl: string;
  readonly neo4j: Neo4jEndpoint;
  readonly mqttUrl: string;
}

export const localRedisUrl = `redis://${loopback}:${localPorts.redis}`;
export const localNeo4jUri = `bolt://${loopback}:${localPorts.bolt}`;
export const localMqttUrl = `mqtt://${loopback}:${localPorts.mqtt}`;

export function stackEndpoints(env: Record<string, string | undefined> = process.env): StackEndpoints {
  return endpointsFor(loadStackConfig(env), readLocalNeo4jPassword);
}

export function endpointsFor(config: StackConfig, localNeo4jPassword: () => string): StackEndpoints {
  return {
    redisUrl: config.REDIS_URL ?? localRedisUrl,
    neo4j: config.NEO4J_URI === undefined
      ? { uri: localNeo4jUri, user: localNeo4jUser, password: localNeo4jPassword() }
      : { uri: config.NEO4J_URI, user: config.NEO4J_USER ?? localNeo4jUser, password: config.NEO4J_PASSWORD ?? '' },
    mqttUrl: config.MQTT_URL ?? localMqttUrl,
  };
}

export const localMqttAdminUser = 'admin';

/** The broker's dynamic-security admin: the local broker's (its generated password) or MQTT_ADMIN_* for an external one. */
export function brokerAdminEndpoint(env: Record<string, string | undefined> = process.env): { url: string; username: string; password: string } {
  const config = loadStackConfig({ MQTT_URL: env.MQTT_URL, MQTT_ADMIN_USERNAME: env.MQTT_ADMIN_USERNAME, MQTT_ADMIN_PASSWORD: env.MQTT_ADMIN_PASSWORD });
  if (config.MQTT_URL === undefined || config.MQTT_URL === localMqttUrl) {
    return { url: localMqttUrl, username: localMqttAdminUser, password: readSecretFile(mosquittoAdminPasswordFile, 'The local MQTT broker has no admin password yet') };
  }
  return { url: config.MQTT_URL, username: config.MQTT_ADMIN_USERNAME ?? localMqttAdminUser, password: config.MQTT_ADMIN_PASSWORD ?? '' };
}

export function readLocalNeo4jPassword(): string {
  return readNeo4jPassword(neo4jPasswordFile);
}

/** The password a Neo4j of our own generated at its first start, from its password file. */
export function readNeo4jPassword(passwordFile: string): string {
  return readSecretFile(passwordFile, 'The local Neo4j has no password yet');
}

function readSecretFile(passwordFile: string, missing: string): string {
  try {
    return readFileSync(passwordFile, 'utf8').trim();
  } catch (error) {
    throw new DongseonError(
      'DS_STACK_NOT_STARTED',
      `${missing} (${passwordFile}); run \`npm run stack -- up\` first.`,
      {},
      { cause: error },
    );
  }
}

/** A URL fit for logs: any password in it is masked. */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password !== '') parsed.password = '***';
  return parsed.toString().replace(/\/$/, '');
}
