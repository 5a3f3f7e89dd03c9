/**
 * The service's errors: a stable `code` a client can branch on, a message, an HTTP status. No
 * message ever repeats what the request held: a request's content is the caller's code.
 */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const errors = {
  badJson: () => new ServiceError(400, "invalid_json", "the body is not a JSON object"),
  badRequest: (message: string) => new ServiceError(400, "invalid_request", message),
  tooNested: () => new ServiceError(400, "too_nested", "the body or the code nests brackets deeper than the service allows"),
  unauthorized: () => new ServiceError(401, "unauthorized", "a valid bearer token is required", { "www-authenticate": 'Bearer realm="reftrack"' }),
  unknownIndex: () => new ServiceError(404, "unknown_index", "no such index"),
  notFound: () => new ServiceError(404, "not_found", "no such endpoint"),
  methodNotAllowed: (allowed: string) => new ServiceError(405, "method_not_allowed", `use ${allowed}`, { allow: allowed }),
  tooLarge: (what: string) => new ServiceError(413, "too_large", `${what} is larger than the service allows`),
  unsupportedMediaType: () => new ServiceError(415, "unsupported_media_type", "send application/json"),
  overloaded: () => new ServiceError(503, "overloaded", "the service is at capacity; retry shortly", { "retry-after": "1" }),
  notReady: () => new ServiceError(503, "not_ready", "the service is starting or stopping", { "retry-after": "1" }),
  timeout: () => new ServiceError(504, "timeout", "the check took longer than the service allows"),
  internal: () => new ServiceError(500, "internal", "the check failed inside the service; it has been logged without the code"),
};
