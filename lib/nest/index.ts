/**
 * `pulsecheck/nest`: pulsecheck as a NestJS module. The checks' dependencies
 * come from Nest's container; {@link pulsecheck!HealthService | HealthService} is a Nest provider; the
 * health routes are served on Express and Fastify; readiness turns 503 on
 * shutdown. `@nestjs/common` and `@nestjs/core` are optional peer
 * dependencies, loaded by this entry point only: importing `pulsecheck`
 * never loads Nest.
 *
 * @packageDocumentation
 */
import 'reflect-metadata';

export { PulsecheckModule } from './PulsecheckModule.js';
export type { PulsecheckModuleAsyncOptions, PulsecheckModuleFactoryOptions } from './PulsecheckModuleAsyncOptions.js';
export type { PulsecheckModuleOptions } from './PulsecheckModuleOptions.js';
