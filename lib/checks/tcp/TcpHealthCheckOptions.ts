/**
 * What {@link TcpHealthCheck} connects to, and what it expects the server to
 * say first (its banner), if anything.
 *
 * @example
 * ```ts
 * import type { TcpHealthCheckOptions } from 'pulsecheck';
 *
 * const smtp: TcpHealthCheckOptions = { host: 'mail.internal', port: 25, expect: '220 ' };
 * const anyListener: TcpHealthCheckOptions = { host: '127.0.0.1', port: 6432 };
 * ```
 */
export interface TcpHealthCheckOptions {
  /** The host name or IP address to connect to. */
  readonly host: string;
  /** The TCP port, an integer from 1 to 65535. */
  readonly port: number;
  /**
   * Text the server must send once connected (its banner, e.g. `'220 '` for
   * SMTP, `'SSH-'` for SSH). The check reads until the text appears, the
   * server closes, or `maxBannerBytes` bytes have arrived. The match is a
   * plain substring search for its UTF-8 bytes (no regular expression, so
   * its cost is linear in what the server sends).
   */
  readonly expect?: string;
  /**
   * How many bytes the server must send once connected, whatever they are
   * (a banner that varies). With `expect`, the text must also appear.
   */
  readonly expectBytes?: number;
  /**
   * The most bytes read while waiting for the banner, from 1 to 65536.
   *
   * @defaultValue `4096`
   */
  readonly maxBannerBytes?: number;
}
