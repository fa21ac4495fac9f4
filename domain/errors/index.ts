export { errorCodes, type ErrorCode, type ErrorCodeDefinition } from './codes.js';
export { DongseonError, isDongseonError } from './dongseon-error.js';
