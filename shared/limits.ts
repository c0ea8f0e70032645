/**
 * Size and rate limits that both sides enforce. The server is the authority; the client checks
 * the same numbers first so that people get a clear message instead of a closed connection.
 */
export const limits = {
  /** Largest y-websocket message the server accepts (bytes); larger closes the connection (1009). */
  maxYjsMessageBytes: 1024 * 1024,
  /** Largest JSON body accepted on /api (bytes). */
  maxJsonBodyBytes: 256 * 1024,
  /** Sustained y-websocket messages per second allowed per connection. */
  yjsMessagesPerSecond: 200,
  /** Burst of y-websocket messages allowed per connection above the sustained rate. */
  yjsMessageBurst: 1000,
  /** Longest display name a person may give (characters). */
  maxDisplayNameLength: 80,
} as const;
