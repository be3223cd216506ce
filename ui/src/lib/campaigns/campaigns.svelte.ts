// The Campaigns area's service: campaigns, their ranked matches and explanations, the shortlist, and the
// matching model (its card, training one on the workspace's outcomes, adopting it). `Shortlist` is one
// campaign's shortlist, shared by the Matches table (★ per row), the explanation drawer and the Shortlist
// tab; adding and removing show at once and are undone if Rust refuses; a removal can be taken back
// from its toast.
import { SvelteSet } from "svelte/reactivity";
import { call, toIpcError, type IpcFailure } from "../common/ipc";
import { toasts } from "../common/toasts.svelte";
import type {
  AudienceOverlap,
  Campaign,
  CampaignFootprint,
  CampaignSpec,
  Explanation,
  LearnedModel,
  MatchPage,
  ModelCard,
  RankQuery,
  ShortlistEntry,
  ShortlistedCreator,
} from "../common/types";

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

/** Archives (`true`) or restores (`false`) a campaign; archived ones leave the board and the follow-ups. */
export function archiveCampaign(id: number, archived: boolean): Promise<Campaign> {
  return call("archive_campaign", { id, archived });
}

/** A new campaign with the same settings, named "… (copy)"; no shortlist or history. */
export function duplicateCampaign(id: number): Promise<Campaign> {
  return call("duplicate_campaign", { id });
}

/** What deleting the campaign would remove, and its offers (while it has any, it cannot be deleted). */
export function campaignFootprint(id: number): Promise<CampaignFootprint> {
  return call("campaign_footprint", { id });
}

/** Deletes a campaign; its credited orders become unattributed. Refused while it has offers. */
export function deleteCampaign(id: number): Promise<void> {
  return call("delete_campaign", { id });
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

/** Shortlists the first `n` of the ranking as `query` filters and sorts it; resolves to how many joined. */
export function shortlistTop(campaignId: number, query: RankQuery, n: number): Promise<number> {
  return call("shortlist_top", { campaignId, query, n });
}

export function shortlistRemove(campaignId: number, creatorId: number): Promise<void> {
  return call("shortlist_remove", { campaignId, creatorId });
}

/** Puts a removed creator back as they were (note, tags, stage): the "Undo" of a removal. */
export function shortlistRestore(entry: ShortlistEntry): Promise<void> {
  return call("shortlist_restore", { entry });
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

export class Shortlist {
  readonly campaignId: number;
  /** Shortlisted creator ids, including changes still on their way to Rust. */
  readonly ids = new SvelteSet<number>();
  /** Creators whose add or remove is on its way. */
  readonly pending = new SvelteSet<number>();
  entries = $state.raw<ShortlistedCreator[] | null>(null);
  loadError = $state<IpcFailure | null>(null);
  /** The last add or remove that failed, with the creator's handle for the message. */
  toggleError = $state<{ handle: string; adding: boolean; error: IpcFailure } | null>(null);
  readonly #onchange: () => void;
  #loads = 0;

  /** `onchange`: the shortlist changed (the campaign list shows its count). */
  constructor(campaignId: number, onchange: () => void = () => {}) {
    this.campaignId = campaignId;
    this.#onchange = onchange;
  }

  async load() {
    const load = ++this.#loads;
    try {
      const entries = await getShortlist(this.campaignId);
      if (load !== this.#loads) return;
      this.entries = entries;
      this.loadError = null;
      this.ids.clear();
      for (const entry of entries) this.ids.add(entry.creator.id);
    } catch (reason) {
      if (load === this.#loads) this.loadError = toIpcError(reason);
    }
  }

  has(creatorId: number): boolean {
    return this.ids.has(creatorId);
  }

  async toggle(creatorId: number, handle: string) {
    if (this.pending.has(creatorId)) return;
    const adding = !this.ids.has(creatorId);
    const removed = adding ? null : (this.entries?.find((e) => e.creator.id === creatorId)?.entry ?? null);
    this.pending.add(creatorId);
    if (adding) this.ids.add(creatorId);
    else this.ids.delete(creatorId);
    try {
      await (adding ? shortlistAdd : shortlistRemove)(this.campaignId, creatorId);
      if (this.toggleError?.handle === handle) this.toggleError = null;
      if (removed) toasts.show(`Removed @${handle} from the shortlist`, () => this.#restore(removed));
      this.#onchange();
      await this.load();
    } catch (reason) {
      if (adding) this.ids.delete(creatorId);
      else this.ids.add(creatorId);
      this.toggleError = { handle, adding, error: toIpcError(reason) };
    } finally {
      this.pending.delete(creatorId);
    }
  }

  async #restore(entry: ShortlistEntry) {
    await shortlistRestore(entry);
    this.#onchange();
    await this.load();
  }

  /** Shortlists the top `n` of the ranking as `query` filters and sorts it; resolves to how many joined
   * (the rest were there already), rejects with the `IpcFailure`. */
  async addTop(query: RankQuery, n: number): Promise<number> {
    let added: number;
    try {
      added = await shortlistTop(this.campaignId, query, n);
    } catch (reason) {
      throw toIpcError(reason);
    }
    this.#onchange();
    await this.load();
    return added;
  }

  /** Saves a note and tags; rejects with the `IpcFailure` (its `field` is "note" or "tags"). */
  async annotate(creatorId: number, note: string, tags: string[]) {
    try {
      await annotateShortlisted(this.campaignId, creatorId, note, tags);
    } catch (reason) {
      throw toIpcError(reason);
    }
    this.entries =
      this.entries?.map((item) =>
        item.creator.id === creatorId ? { ...item, entry: { ...item.entry, note, tags } } : item,
      ) ?? null;
  }
}
