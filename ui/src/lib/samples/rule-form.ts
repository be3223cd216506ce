// The rule and the products' economics as the seller types them, read back into what Rust takes (each
// refusal naming its field), and a backtest written as a sentence — pure, so they are tested alone.
import { majorInput, parseMajor, parsePercent, percentInput } from "../common/amounts";
import { formatDate, plural } from "../common/format";
import { formatSignedMoney } from "./sample-words";
import type { Backtest, EconomicsInput, ProductEconomics, SampleRule } from "../common/types";

export type RuleForm = { minPost: string; minNet: string; dailyLimit: string; rejectBelow: boolean };

export type Refusal = { field: string; message: string };

export function ruleForm(rule: SampleRule): RuleForm {
  return {
    minPost: percentInput(Math.round(rule.min_p_post * 10_000)),
    minNet: majorInput(rule.min_net_value.minor, rule.min_net_value.currency),
    dailyLimit: String(rule.daily_limit),
    rejectBelow: rule.reject_below,
  };
}

/** The form as a rule in `currency`, or the first field at fault. */
export function ruleFromForm(form: RuleForm, currency: string): SampleRule | Refusal {
  const bp = parsePercent(form.minPost);
  if (bp === null || !Number.isFinite(bp) || bp < 0 || bp > 10_000) {
    return { field: "min_p_post", message: "Write a chance between 0 and 100 %, such as 60." };
  }
  // An amount may be negative: "approve even at a small loss".
  const net = parseMajor(form.minNet, currency);
  if (net === null || !Number.isFinite(net)) {
    return { field: "min_net_value", message: "Write an amount such as 5.00 (or −2.00)." };
  }
  const limit = Number(form.dailyLimit.trim());
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    return { field: "daily_limit", message: "Write a whole number of approvals a day, 1 or more." };
  }
  return {
    min_p_post: bp / 10_000,
    min_net_value: { minor: net, currency },
    daily_limit: limit,
    reject_below: form.rejectBelow,
  };
}

export function isRefusal(value: SampleRule | Refusal): value is Refusal {
  return "field" in value && "message" in value;
}

export type EconomicsForm = { price: string; margin: string; sampleCost: string; shipping: string };

export function economicsForm(e: ProductEconomics | null): EconomicsForm {
  if (e === null) return { price: "", margin: "", sampleCost: "", shipping: "" };
  return {
    price: e.price ? majorInput(e.price.minor, e.price.currency) : "",
    margin: percentInput(e.margin),
    sampleCost: majorInput(e.sample_cost.minor, e.sample_cost.currency),
    shipping: majorInput(e.shipping.minor, e.shipping.currency),
  };
}

/** What Rust reads (it checks and names each field); a blank price is "not known". */
export function economicsInput(productId: string, form: EconomicsForm): EconomicsInput {
  return {
    product_id: productId,
    price: form.price.trim() === "" ? null : form.price.trim(),
    margin: form.margin.trim(),
    sample_cost: form.sampleCost.trim(),
    shipping: form.shipping.trim(),
    currency: null,
  };
}

/** "From 8 Jun to 5 Dec 2026, 214 requests: it would have approved 61; 48 of them were approved and
 * settled, and 29 posted (60 %). Expected net value +$412.00; what they really made +$388.50." */
export function backtestWords(b: Backtest): string {
  if (b.requests === 0) return "There are no requests from the past 90 days to test the rule on.";
  const span = b.from && b.to ? `From ${formatDate(b.from)} to ${formatDate(b.to)}, ` : "";
  const parts = [`${span}${plural(b.requests, "request")}: it would have approved ${b.would_approve}`];
  if (b.with_known_outcome > 0) {
    const rate = Math.round((b.posted / b.with_known_outcome) * 100);
    parts.push(
      `${b.with_known_outcome} of them were approved and settled, and ${b.posted} posted (${rate}\u00a0%)`,
    );
  } else {
    parts.push("none of them has a known outcome yet");
  }
  let text = `${parts.join("; ")}.`;
  if (b.expected_net_value) text += ` Expected net value ${formatSignedMoney(b.expected_net_value)}`;
  if (b.realized_net_value) text += `; what they really made ${formatSignedMoney(b.realized_net_value)}`;
  if (b.expected_net_value || b.realized_net_value) text += ".";
  if (b.net_value_unknown > 0) {
    text += ` ${plural(b.net_value_unknown, "request")} left to you: their product has no economics set.`;
  }
  return text;
}
