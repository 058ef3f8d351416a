/**
 * Preloaded with `node --import` in a child process: registers
 * yamlBlockerHooks, so `yaml` cannot be imported.
 */
import { register } from 'node:module';

register('./yamlBlockerHooks.js', import.meta.url);
