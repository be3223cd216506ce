// The only module that calls Rust: one typed function per command in docs/ipc-contract.md.
// Every function rejects with an `IpcFailure`, which is an `IpcError { code, message, field }`.
import { Channel, invoke, type InvokeArgs } from "@tauri-apps/api/core";
import type { Command } from "../bindings/commands";
import type {
  AgreedTerms,
  Collaboration,
  ContentPost,
  EmailAccountStatus,
  EmailSettings,
  FollowUpKind,
  FollowUps,
  FollowUpSettings,
  OfferDraft,
  OfferPreview,
  OfferTemplate,
  OutboxItem,
  OutboxStatus,
  PipelineCard,
  PipelineEvent,
  SampleShipment,
  SellerProfile,
  Stage,
  TiktokConnection,
  TiktokStatus,
  TiktokSyncReport,
  AudienceOverlap,
  Campaign,
  CampaignSpec,
  ColumnMapping,
  CreatorDetail,
  CreatorFacets,
  CreatorPage,
  CreatorQuery,
  Explanation,
  ImportBatch,
  ImportPreview,
  ImportProgress,
  ImportReport,
  Platform,
  IpcError,
  IpcErrorCode,
  LearnedModel,
  LookalikeCreator,
  MatchPage,
  ModelCard,
  RankQuery,
  ShortlistedCreator,
  WorkspaceInfo,
  Conversion,
  ResultsImportReport,
  ResultsQuery,
  ResultsReport,
  UnattributedOrder,
} from "./types";

const ERROR_CODES: ReadonlySet<string> = new Set<IpcErrorCode>([
  "not_found",
  "invalid_input",
  "import_failed",
  "cancelled",
  "workspace",
  "io",
  "keychain",
  "internal",
]);

/**
 * A rejected command. It is an `Error` (so it keeps a stack) and an `IpcError` (so screens can branch on
 * `code`, and show an invalid input next to its `field`: "audience.age", "commission.max", …).
 */
export class IpcFailure extends Error implements IpcError {
  readonly code: IpcErrorCode;
  readonly field: string | null;

  constructor(code: IpcErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "IpcFailure";
    this.code = code;
    this.field = field;
  }
}

/** `{ code, message }` with a known code; `field`, when present, is a string or null. */
function isIpcError(value: unknown): value is Omit<IpcError, "field"> & { field?: string | null } {
  if (typeof value !== "object" || value === null) return false;
  const { code, message, field } = value as Record<string, unknown>;
  return (
    typeof code === "string" &&
    ERROR_CODES.has(code) &&
    typeof message === "string" &&
    (field === undefined || field === null || typeof field === "string")
  );
}

/** Whatever a command (or a dialog) rejected with, as an `IpcFailure`; unknown shapes become code "internal". */
export function toIpcError(reason: unknown): IpcFailure {
  if (reason instanceof IpcFailure) return reason;
  if (isIpcError(reason)) return new IpcFailure(reason.code, reason.message, reason.field ?? null);
  if (reason instanceof Error) return new IpcFailure("internal", reason.message || reason.name);
  if (typeof reason === "string") return new IpcFailure("internal", reason);
  let text: string;
  try {
    text = JSON.stringify(reason) ?? String(reason);
  } catch {
    text = String(reason);
  }
  return new IpcFailure("internal", `Unexpected error: ${text}`);
}

