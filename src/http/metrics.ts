/**
 * The few Prometheus series the service exposes, written in the text exposition format
 * (version 0.0.4) by hand: counters and one histogram need no client library.
 */

/** Upper bounds of the request-latency histogram, in seconds. */
export const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Histogram {
  counts: number[]; // one per bucket, not cumulative
  sum: number;
  count: number;
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly latency = new Map<string, Histogram>();
  private readonly findings = new Map<string, number>();
  private readonly grades = new Map<string, number>();
  private formsScored = 0;
  private formsRejected = 0;
  private readonly started = Date.now();

  /** One finished request: `route` is the route pattern ("/v1/policies/:id"), never the raw URL. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    const key = `${method}\u0000${route}\u0000${status}`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
    const hkey = `${method}\u0000${route}`;
    let h = this.latency.get(hkey);
    if (!h) {
      h = { counts: new Array<number>(LATENCY_BUCKETS.length).fill(0), sum: 0, count: 0 };
      this.latency.set(hkey, h);
    }
    let i = 0;
    while (i < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[i]) i++;
    if (i < LATENCY_BUCKETS.length) h.counts[i]++;
    h.sum += seconds;
    h.count++;
  }

  /** One scored form: its grade (or "none") and the codes of its findings. */
  observeScored(grade: string | null, findingCodes: Iterable<string>): void {
    this.formsScored++;
    const g = grade ?? 'none';
    this.grades.set(g, (this.grades.get(g) ?? 0) + 1);
    for (const c of findingCodes) this.findings.set(c, (this.findings.get(c) ?? 0) + 1);
  }

  /** One form that could not be scored (invalid JSON or an invalid form). */
  observeRejected(): void {
    this.formsRejected++;
  }

  /** The exposition text. */
  render(): string {
    const out: string[] = [];
    out.push('# HELP jixiao_http_requests_total HTTP requests by method, route and status.');
    out.push('# TYPE jixiao_http_requests_total counter');
    for (const [key, n] of sorted(this.requests)) {
      const [method, route, status] = key.split('\u0000');
      out.push(`jixiao_http_requests_total{method="${method}",route="${escapeLabel(route)}",status="${status}"} ${n}`);
    }
    out.push('# HELP jixiao_http_request_duration_seconds HTTP request latency by method and route.');
    out.push('# TYPE jixiao_http_request_duration_seconds histogram');
    for (const [key, h] of sorted(this.latency)) {
      const [method, route] = key.split('\u0000');
      const labels = `method="${method}",route="${escapeLabel(route)}"`;
      let cum = 0;
      LATENCY_BUCKETS.forEach((le, i) => {
        cum += h.counts[i];
        out.push(`jixiao_http_request_duration_seconds_bucket{${labels},le="${le}"} ${cum}`);
      });
      out.push(`jixiao_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      out.push(`jixiao_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
      out.push(`jixiao_http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    out.push('# HELP jixiao_forms_scored_total Forms scored, by grade ("none" when the policy gives no grade).');
    out.push('# TYPE jixiao_forms_scored_total counter');
    if (this.grades.size === 0) out.push(`jixiao_forms_scored_total{grade="none"} 0`);
    for (const [g, n] of sorted(this.grades)) out.push(`jixiao_forms_scored_total{grade="${escapeLabel(g)}"} ${n}`);
    out.push('# HELP jixiao_forms_rejected_total Forms that could not be scored (invalid JSON or invalid form).');
    out.push('# TYPE jixiao_forms_rejected_total counter');
    out.push(`jixiao_forms_rejected_total ${this.formsRejected}`);
    out.push('# HELP jixiao_findings_total Findings in scored forms, by code.');
    out.push('# TYPE jixiao_findings_total counter');
    for (const [c, n] of sorted(this.findings)) out.push(`jixiao_findings_total{code="${escapeLabel(c)}"} ${n}`);
    out.push('# HELP jixiao_process_uptime_seconds Seconds since the service started.');
    out.push('# TYPE jixiao_process_uptime_seconds gauge');
    out.push(`jixiao_process_uptime_seconds ${(Date.now() - this.started) / 1000}`);
    out.push('# HELP jixiao_process_resident_memory_bytes Resident set size.');
    out.push('# TYPE jixiao_process_resident_memory_bytes gauge');
    out.push(`jixiao_process_resident_memory_bytes ${process.memoryUsage.rss()}`);
    return out.join('\n') + '\n';
  }

  /** Total forms scored so far (tests and /readyz use it). */
  get scored(): number {
    return this.formsScored;
  }
}

function sorted<V>(m: Map<string, V>): [string, V][] {
  return [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
