// A NestJS 11 application on the Express platform serving GET /health, in its own process, for one library:
//   BENCH_NEST_LIB=pulsecheck  PulsecheckModule.forRoot() from pulsecheck/nest (its own routes);
//   BENCH_NEST_LIB=pulsecheck-nosf  the same with singleFlight: false (every request runs its own checks, as terminus does);
//   BENCH_NEST_LIB=terminus    TerminusModule + a @HealthCheck() controller calling HealthCheckService.check().
// The same app shape for both: one Nest provider (`Works`) that the three checks depend on, each check an
// async call with an 800 ms timeout, logger off. Nest, @nestjs/terminus and @nestjs/platform-express are
// loaded from the repository's own node_modules (Nest 11), the copy pulsecheck/nest resolves its peers
// from: one Nest for both apps. Prints `listening <port>` and answers IPC `cpu` and `close`.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const root = new URL('../../', import.meta.url);
const rootRequire = createRequire(new URL('package.json', root));
const load = (name) => import(pathToFileURL(rootRequire.resolve(name)).href);

const lib = process.env.BENCH_NEST_LIB;
const checkNames = ['check1', 'check2', 'check3'];
const timeoutMs = 800;

await load('reflect-metadata');
const { Controller, Get, Inject, Injectable, Module } = await load('@nestjs/common');
const { NestFactory } = await load('@nestjs/core');

/** The checks' dependency, an ordinary Nest provider: one async call per check. */
class Works {
  async call() {
    await null;
  }
}
Injectable()(Works);

let AppModule;
if (lib === 'pulsecheck' || lib === 'pulsecheck-nosf') {
  const { HealthCheck } = await import(new URL('dist/index.js', root).href);
  const { PulsecheckModule } = await import(new URL('dist/nest/index.js', root).href);
  const { inject } = await load('inversify');
  const checks = checkNames.map((name) => {
    const Check = {
      [name]: class extends HealthCheck {
        constructor(works) {
          super();
          this.works = works;
        }

        async check() {
          await this.works.call();
        }
      },
    }[name];
    inject(Works)(Check, undefined, 0);
    return Check;
  });
  AppModule = class AppModule {};
  Module({ imports: [PulsecheckModule.forRoot({ checks, defaultTimeoutMs: timeoutMs, singleFlight: lib === 'pulsecheck' })], providers: [Works] })(AppModule);
} else if (lib === 'terminus') {
  const { HealthCheck, HealthCheckService, HealthIndicatorService, TerminusModule } = await load('@nestjs/terminus');
  class HealthController {
    constructor(health, indicators, works) {
      this.health = health;
      this.indicators = indicators;
      this.works = works;
    }

    check() {
      return this.health.check(checkNames.map((name) => () => this.indicators.check(name).attempt(() => this.works.call()).withTimeout(timeoutMs)));
    }
  }
  Inject(HealthCheckService)(HealthController, undefined, 0);
  Inject(HealthIndicatorService)(HealthController, undefined, 1);
  Inject(Works)(HealthController, undefined, 2);
  const descriptor = Object.getOwnPropertyDescriptor(HealthController.prototype, 'check');
  Get()(HealthController.prototype, 'check', descriptor);
  HealthCheck()(HealthController.prototype, 'check', descriptor);
  Controller('health')(HealthController);
  AppModule = class AppModule {};
  Module({ imports: [TerminusModule.forRoot({ logger: false })], controllers: [HealthController], providers: [Works] })(AppModule);
} else {
  throw new Error(`BENCH_NEST_LIB must be pulsecheck, pulsecheck-nosf or terminus, got ${lib}`);
}

const app = await NestFactory.create(AppModule, { logger: false });
await app.listen(0, '127.0.0.1');
const { port } = app.getHttpServer().address();
process.on('message', async (message) => {
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send({ id: message.id, cpuUs: user + system });
  } else if (message.type === 'close') {
    await app.close();
    process.send({ id: message.id });
    process.disconnect();
  }
});
process.send({ type: 'ready', port });
