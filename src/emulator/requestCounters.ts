/** What the admin API reports about API traffic (admin requests are never counted). */
export interface RequestCounts {
  total: number;
  /** Key "METHOD /path/{id}" with ids templated, e.g. "GET /v1/cloud-ml/clusters/{id}". */
  byRoute: Record<string, number>;
  peakInFlight: number;
  peakInFlightByRoute: Record<string, number>;
  inFlight: number;
}

/** Counts requests by route and tracks how many are in flight at once (tests of polling and concurrency). */
export class RequestCounters {
  private total = 0;
  private byRoute = new Map<string, number>();
  private inFlight = 0;
  private inFlightByRoute = new Map<string, number>();
  private peak = 0;
  private peakByRoute = new Map<string, number>();

  /** Records the start of a request; call the returned function once it is answered or abandoned. */
  begin(route: string): () => void {
    this.total++;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
    this.inFlight++;
    const routeInFlight = (this.inFlightByRoute.get(route) ?? 0) + 1;
    this.inFlightByRoute.set(route, routeInFlight);
    this.peak = Math.max(this.peak, this.inFlight);
    this.peakByRoute.set(route, Math.max(this.peakByRoute.get(route) ?? 0, routeInFlight));
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.inFlight--;
      this.inFlightByRoute.set(route, (this.inFlightByRoute.get(route) ?? 1) - 1);
    };
  }

  snapshot(): RequestCounts {
    return {
      total: this.total,
      byRoute: Object.fromEntries(this.byRoute),
      peakInFlight: this.peak,
      peakInFlightByRoute: Object.fromEntries(this.peakByRoute),
      inFlight: this.inFlight,
    };
  }

  /** Zeroes the totals; the peaks restart from what is in flight right now. */
  reset(): void {
    this.total = 0;
    this.byRoute.clear();
    this.peak = this.inFlight;
    this.peakByRoute = new Map([...this.inFlightByRoute].filter(([, n]) => n > 0));
  }
}
