//! The TikTok Shop channel end to end against the fake API (`fixtures/tiktok/fake_tiktok_api.py`, a real
//! HTTP server process): connecting, batching offers into target collaborations of at most 50 creators,
//! rate limits, quota, conflicts, token refresh into the keychain, status sync, and a crash mid-call.
//! Tests that store secrets run only with a real keychain (`scripts/with-keyring.sh`).

use super::workspace;
use chrono::{Duration, Utc};
use scout_app::{
    CancelToken, CreatorQuery, ImportRequest, OfferChannel, OfferDraft, OfferState, OfferTemplate,
    PreviewedMessage, SellerProfile, TiktokConnection, Workspace, EXAMPLE_CAMPAIGN,
};
use scout_domain::{BasisPoints, CampaignSpec, ContentType, FreeSample, OfferTerms, Stage};
use scout_secrets::{Keychain, Secret, SecretKey};
use scout_testkit::{FakeTiktokApi, FakeTiktokOptions, FAKE_TIKTOK_APP_SECRET, FAKE_TIKTOK_AUTH_CODE};

const PRODUCT_ID: &str = "1729000000000000001";
const CREATE: &str = "/affiliate_seller/202508/target_collaborations";

pub(crate) struct Setup {
    pub(crate) _dir: tempfile::TempDir,
    pub(crate) ws: Workspace,
    pub(crate) api: FakeTiktokApi,
    pub(crate) campaign: i64,
    /// Creator ids in the order of `open_ids` (their handles are `creator0`, `creator1`, …).
    pub(crate) creators: Vec<i64>,
    pub(crate) open_ids: Vec<String>,
}

fn terms() -> OfferTerms {
    OfferTerms {
        commission: BasisPoints(1500),
        free_sample: Some(FreeSample { approval_exempt: true }),
        flat_fee: None,
        content_type: ContentType::Video,
        deadline: None,
        valid_until: Utc::now() + Duration::days(14),
    }
}

/// One message for everyone (no creator fields), so offers batch into one collaboration per 50.
fn template() -> OfferTemplate {
    OfferTemplate {
        subject: "{{ product.name }}".into(),
        body: "We would love you to try {{ product.name }}: {{ offer.commission }} commission\
               {% if offer.sample %} and a free sample{% endif %}. {{ seller.name }}"
            .into(),
    }
}

/// A workspace with creators carrying `open_ids`, all shortlisted for a campaign whose product has a
/// TikTok Shop id, and (when `connect`) connected to a fresh fake API in `scenario`. Each test has its
/// own app key and shop cipher, so tests running in parallel never share keychain entries.
pub(crate) async fn setup(test: &str, scenario: &str, open_ids: &[String], connect: bool) -> Setup {
    setup_with(test, FakeTiktokOptions::scenario(scenario), open_ids, connect).await
}

async fn setup_with(test: &str, fake: FakeTiktokOptions, open_ids: &[String], connect: bool) -> Setup {
    let (dir, ws) = workspace().await;
    let ws = ws.with_keychain(Keychain::with_service(scout_testkit::test_keychain_service()));
    let mut csv = String::from("username,open_id,followers\n");
    for (i, id) in open_ids.iter().enumerate() {
        csv.push_str(&format!("creator{i},{id},{}\n", 1000 + i));
    }
    let path = dir.path().join("creators.csv");
    std::fs::write(&path, csv).unwrap();
    let report = ws.import_file(ImportRequest::file(path), |_| {}, CancelToken::default()).await.unwrap();
    assert_eq!(report.counts.created as usize, open_ids.len());

    let mut spec: CampaignSpec = serde_json::from_str(EXAMPLE_CAMPAIGN).unwrap();
    spec.product.tiktok_product_id = Some(PRODUCT_ID.into());
    let campaign = ws.create_campaign(&spec).await.unwrap().id;
    let page = ws.list_creators(&CreatorQuery { limit: 1000, ..Default::default() }).await.unwrap();
    let mut creators = vec![0; open_ids.len()];
    for r in &page.rows {
        let detail = ws.creator(r.id).await.unwrap();
        let i = open_ids.iter().position(|o| Some(o) == detail.profile.open_id.as_ref()).unwrap();
        creators[i] = r.id;
    }
    for id in &creators {
        ws.shortlist_add(campaign, *id).await.unwrap();
    }
    ws.set_seller_profile(&SellerProfile { name: "Glow Labs".into() }).await.unwrap();

    let options = FakeTiktokOptions { app_key: format!("app-{test}"), ..fake };
    let api = FakeTiktokApi::start_with(&options);
    if connect {
        let connection = TiktokConnection {
            api_base: api.base_url(),
            auth_base: api.base_url(),
            interval_ms: 0,
            ..TiktokConnection::new(options.app_key.clone(), format!("cipher-{test}"))
        };
        let status = ws
            .connect_tiktok(&connection, Secret::new(FAKE_TIKTOK_APP_SECRET), FAKE_TIKTOK_AUTH_CODE)
            .await
            .unwrap();
        assert!(status.connected, "{status:?}");
    }
    Setup { _dir: dir, ws, api, campaign, creators, open_ids: open_ids.to_vec() }
}

