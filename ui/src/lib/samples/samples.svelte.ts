// The Samples screen's service: one function per command of src-tauri/src/sample_commands.rs — the
// requests of one group with their decisions and Scout's assessment, a sync from TikTok Shop (after
// which the rule decides, when the seller turned it on), the seller's decisions, the products'
// economics, the rule with its backtest, and the P(post) model card.
import { call } from "../common/ipc";
import type {
  Backtest,
  EconomicsInput,
  PostModelCard,
  PostModelEntry,
  RequestedProduct,
  SampleBoard,
  SampleChoice,
  SampleDecision,
  SampleGroup,
  SamplePost,
  SampleRule,
  SampleRuleState,
  SampleSyncStatus,
  SamplesSynced,
} from "../common/types";

/** Rows one page of a group holds. */
export const SAMPLE_PAGE_ROWS = 200;

export function sampleBoard(group: SampleGroup, offset = 0): Promise<SampleBoard> {
  return call("sample_board", { group, limit: SAMPLE_PAGE_ROWS, offset });
}

export function syncSamples(): Promise<SamplesSynced> {
  return call("sync_samples");
}

/** When the window last synced (it does every half hour while TikTok Shop is connected). */
export function sampleSyncStatus(): Promise<SampleSyncStatus> {
  return call("sample_sync_status");
}

/** Records the decisions, all or none; the outbox sends their reviews to TikTok Shop at once. */
export function decideSamples(choices: SampleChoice[]): Promise<SampleDecision[]> {
  return call("decide_samples", { choices });
}

export function sampleDecisions(applicationId: string): Promise<SampleDecision[]> {
  return call("sample_decisions", { applicationId });
}

/** The content a creator posted for a sample, oldest first. */
export function samplePosts(applicationId: string): Promise<SamplePost[]> {
  return call("sample_posts", { applicationId });
}

export function sampleProducts(): Promise<RequestedProduct[]> {
  return call("sample_products");
}

export function setSampleEconomics(input: EconomicsInput): Promise<void> {
  return call("set_sample_economics", { input });
}

export function removeSampleEconomics(productId: string): Promise<void> {
  return call("remove_sample_economics", { productId });
}

export function sampleRule(): Promise<SampleRuleState> {
  return call("sample_rule");
}

/** Saves the settings; a change turns the rule off until it is backtested and turned on again. */
export function setSampleRule(rule: SampleRule): Promise<SampleRuleState> {
  return call("set_sample_rule", { rule });
}

/** What the saved rule would have decided on the past 90 days' requests. */
export function backtestSampleRule(): Promise<Backtest> {
  return call("backtest_sample_rule");
}

export function turnSampleRule(on: boolean): Promise<SampleRuleState> {
  return call("turn_sample_rule", { on });
}

export function postModelCard(): Promise<PostModelCard> {
  return call("post_model_card");
}

export function trainPostModel(): Promise<PostModelEntry> {
  return call("train_post_model");
}

/** Adopts a learned model; `null` goes back to the default (TikTok's signals alone). */
export function adoptPostModel(id: number | null): Promise<void> {
  return call("adopt_post_model", { id });
}
