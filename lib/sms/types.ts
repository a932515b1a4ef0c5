/**
 * A text-message gateway as the app sees it (one folder or file per provider under lib/sms); the app never
 * sends a text any other way. Only the built-in sandbox exists so far.
 */
export interface SmsProvider {
  id: string;
  /** Sends `text` to the mainland mobile number `to` (11 digits). */
  send(p: { to: string; text: string; now: Date }): Promise<void>;
}