/** Calls a command the shell registers (`Command` is generated from its handler list). */
async function call<T>(command: Command, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

export function workspaceInfo(): Promise<WorkspaceInfo> {
  return call("workspace_info");
}

/** Opens the workspace file at `path` (a `.scout` or `.db` file), creating it if missing. */
export function openWorkspace(path: string): Promise<WorkspaceInfo> {
  return call("open_workspace", { path });
}

/** Imports the bundled synthetic demo creators into the open workspace (one report per demo file). */
export function loadDemoWorkspace(): Promise<ImportReport[]> {
  return call("load_demo_workspace");
}

export function listCreators(query: CreatorQuery): Promise<CreatorPage> {
  return call("list_creators", { query });
}

export function creatorFacets(): Promise<CreatorFacets> {
  return call("creator_facets");
}

export function getCreator(id: number): Promise<CreatorDetail> {
  return call("get_creator", { id });
}

/** Sniffs the file and proposes a mapping; pass a mapping to see the sample rows under it. */
export function previewImport(path: string, mapping: ColumnMapping | null): Promise<ImportPreview> {
  return call("preview_import", { path, mapping });
}

/** Runs the import; rejects with code "cancelled" after `cancelImport()`. `platform` is the creators'
 * platform where a row names none (null: what the file says). */
export function runImport(
  path: string,
  mapping: ColumnMapping,
  platform: Platform | null,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const channel = new Channel<ImportProgress>(onProgress);
  return call("run_import", { path, mapping, platform, onProgress: channel });
}

export function cancelImport(): Promise<void> {
  return call("cancel_import");
}

/** Writes the rejected rows of a batch to a CSV file; resolves to the number of rows written. */
export function exportRejectedRows(batchId: number, path: string): Promise<number> {
  return call("export_rejected_rows", { batchId, path });
}

export function listImportBatches(): Promise<ImportBatch[]> {
  return call("list_import_batches");
}

// Campaigns, matches and models (docs/ipc-contract.md, second table).

/** Every campaign, most recently edited first. */
export function listCampaigns(): Promise<Campaign[]> {
  return call("list_campaigns");
}

export function getCampaign(id: number): Promise<Campaign> {
  return call("get_campaign", { id });
}

/** Rejects with code "invalid_input" and the `field` it is about when a rule is broken. */
export function createCampaign(spec: CampaignSpec): Promise<Campaign> {
  return call("create_campaign", { spec });
}

export function updateCampaign(id: number, spec: CampaignSpec): Promise<Campaign> {
  return call("update_campaign", { id, spec });
}

/** One page of a saved campaign's ranked matches (at most 500 rows), with the filter's total. */
export function rankMatches(campaignId: number, query: RankQuery): Promise<MatchPage> {
  return call("rank_matches", { campaignId, query });
}

/** The same for a spec being edited and not saved, so the list follows the editor. */
export function previewMatches(spec: CampaignSpec, query: RankQuery): Promise<MatchPage> {
  return call("preview_matches", { spec, query });
}

/** Why a creator scores what they do: baseline + factor points = score. */
export function explainMatch(campaignId: number, creatorId: number): Promise<Explanation> {
  return call("explain_match", { campaignId, creatorId });
}

/** The same for a spec being edited and not saved: the live ranking's explanation drawer. */
export function explainPreview(spec: CampaignSpec, creatorId: number): Promise<Explanation> {
  return call("explain_preview", { spec, creatorId });
}

/** The campaign's shortlist, in the order added. */
export function getShortlist(campaignId: number): Promise<ShortlistedCreator[]> {
  return call("get_shortlist", { campaignId });
}

/** Adding a creator twice keeps one entry. */
export function shortlistAdd(campaignId: number, creatorId: number): Promise<void> {
  return call("shortlist_add", { campaignId, creatorId });
}

export function shortlistRemove(campaignId: number, creatorId: number): Promise<void> {
  return call("shortlist_remove", { campaignId, creatorId });
}

export function annotateShortlisted(
  campaignId: number,
  creatorId: number,
  note: string,
  tags: string[],
): Promise<void> {
  return call("annotate_shortlisted", { campaignId, creatorId, note, tags });
}

/**
 * How alike the shortlisted creators' audience profiles are, pair by pair, and how many followers may be
 * duplicated — an upper bound from profiles (age, gender, countries), not a count of shared followers.
 */
export function shortlistOverlap(campaignId: number): Promise<AudienceOverlap> {
  return call("shortlist_overlap", { campaignId });
}

/** The creators most like this one ("more like this"), most alike first; `limit` at most 100. */
export function lookalikes(creatorId: number, limit: number): Promise<LookalikeCreator[]> {
  return call("lookalikes", { creatorId, limit });
}

export function modelCard(): Promise<ModelCard> {
  return call("model_card");
}

/** Trains a model on the workspace's outcomes; it is stored but not used until adopted. */
export function trainModel(): Promise<LearnedModel> {
  return call("train_model");
}

/** Puts a learned model in use; `null` goes back to the default model. */
export function adoptModel(id: number | null): Promise<void> {
  return call("adopt_model", { id });
}

// ---- Outreach: seller, e-mail account, offers and the send queue ----

export function sellerProfile(): Promise<SellerProfile | null> {
  return call("seller_profile");
}

export function setSellerProfile(profile: SellerProfile): Promise<void> {
  return call("set_seller_profile", { profile });
}

export function emailAccount(): Promise<EmailAccountStatus> {
  return call("email_account");
}

/** Saves the account; a non-empty password goes to the system keychain, never the workspace. */
export function setEmailAccount(settings: EmailSettings, password: string | null): Promise<void> {
  return call("set_email_account", { settings, password });
}

export function defaultOfferTemplate(): Promise<OfferTemplate> {
  return call("default_offer_template");
}

export function previewOffers(draft: OfferDraft): Promise<OfferPreview[]> {
  return call("preview_offers", { draft });
}

export function queueOffers(draft: OfferDraft): Promise<number[]> {
  return call("queue_offers", { draft });
}

export function outboxItems(): Promise<OutboxItem[]> {
  return call("outbox_items");
}

export function outboxStatus(): Promise<OutboxStatus> {
  return call("outbox_status");
}

export function startOutbox(): Promise<void> {
  return call("start_outbox");
}

export function stopOutbox(): Promise<void> {
  return call("stop_outbox");
}

export function cancelOffers(ids: number[]): Promise<number> {
  return call("cancel_offers", { ids });
}

export function confirmSentByHand(id: number): Promise<void> {
  return call("confirm_sent_by_hand", { id });
}

/** An explicit re-send of an offer that went out (or failed for good, or was cancelled); returns its id. */
export function resendOffer(id: number): Promise<number> {
  return call("resend_offer", { id });
}

/** The creator and their address go on the do-not-contact list; returns how many waiting offers were cancelled. */
export function doNotContact(creatorId: number, reason: string): Promise<number> {
  return call("do_not_contact", { creatorId, reason });
}

export function requeueUnsent(id: number): Promise<void> {
  return call("requeue_unsent", { id });
}

/** The manual offers still waiting (one campaign's, or all when `campaignId` is null) as a CSV file. */
export function exportManualOffers(campaignId: number | null, path: string): Promise<number> {
  return call("export_manual_offers", { campaignId, path });
}

// ---- Pipeline, collaboration records, follow-ups ----

export function pipelineBoard(campaignId: number | null): Promise<PipelineCard[]> {
  return call("pipeline_board", { campaignId });
}

export function moveStage(campaignId: number, creatorId: number, to: Stage): Promise<Stage> {
  return call("move_stage", { campaignId, creatorId, to });
}

export function recordReply(campaignId: number, creatorId: number, summary: string): Promise<Stage> {
  return call("record_reply", { campaignId, creatorId, summary });
}

export function recordAgreement(campaignId: number, creatorId: number, terms: AgreedTerms): Promise<Stage> {
  return call("record_agreement", { campaignId, creatorId, terms });
}

export function recordShipment(
  campaignId: number,
  creatorId: number,
  shipment: SampleShipment,
): Promise<Stage> {
  return call("record_shipment", { campaignId, creatorId, shipment });
}

export function recordPost(campaignId: number, creatorId: number, post: ContentPost): Promise<Stage> {
  return call("record_post", { campaignId, creatorId, post });
}

export function collaboration(campaignId: number, creatorId: number): Promise<Collaboration> {
  return call("collaboration", { campaignId, creatorId });
}

export function timeline(creatorId: number): Promise<PipelineEvent[]> {
  return call("timeline", { creatorId });
}

export function followUps(): Promise<FollowUps> {
  return call("follow_ups");
}

export function snoozeFollowUp(
  campaignId: number,
  creatorId: number,
  kind: FollowUpKind,
  until: string,
): Promise<void> {
  return call("snooze_follow_up", { campaignId, creatorId, kind, until });
}

export function followUpSettings(): Promise<FollowUpSettings> {
  return call("follow_up_settings");
}

export function setFollowUpSettings(settings: FollowUpSettings): Promise<void> {
  return call("set_follow_up_settings", { settings });
}

// ---- TikTok Shop connection ----

export function tiktokStatus(): Promise<TiktokStatus> {
  return call("tiktok_status");
}

/** Exchanges the authorization code; the app secret and tokens go to the system keychain. */
export function connectTiktok(
  connection: TiktokConnection,
  appSecret: string,
  authCode: string,
): Promise<TiktokStatus> {
  return call("connect_tiktok", { connection, appSecret, authCode });
}

export function disconnectTiktok(): Promise<void> {
  return call("disconnect_tiktok");
}

export function syncTiktok(): Promise<TiktokSyncReport> {
  return call("sync_tiktok");
}

// ---- Results: orders and videos, the report, attribution, exchange rates ----

/**
 * The results report: one `CurrencyReport` per currency (never added together, most orders first) when
 * `query.currency` is null, or one converted with the saved rates; rejects with "invalid_input" (no field)
 * naming a currency without a rate, or when the saved rates convert into another currency.
 */
export function resultsReport(query: ResultsQuery): Promise<ResultsReport> {
  return call("results_report", { query });
}

/** Imports an affiliate order or video export (the kind is read from its header); rejects with code
 * "cancelled" after `cancelResultsImport()`. */
export function importResults(
  path: string,
  onProgress: (progress: ImportProgress) => void,
): Promise<ResultsImportReport> {
  const channel = new Channel<ImportProgress>(onProgress);
  return call("import_results", { path, onProgress: channel });
}

/**
 * Fetches the shop's affiliate orders of the last `days` days (1 to 365) through the TikTok Shop API and
 * writes them like an imported order export (`file_name` "TikTok Shop API"; an issue's `line` is the
 * order's position in the sync). Nothing is stored when TikTok Shop fails part-way; rejects with
 * "invalid_input" when TikTok Shop is not connected.
 */
export function syncResults(days: number): Promise<ResultsImportReport> {
  return call("sync_results", { days });
}

export function cancelResultsImport(): Promise<void> {
  return call("cancel_results_import");
}

/** A page of the order lines no collaboration claims; their count is `ResultsReport.unattributed_lines`. */
export function unattributedOrders(offset: number, limit: number): Promise<UnattributedOrder[]> {
  return call("unattributed_orders", { offset, limit });
}

/** Attaches order lines to one collaboration (campaign × creator); resolves to the lines assigned. */
export function assignOrders(lineIds: number[], campaignId: number, creatorId: number): Promise<number> {
  return call("assign_orders", { lineIds, campaignId, creatorId });
}

/**
 * Writes the report as one table (a row per total, campaign, creator and product of each currency) to a
 * .csv or .xlsx file, the format taken from the path's extension; resolves to the number of rows written.
 */
export function exportResults(query: ResultsQuery, path: string): Promise<number> {
  return call("export_results", { query, path });
}

/** The seller's saved exchange rates, or null when none are saved. */
export function exchangeRates(): Promise<Conversion | null> {
  return call("exchange_rates");
}

/**
 * Saves the rates (1 `from` = rate_micros / 1,000,000 `to`); null forgets them. Rejects with
 * "invalid_input", field "rates", and a message naming the currency (a rate ≤ 0, a currency given twice,
 * a rate for `to` itself).
 */
export function saveExchangeRates(conversion: Conversion | null): Promise<void> {
  return call("save_exchange_rates", { conversion });
}
