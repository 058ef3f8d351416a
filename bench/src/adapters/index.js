// The libraries under comparison, by key, loaded lazily so that a child process measuring one
// library never loads another. Each `create(spec)` resolves to { run, respond, close }.

const nestFeatures = {
  attempt: { timeout: true, aggregation: true, cache: true, singleFlight: 'only with cacheFor' },
  updown: { timeout: false, aggregation: true, cache: false, singleFlight: false },
};

export const libraries = {
  pulsecheck: {
    label: 'pulsecheck',
    features: { timeout: true, aggregation: true, cache: true, singleFlight: true },
    create: async (spec) => (await import('./pulsecheck.js')).create(spec),
  },
  nest: {
    label: '@nestjs/terminus (attempt + withTimeout)',
    features: nestFeatures.attempt,
    create: async (spec) => (await import('./nestTerminus.js')).create({ ...spec, style: 'attempt' }),
  },
  'nest-updown': {
    label: '@nestjs/terminus (up()/down(), no timeout)',
    features: nestFeatures.updown,
    create: async (spec) => (await import('./nestTerminus.js')).create({ ...spec, style: 'updown' }),
  },
  adonis: {
    label: '@adonisjs/health',
    features: { timeout: false, aggregation: true, cache: true, singleFlight: false },
    create: async (spec) => (await import('./adonisHealth.js')).create(spec),
  },
  godaddy: {
    label: '@godaddy/terminus',
    features: { timeout: false, aggregation: false, cache: false, singleFlight: false },
    // HTTP only: its healthChecks function is user code, so its aggregation is the bare one below.
    create: async (spec) => (await import('./bare.js')).create(spec),
    httpOnly: true,
  },
  bare: {
    label: 'bare Promise.allSettled (floor)',
    features: { timeout: false, aggregation: 'hand-written', cache: false, singleFlight: false },
    create: async (spec) => (await import('./bare.js')).create(spec),
  },
};

export function library(key) {
  const entry = libraries[key];
  if (entry === undefined) throw new Error(`bench: unknown library '${key}' (expected one of: ${Object.keys(libraries).join(', ')})`);
  return entry;
}
