export { clearanceLevels, type Identity, type AccessPurpose, type RequestAccess } from './identity.js';
export {
  accessPolicyFromSdl, decideAccess, decideAll, rulesForField, involvesPersonalData, accessDirectiveName,
  type AccessRule, type AccessPolicy, type AccessDecision,
} from './access-policy.js';
export { statedPurpose, statedPurposeLimits, statedText } from './stated-purpose.js';
