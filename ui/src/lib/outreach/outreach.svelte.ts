// The Outreach area's service: the seller's profile and e-mail account (set in Settings, used by every
// offer), offers (template, preview, queue) and the send queue, the do-not-contact list, and the TikTok
// Shop connection (its weekly outreach quota; a sync moves creators by their answers).
import { call } from "../common/ipc";
import type {
  EmailAccountStatus,
  EmailSettings,
  OfferChannel,
  OfferDraft,
  OfferPreview,
  OfferTemplate,
  OutboxItem,
  OutboxStatus,
  SellerProfile,
  TiktokConnection,
  TiktokStatus,
  TiktokSyncReport,
} from "../common/types";

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

/** Resolves when offers can go by `channel` now; rejects, naming the setting to fix, when not. */
export function checkOfferChannel(channel: OfferChannel): Promise<void> {
  return call("check_offer_channel", { channel });
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
