import { followGuide } from '../support/followGuide.js';

/** Each program checks a local service once and must exit (it closes its client); each must find its service healthy. */
followGuide('bundled-checks', {
  output: {
    'node dist/postgres.js': /'DatabaseHealthCheck: working'/,
    'node dist/redis.js': /^pass$/m,
    'node dist/rabbitmq.js': /^pass$/m,
    'node dist/mysql.js': /^pass PrimaryHealthCheck$/m,
    'node dist/nats.js': /^pass EventsHealthCheck$/m,
    'node dist/mqtt.js': /^pass TelemetryHealthCheck$/m,
  },
});
