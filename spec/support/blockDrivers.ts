/**
 * Preloaded with `node --import` in a child process: registers
 * driverBlockerHooks, so the optional peer drivers cannot be imported.
 */
import { register } from 'node:module';

register('./driverBlockerHooks.js', import.meta.url);
