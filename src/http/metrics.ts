/**
 * Prometheus metrics with prom-client: the default process and Node metrics (prefixed
 * `jixiao_`: CPU, resident memory, heap, event-loop lag, GC, handles) and the service's own
 * series (requests by route and status, latency histogram, forms scored by grade, forms
 * rejected, findings by code). Each app has its own registry, so several apps in one process
 * (tests) do not collide.
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Upper bounds of the request-latency histogram, in seconds. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'jixiao_http_requests_total',
    help: 'HTTP requests by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'jixiao_http_request_duration_seconds',
    help: 'HTTP request latency by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: [...LATENCY_BUCKETS],
    registers: [this.registry],
  });
  private readonly grades = new Counter({
    name: 'jixiao_forms_scored_total',
    help: 'Forms scored, by grade ("none" when the policy gives no grade).',
    labelNames: ['grade'] as const,
    registers: [this.registry],
  });
  private readonly rejected = new Counter({
    name: 'jixiao_forms_rejected_total',
    help: 'Forms that could not be scored (invalid JSON or invalid form).',
    registers: [this.registry],
  });
  private readonly findings = new Counter({
    name: 'jixiao_findings_total',
    help: 'Findings in scored forms, by code.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });
  private formsScored = 0;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'jixiao_' });
    this.grades.inc({ grade: 'none' }, 0);
  }

  /** One finished request: `route` is the route pattern ("/v1/policies/:id"), never the raw URL. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.inc({ method, route, status: String(status) });
    this.latency.observe({ method, route }, seconds);
  }

  /** One scored form: its grade (or "none") and the codes of its findings. */
  observeScored(grade: string | null, findingCodes: Iterable<string>): void {
    this.formsScored++;
    this.grades.inc({ grade: grade ?? 'none' });
    for (const code of findingCodes) this.findings.inc({ code });
  }

  /** One form that could not be scored (invalid JSON or an invalid form). */
  observeRejected(): void {
    this.rejected.inc();
  }

  /** The exposition text (format 0.0.4). */
  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** Total forms scored so far (tests and /readyz use it). */
  get scored(): number {
    return this.formsScored;
  }
}
