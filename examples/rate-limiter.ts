// A token-bucket rate limiter, written for reftrack's examples.

export interface RateLimiterOptions {
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Largest number of tokens the bucket holds. */
  capacity: number;
  /** Clock in milliseconds, injectable for tests. */
  now?: () => number;
}

export class TokenBucket {
  private tokens: number;
  private lastRefill: number;
  private readonly now: () => number;

  constructor(private readonly options: RateLimiterOptions) {
    if (options.capacity <= 0) throw new RangeError("capacity must be positive");
    this.now = options.now ?? Date.now;
    this.tokens = options.capacity;
    this.lastRefill = this.now();
  }

  /** Takes `cost` tokens if available and reports whether it could. */
  tryTake(cost = 1): boolean {
    this.refill();
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  /** Milliseconds until `cost` tokens will be available. */
  waitTime(cost = 1): number {
    this.refill();
    const missing = cost - this.tokens;
    return missing <= 0 ? 0 : Math.ceil((missing / this.options.refillPerSecond) * 1000);
  }

  private refill(): void {
    const current = this.now();
    const elapsedSeconds = (current - this.lastRefill) / 1000;
    this.tokens = Math.min(this.options.capacity, this.tokens + elapsedSeconds * this.options.refillPerSecond);
    this.lastRefill = current;
  }
}
