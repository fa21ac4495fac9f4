export { freePorts } from '../../infra/stack/ports.js';
