// What the figures were measured on.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

async function versionOf(specifier) {
  try {
    const path = fileURLToPath(new URL(`../node_modules/${specifier}/package.json`, import.meta.url));
    return JSON.parse(await readFile(path, 'utf8')).version;
  } catch {
    try {
      const path = fileURLToPath(new URL(`../../node_modules/${specifier}/package.json`, import.meta.url));
      return JSON.parse(await readFile(path, 'utf8')).version;
    } catch {
      return 'unknown';
    }
  }
}

export async function machineInfo() {
  const pulsecheck = JSON.parse(await readFile(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')).version;
  const cpus = os.cpus();
  const packages = {};
  for (const name of ['@nestjs/terminus', '@nestjs/core', '@nestjs/common', '@adonisjs/health', '@godaddy/terminus', 'autocannon', 'inversify', 'pg', 'ioredis', 'amqplib']) {
    packages[name] = await versionOf(name);
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
    pulsecheck,
    packages,
  };
}
