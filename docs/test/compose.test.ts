/**
 * docker-compose.yml cannot run here (no Docker engine), so this checks its structure: the
 * services and their images or Dockerfile targets, health checks, depends_on conditions, and
 * that the environment given to Fairdrop is what server/src/config.ts reads.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
interface Service {
  image?: string; build?: { context: string; target?: string }; command?: string[]; environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>; healthcheck?: { test: string[] }; restart?: string; deploy?: { replicas?: number };
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown>; configs: Record<string, { content: string }> };
const services = compose.services;
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const configSource = readFileSync(join(root, 'server', 'src', 'config.ts'), 'utf8');
const FAIRDROP = ['worker', 'api', 'sse'] as const;

describe('docker-compose.yml', () => {
  it('has Restate, NATS, the three Fairdrop roles, the registration step, a gateway and the storefront', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'gateway', 'nats', 'register', 'restate', 'sse', 'storefront', 'worker']);
    expect(services.nats!.command).toContain('--jetstream');
    for (const role of FAIRDROP) expect(services[role]!.environment!.FAIRDROP_ROLE).toBe(role);
    expect(services.api!.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(services.sse!.deploy?.replicas).toBeGreaterThanOrEqual(2);
  });

  it('gives every service an image or a build whose target the Dockerfile defines', () => {
    const targets = [...dockerfile.matchAll(/^FROM \S+ AS (\S+)$/gm)].map((m) => m[1]);
    for (const [name, s] of Object.entries(services)) {
      expect(s.image ?? s.build, name).toBeTruthy();
      if (s.build) {
        expect(s.build.context, name).toBe('.');
        expect(targets, name).toContain(s.build.target);
      }
    }
  });

  it('health-checks every long-running service and runs the registration once', () => {
    for (const [name, s] of Object.entries(services)) {
      if (name === 'register') continue;
      expect(s.healthcheck?.test?.[0], name).toMatch(/^CMD(-SHELL)?$/);
    }
    expect(services.register!.restart).toBe('no');
    expect(services.register!.command!.join(' ')).toMatch(/POST http:\/\/restate:9070\/deployments .*"uri": "http:\/\/worker:9080"/);
    expect(services.worker!.environment!.RESTATE_ENDPOINT_PORT).toBe('9080');
  });

  it('starts in order: depends_on names existing services with valid conditions, without cycles', () => {
    for (const [name, s] of Object.entries(services)) {
      for (const [dep, { condition }] of Object.entries(s.depends_on ?? {})) {
        expect(services[dep], `${name} → ${dep}`).toBeDefined();
        expect(['service_started', 'service_healthy', 'service_completed_successfully'], `${name} → ${dep}`).toContain(condition);
        if (condition === 'service_healthy') expect(services[dep]!.healthcheck, `${dep} needs a healthcheck`).toBeDefined();
        if (condition === 'service_completed_successfully') expect(services[dep]!.restart, `${dep} must be one-shot`).toBe('no');
      }
    }
    expect(services.worker!.depends_on).toMatchObject({ restate: { condition: 'service_healthy' }, nats: { condition: 'service_healthy' } });
    for (const role of ['api', 'sse']) expect(services[role]!.depends_on!.register).toEqual({ condition: 'service_completed_successfully' });
    const visiting = new Set<string>();
    const done = new Set<string>();
    const visit = (n: string): void => {
      if (done.has(n)) return;
      expect(visiting.has(n), `cycle through ${n}`).toBe(false);
      visiting.add(n);
      for (const d of Object.keys(services[n]!.depends_on ?? {})) visit(d);
      visiting.delete(n);
      done.add(n);
    };
    Object.keys(services).forEach(visit);
  });

  it('configures Fairdrop only with variables server/src/config.ts reads, consistently', () => {
    const read = new Set([...configSource.matchAll(/env\.([A-Z_]+)/g)].map((m) => m[1]));
    for (const role of FAIRDROP) {
      const env = services[role]!.environment!;
      for (const key of Object.keys(env)) expect(read, `${role}: ${key}`).toContain(key);
      expect(env.FAIRDROP_HOST).toBe('0.0.0.0');
      expect(env.NATS_URL).toBe('nats://nats:4222');
      expect(env.RESTATE_INGRESS_URL).toBe('http://restate:8080');
      expect(env.FAIRDROP_SERVER_SECRET).toMatch(/^\$\{FAIRDROP_SERVER_SECRET:\?/);
    }
    expect(services.api!.environment!.FAIRDROP_ADMIN_TOKEN).toMatch(/^\$\{FAIRDROP_ADMIN_TOKEN:\?/);
  });

  it('routes the gateway to the api and sse services, unbuffered for event streams', () => {
    const conf = compose.configs.gateway!.content;
    expect(conf).toContain('http://api:3003');
    expect(conf).toContain('http://sse:3004');
    expect(conf).toContain('proxy_buffering off');
    expect(conf).not.toMatch(/[^$]\$[a-z]/); // nginx variables are escaped from compose interpolation
  });
});

describe('Dockerfile', () => {
  it('installs from the lockfile with every workspace manifest and runs the server with tsx', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] };
    const workspaces = pkg.workspaces.flatMap((w) => (w.endsWith('/*') ? readdirSync(join(root, w.slice(0, -2))).map((d) => `${w.slice(0, -2)}/${d}`) : [w]))
      .filter((w) => existsSync(join(root, w, 'package.json')));
    for (const w of workspaces) expect(dockerfile, w).toContain(`COPY ${w}/package.json ${w}/`);
    expect(dockerfile).toMatch(/RUN npm ci/);
    expect(dockerfile).toContain('CMD ["node", "--conditions=source", "--import", "tsx", "server/src/main.ts"]');
    expect(dockerfile).toMatch(/FAIRDROP_HOST=0\.0\.0\.0/);
  });
});