pub(crate) fn ids(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i:03}")).collect()
}

pub(crate) async fn queue(s: &Setup) -> Vec<i64> {
    let draft = OfferDraft {
        campaign_id: s.campaign,
        creator_ids: s.creators.clone(),
        channel: OfferChannel::Tiktok,
        terms: terms(),
        template: template(),
    };
    s.ws.queue_offers(&draft).await.unwrap()
}

async fn stage(s: &Setup, creator: i64) -> Stage {
    s.ws.pipeline_board(Some(s.campaign))
        .await
        .unwrap()
        .iter()
        .find(|c| c.creator_id == creator)
        .unwrap()
        .stage
}

#[tokio::test]
async fn sixty_creators_go_out_as_two_collaborations_of_50_and_10() {
    if !scout_testkit::keychain_tests_enabled("sixty_creators_go_out_as_two_collaborations_of_50_and_10") {
        return;
    }
    let s = setup("sixty", "ok", &ids("creator-", 60), true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!((report.sent, report.failed, report.retrying, report.capped), (60, 0, 0, false), "{report:?}");

    let creates = s.api.requests_to("POST", CREATE);
    assert_eq!(creates.len(), 2, "two calls");
    let sizes: Vec<usize> =
        creates.iter().map(|r| r["body"]["creator_user_open_ids"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, [50, 10]);
    let body = &creates[0]["body"];
    assert_eq!(body["products"], serde_json::json!([{"id": PRODUCT_ID, "target_commission_rate": 1500}]));
    assert_eq!(
        body["free_sample_rule"],
        serde_json::json!({"has_free_sample": true, "is_sample_approval_exempt": true})
    );
    assert_eq!(body["name"], "Example: Glow serum launch");
    assert!(body["message"].as_str().unwrap().contains("15 % commission and a free sample"), "{body}");
    let sent_to: Vec<String> = creates
        .iter()
        .flat_map(|r| r["body"]["creator_user_open_ids"].as_array().unwrap().clone())
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(sent_to, s.open_ids, "every creator once, in order");
    assert!(creates.iter().all(|r| r["sign_valid"] == true));
    let quota_calls = s.api.requests_to("GET", "/affiliate_seller/202607/creator_outreach/quota");
    assert_eq!(quota_calls.len(), 3, "the quota is read when connecting, then before each call");

    let offers = s.ws.offers(s.campaign).await.unwrap();
    let collab_ids: Vec<String> = offers.iter().map(|o| o.external_id.clone().unwrap()).collect();
    assert!(offers.iter().all(|o| o.state == OfferState::Sent), "all sent");
    assert_eq!(collab_ids.iter().filter(|id| **id == collab_ids[0]).count(), 50);
    assert_eq!(collab_ids.iter().filter(|id| **id == collab_ids[59]).count(), 10);
    assert_ne!(collab_ids[0], collab_ids[59]);
    for c in [s.creators[0], s.creators[59]] {
        assert_eq!(stage(&s, c).await, Stage::Invited);
    }
    let again =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!(again.sent, 0, "nothing is sent twice");
    assert_eq!(s.api.requests_to("POST", CREATE).len(), 2);
}

#[tokio::test]
async fn a_rate_limit_is_waited_out_and_every_offer_goes() {
    if !scout_testkit::keychain_tests_enabled("a_rate_limit_is_waited_out_and_every_offer_goes") {
        return;
    }
    let s = setup("ratelimit", "rate_limit_then_ok", &ids("creator-", 3), true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!((report.sent, report.failed, report.retrying), (3, 0, 0), "{report:?}");
    assert!(s.api.requests().iter().any(|r| r["http_status"] == 429), "the API did say slow down");
}

#[tokio::test]
async fn an_exhausted_quota_sends_nothing_and_loses_nothing() {
    if !scout_testkit::keychain_tests_enabled("an_exhausted_quota_sends_nothing_and_loses_nothing") {
        return;
    }
    // The quota reads 0: nothing is claimed, every offer stays queued.
    let s = setup("quota0", "quota_exhausted", &ids("creator-", 4), true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert!(report.capped && report.sent == 0 && report.failed == 0, "{report:?}");
    assert!(s.api.requests_to("POST", CREATE).is_empty());
    assert!(s.ws.offers(s.campaign).await.unwrap().iter().all(|o| o.state == OfferState::Queued));

    // The quota read is stale and the create call is refused: retryable at the quota's reset time.
    let s = setup("quotastale", "quota_refused_on_create", &ids("creator-", 4), true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!((report.sent, report.failed, report.retrying, report.capped), (0, 0, 4, true), "{report:?}");
    assert_eq!(s.api.requests_to("POST", CREATE).len(), 1);
    let offers = s.ws.offers(s.campaign).await.unwrap();
    assert_eq!(offers.len(), 4, "none lost");
    for o in &offers {
        assert!(o.state == OfferState::Failed && o.retryable, "{o:?}");
        assert!(o.last_error.as_deref().unwrap().contains("quota"), "{o:?}");
    }
    let again =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!(again.sent + again.retrying, 0, "not due again before the quota resets");
}

#[tokio::test]
async fn the_outbox_claims_at_most_what_the_quota_leaves() {
    if !scout_testkit::keychain_tests_enabled("the_outbox_claims_at_most_what_the_quota_leaves") {
        return;
    }
    let fake = FakeTiktokOptions { quota: Some(3), ..FakeTiktokOptions::scenario("ok") };
    let s = setup_with("quota3", fake, &ids("creator-", 5), true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!((report.sent, report.failed, report.capped), (3, 0, true), "{report:?}");
    let creates = s.api.requests_to("POST", CREATE);
    assert_eq!(creates.len(), 1);
    assert_eq!(
        creates[0]["body"]["creator_user_open_ids"].as_array().unwrap().len(),
        3,
        "3 of 5: what was left"
    );
    let queued =
        s.ws.offers(s.campaign).await.unwrap().iter().filter(|o| o.state == OfferState::Queued).count();
    assert_eq!(queued, 2, "the rest wait, nothing lost");
    let status = s.ws.tiktok_status().await.unwrap();
    let quota = status.quota.unwrap();
    assert_eq!((quota.remaining, quota.all.used, quota.all.total), (Some(0), 3, 3));
    assert!(quota.describe().starts_with("0 of 3 new creators left this period"), "{}", quota.describe());
}

#[tokio::test]
async fn an_unlimited_shop_sends_everything_in_invitations_of_50() {
    if !scout_testkit::keychain_tests_enabled("an_unlimited_shop_sends_everything") {
        return;
    }
    let fake = FakeTiktokOptions { quota: Some(0), ..FakeTiktokOptions::scenario("quota_unlimited") };
    let s = setup_with("unlimited", fake, &ids("creator-", 3), true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!(
        (report.sent, report.capped),
        (3, false),
        "a quota_sum of 0 means nothing when unlimited: {report:?}"
    );
    let quota = s.ws.tiktok_status().await.unwrap().quota.unwrap();
    assert!(quota.unlimited && quota.remaining.is_none(), "{quota:?}");
}

#[tokio::test]
async fn an_unreadable_quota_is_said_and_does_not_stop_sending() {
    if !scout_testkit::keychain_tests_enabled("an_unreadable_quota_is_said") {
        return;
    }
    let s = setup("quotajunk", "quota_unreadable", &ids("creator-", 3), true).await;
    let status = s.ws.tiktok_status().await.unwrap();
    assert!(status.connected && status.quota.is_none(), "{status:?}");
    let problem = status.problem.unwrap();
    assert!(
        problem.contains("outreach quota could not be read") && problem.contains("still go out"),
        "{problem}"
    );
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!((report.sent, report.failed), (3, 0), "{report:?}");
    assert_eq!(report.notes.len(), 1, "said once: {report:?}");
    assert!(report.notes[0].contains("at most 50 creators per invitation"), "{report:?}");
    let quota_reads = s.api.requests_to("GET", "/affiliate_seller/202607/creator_outreach/quota");
    assert_eq!(quota_reads.len(), 3, "connect, status, then once in the run (not before every call)");
}

#[tokio::test]
async fn conflicting_and_invalid_creators_fail_with_the_reason_and_the_others_are_sent() {
    if !scout_testkit::keychain_tests_enabled("conflicting_and_invalid_creators_fail") {
        return;
    }
    let open_ids: Vec<String> =
        ["creator-a", "conflict-b", "creator-c", "invalid-d"].iter().map(|s| s.to_string()).collect();
    let s = setup("conflict", "ok", &open_ids, true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!((report.sent, report.failed, report.retrying), (2, 2, 0), "{report:?}");
    // TikTok Shop creates nothing when creators conflict and names them; the others go again at once.
    let creates = s.api.requests_to("POST", CREATE);
    let asked: Vec<usize> =
        creates.iter().map(|r| r["body"]["creator_user_open_ids"].as_array().unwrap().len()).collect();
    assert_eq!(asked, [4, 2], "the second call without the refused creators");
    let offers = s.ws.offers(s.campaign).await.unwrap();
    let by = |open_id: &str| offers.iter().find(|o| o.recipient.as_deref() == Some(open_id)).unwrap();
    assert_eq!(by("creator-a").state, OfferState::Sent);
    assert_eq!(by("creator-c").state, OfferState::Sent);
    let conflict = by("conflict-b");
    assert!(conflict.state == OfferState::Failed && !conflict.retryable);
    assert!(conflict.last_error.as_deref().unwrap().contains("conflicting"), "{conflict:?}");
    let invalid = by("invalid-d");
    assert!(invalid.state == OfferState::Failed && !invalid.retryable);
    assert!(invalid.last_error.as_deref().unwrap().contains("invalid-d"), "{invalid:?}");
    assert_eq!(stage(&s, s.creators[1]).await, Stage::Shortlisted, "a refused creator is not invited");
}

#[tokio::test]
async fn an_expired_token_is_refreshed_and_the_new_tokens_are_kept_in_the_keychain() {
    if !scout_testkit::keychain_tests_enabled("an_expired_token_is_refreshed") {
        return;
    }
    let s = setup("refresh", "expired_token_then_refresh", &ids("creator-", 2), true).await;
    queue(&s).await;
    let report =
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap();
    assert_eq!(report.sent, 2, "{report:?}");
    let keychain = Keychain::with_service(scout_testkit::test_keychain_service());
    let stored = keychain.get(&SecretKey::tiktok_tokens("app-refresh", "cipher-refresh")).unwrap().unwrap();
    let tokens: serde_json::Value = serde_json::from_str(stored.expose()).unwrap();
    assert_eq!(tokens["access_token"], format!("{}-refreshed-1", scout_testkit::FAKE_TIKTOK_ACCESS));
    assert_eq!(tokens["refresh_token"], format!("{}-1", scout_testkit::FAKE_TIKTOK_REFRESH));

    // The next run uses the stored tokens: no second refresh.
    let status = s.ws.tiktok_status().await.unwrap();
    assert!(status.connected && status.quota.is_some(), "{status:?}");
    let refreshes = s.api.requests().iter().filter(|r| r["path"] == "/api/v2/token/refresh").count();
    assert_eq!(refreshes, 1);

    s.ws.disconnect_tiktok().await.unwrap();
    assert!(keychain.get(&SecretKey::tiktok_tokens("app-refresh", "cipher-refresh")).unwrap().is_none());
    assert!(keychain.get(&SecretKey::tiktok_app_secret("app-refresh")).unwrap().is_none());
    let status = s.ws.tiktok_status().await.unwrap();
    assert!(!status.connected && status.connection.is_some(), "{status:?}");
}

#[tokio::test]
async fn status_sync_moves_creators_by_what_tiktok_shows_and_skips_refused_moves() {
    if !scout_testkit::keychain_tests_enabled("status_sync_moves_creators") {
        return;
    }
    let s = setup("sync", "ok", &ids("creator-", 5), true).await;
    queue(&s).await;
    assert_eq!(
        s.ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap()
            .sent,
        5
    );
    let o = &s.open_ids;
    // TikTok Shop shows acceptance as products in the showcase and posting as content with them.
    s.api.set_creator_status(&o[0], "ACCEPTED");
    s.api.set_creator_status(&o[1], "POSTED");
    s.api.set_creator_status(&o[2], "REMOVED");
    // o[3] stays pending; o[4] was declined by hand, so TikTok's "accepted" cannot move them.
    s.api.set_creator_status(&o[4], "ACCEPTED");
    s.ws.move_stage(s.campaign, s.creators[4], Stage::Declined, "said no by e-mail").await.unwrap();

    let report = s.ws.sync_tiktok_collaborations().await.unwrap();
    assert_eq!((report.collaborations, report.moved, report.unchanged), (1, 3, 1), "{report:?}");
    assert_eq!(report.skipped.len(), 1, "{report:?}");
    assert!(report.errors.is_empty(), "{report:?}");
    assert_eq!(stage(&s, s.creators[0]).await, Stage::Agreed);
    assert_eq!(stage(&s, s.creators[1]).await, Stage::ContentPosted, "through agreed");
    assert_eq!(stage(&s, s.creators[2]).await, Stage::Withdrawn);
    assert_eq!(stage(&s, s.creators[3]).await, Stage::Invited);
    assert_eq!(stage(&s, s.creators[4]).await, Stage::Declined);
    let collab = s.ws.offers(s.campaign).await.unwrap()[0].external_id.clone().unwrap();
    let timeline = s.ws.timeline(s.creators[0]).await.unwrap();
    assert_eq!(
        timeline.last().unwrap().cause,
        format!("TikTok Shop: collaboration {collab} accepted (products in their showcase)")
    );

    let again = s.ws.sync_tiktok_collaborations().await.unwrap();
    assert_eq!(again.moved, 0, "a second sync changes nothing: {again:?}");

    // The invitation ends: whoever did not accept let it expire.
    s.api.set_collaboration_end(&collab, Utc::now().timestamp() - 60);
    let ended = s.ws.sync_tiktok_collaborations().await.unwrap();
    assert_eq!(ended.moved, 1, "{ended:?}");
    assert_eq!(stage(&s, s.creators[3]).await, Stage::NoResponse);
    assert_eq!(stage(&s, s.creators[0]).await, Stage::Agreed, "accepted stays agreed after the end");
}

#[tokio::test]
async fn a_crash_mid_call_leaves_the_batch_to_check_and_nothing_is_sent_again() {
    // No secrets: only the connection's settings are saved (so offers can be queued), never its tokens,
    // so any attempt to send would fail loudly.
    let s = setup("crash", "ok", &ids("creator-", 3), false).await;
    let connection =
        TiktokConnection { api_base: s.api.base_url(), ..TiktokConnection::new("app-crash", "cipher") };
    s.ws.set_tiktok_connection(&connection).await.unwrap();
    let path = s.ws.path();
    queue(&s).await;
    s.ws.close().await;

    // A worker claims the batch and "dies" before settling it.
    let store = scout_store::Store::open(&path).await.unwrap();
    let batch = store.claim_offer_batch(OfferChannel::Tiktok, Utc::now(), 50).await.unwrap().unwrap();
    assert_eq!(batch.offers.len(), 3, "one claim takes the whole batch");
    assert!(batch.offers.iter().all(|o| o.state == OfferState::Sending));
    drop(store);

    let ws = Workspace::open(&path).await.unwrap();
    let report = ws
        .run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
        .await
        .unwrap();
    assert_eq!((report.needs_check, report.sent), (3, 0), "{report:?}");
    let offers = ws.offers(s.campaign).await.unwrap();
    assert!(offers.iter().all(|o| o.state == OfferState::NeedsCheck), "{offers:?}");
    assert!(
        ws.run_outbox(&scout_app::OutboxRun::only(OfferChannel::Tiktok), &CancelToken::default())
            .await
            .unwrap()
            .sent
            == 0
    );
    assert!(s.api.requests().is_empty(), "nothing reached TikTok Shop");
}

#[tokio::test]
async fn a_tiktok_preview_without_a_product_id_is_blocked_naming_the_field() {
    let s = setup("preview", "ok", &ids("creator-", 1), false).await;
    let spec: CampaignSpec = serde_json::from_str(EXAMPLE_CAMPAIGN).unwrap();
    let campaign = s.ws.create_campaign(&CampaignSpec { name: "No id".into(), ..spec }).await.unwrap().id;
    let draft = OfferDraft {
        campaign_id: campaign,
        creator_ids: s.creators.clone(),
        channel: OfferChannel::Tiktok,
        terms: terms(),
        template: template(),
    };
    let previews = s.ws.preview_offers(&draft).await.unwrap();
    match &previews[0].message {
        PreviewedMessage::Blocked(why) => assert!(why.contains("product.tiktok_product_id"), "{why}"),
        other => panic!("expected blocked, got {other:?}"),
    }
    assert!(s.ws.queue_offers(&draft).await.is_err(), "nothing is queued");
}
