// Types for /js/simulator.js, served beside it. Point your editor at them with
//   // @deno-types="http://localhost:8080/js/simulator.d.ts"   (Deno)
// or download both files into your project and import the local copy.

/** A payment as the API answers it (`client_secret` only to those who may confirm). */
export interface Payment {
  id: string;
  object: "payment";
  /** Unix seconds on the namespace's simulated clock. */
  created: number;
  livemode: false;
  /** In the currency's smallest unit (cents). */
  amount: number;
  currency: string;
  status:
    | "created"
    | "requires_action"
    | "processing"
    | "authorized"
    | "succeeded"
    | "captured"
    | "failed"
    | "partially_refunded"
    | "refunded"
    | "canceled";
  capture_method: "automatic" | "manual";
  amount_capturable: number;
  amount_received: number;
  amount_refunded: number;
  client_secret?: string;
  description: string | null;
  metadata: Record<string, string>;
  payment_method: {
    type: "card";
    card: { brand: string; last4: string; exp_month: number; exp_year: number; fingerprint: string };
  } | null;
  last_error: { code: string; decline_code: string | null; message: string } | null;
  next_action: { type: "redirect_to_url"; redirect_to_url: { url: string; return_url: string | null } } | null;
  cancellation_reason: string | null;
  refunds: Refund[];
}

export interface Refund {
  id: string;
  object: "refund";
  payment: string;
  amount: number;
  currency: string;
  status: string;
  reason: string | null;
  metadata: Record<string, string>;
  created: number;
}

/** The API's `application/problem+json` answer (RFC 9457) with its `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code: string;
  decline_code?: string;
  param?: string;
  [fact: string]: unknown;
}

/** A card as typed by the customer; the number and CVC are never stored. */
export interface CardInput {
  number: string;
  exp_month: number;
  exp_year: number;
  cvc?: string;
}

/** Rejected with this when the API answers 402 (declined) or another 4xx. */
export class PaymentError extends Error {
  constructor(problem: Problem);
  code: string;
  declineCode: string | null;
  problem: Problem;
}

export interface SimulatorOptions {
  /** Where the simulator runs; by default the origin this script was loaded from. */
  baseUrl?: string;
}

export interface ConfirmOptions {
  /** Where the 3-D Secure page sends the customer back. */
  returnUrl?: string;
  /** false: answer a `requires_action` payment instead of sending the browser to the challenge. */
  redirect?: boolean;
}

export class Simulator {
  /** @param publishableKey a `pk_test_…` key, safe to ship to browsers */
  constructor(publishableKey: string, options?: SimulatorOptions);
  publishableKey: string;
  baseUrl: string;
  retrievePayment(paymentId: string, clientSecret: string): Promise<Payment>;
  /**
   * Confirms with a card, or a test token such as `"pm_card_visa"`. Resolves once the
   * payment no longer waits for the customer; for a 3-D Secure card it sends the browser to
   * the challenge page first, unless `redirect` is false.
   */
  confirmCard(
    paymentId: string,
    clientSecret: string,
    card: CardInput | string,
    options?: ConfirmOptions,
  ): Promise<Payment>;
  /** Where the customer passes 3-D Secure. */
  challengeUrl(payment: Payment, clientSecret: string): string;
}
