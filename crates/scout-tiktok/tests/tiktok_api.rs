//! The TikTok Shop client against a real HTTP server process on loopback
//! (`fixtures/tiktok/fake_tiktok_api.py`), which checks every signature with its own implementation of
//! the spec and records every request it received. Affiliate orders are in `tiktok_api/orders.rs`, the
//! creator marketplace in `tiktok_api/marketplace.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::{Duration as ChronoDuration, Utc};
use scout_tiktok::{
    batches, exchange_code, CollaborationFilter, CreatorAnswer, FreeSampleRule, ProductCommission, QuotaPart,
    TargetCollaboration, TiktokClient, TiktokConfig, TiktokError, Tokens, MAX_CREATORS,
};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

use scout_testkit::{
    FakeTiktokApi, FAKE_TIKTOK_ACCESS as ACCESS, FAKE_TIKTOK_APP_KEY as APP_KEY,
    FAKE_TIKTOK_APP_SECRET as APP_SECRET, FAKE_TIKTOK_AUTH_CODE as AUTH_CODE, FAKE_TIKTOK_REFRESH as REFRESH,
    FAKE_TIKTOK_SHOP_CIPHER as SHOP_CIPHER,
};

#[path = "tiktok_api/marketplace.rs"]
mod marketplace;
#[path = "tiktok_api/messages.rs"]
mod messages;
#[path = "tiktok_api/orders.rs"]
mod orders;
#[path = "tiktok_api/samples.rs"]
mod samples;
#[path = "tiktok_api/wire_fields.rs"]
mod wire_fields;

/// The shared fake server (scout-testkit) with this suite's client helpers.
struct FakeTiktok {
    api: FakeTiktokApi,
}

impl FakeTiktok {
    fn start(scenario: &str) -> FakeTiktok {
        FakeTiktok { api: FakeTiktokApi::start(scenario) }
    }

    fn config(&self) -> TiktokConfig {
        let base = self.api.base_url();
        TiktokConfig { api_base: base.clone(), auth_base: base, ..TiktokConfig::new(APP_KEY, SHOP_CIPHER) }
    }

    fn client_with(&self, secret: &str, tokens: Tokens) -> TiktokClient {
        TiktokClient::new(self.config(), secret.to_string(), tokens)
            .unwrap()
            .with_retry_base(Duration::from_millis(10))
    }

    fn client(&self) -> TiktokClient {
        self.client_with(APP_SECRET, tokens_valid_for(ChronoDuration::hours(1)))
    }

    /// Every request the server received, in order.
    fn requests(&self) -> Vec<Value> {
        self.api.requests()
    }
}

fn tokens_valid_for(access: ChronoDuration) -> Tokens {
    Tokens {
        access_token: ACCESS.into(),
        access_expires_at: Utc::now() + access,
        refresh_token: REFRESH.into(),
        refresh_expires_at: Utc::now() + ChronoDuration::days(30),
    }
}

fn offer(creators: &[&str]) -> TargetCollaboration {
    TargetCollaboration {
        name: "Glow serum launch".into(),
        end_time: chrono::DateTime::from_timestamp(1_900_000_000, 0).unwrap(),
        products: vec![
            ProductCommission { product_id: "1729000000000000001".into(), commission_bps: 1500 },
            ProductCommission { product_id: "1729000000000000002".into(), commission_bps: 100 },
        ],
        creator_open_ids: creators.iter().map(|c| c.to_string()).collect(),
        seller_email: Some("partners@glowlabs.example".into()),
        free_sample: FreeSampleRule { has_free_sample: true, is_sample_approval_exempt: false },
        message: "Hi! We love your skincare videos — 15 % commission and a free sample.".into(),
        preferred_content_type: None,
    }
}

/// One correctly signed shop call with any body, as the client would never send it (to show the fake
/// refuses a wrong name), over a plain socket: the HTTP status and the reply.
fn raw_call(
    api: &FakeTiktok,
    method: &str,
    path: &str,
    extra: &[(&str, &str)],
    body: &Value,
) -> (u16, Value) {
    use std::io::{Read, Write};
    let timestamp = Utc::now().timestamp().to_string();
    let mut query =
        vec![("app_key", APP_KEY), ("timestamp", timestamp.as_str()), ("shop_cipher", SHOP_CIPHER)];
    query.extend_from_slice(extra);
    let bytes = serde_json::to_vec(body).unwrap();
    let sign = scout_tiktok::signing::sign(APP_SECRET, path, &query, &bytes);
    query.push(("sign", &sign));
    // Every value here is letters, digits, '-' and '_': nothing to escape.
    let query: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let mut socket = std::net::TcpStream::connect(("127.0.0.1", api.api.port)).unwrap();
    write!(
        socket,
        "{method} {path}?{} HTTP/1.1\r\nHost: 127.0.0.1\r\nx-tts-access-token: {ACCESS}\r\n\
         content-type: application/json\r\ncontent-length: {}\r\nConnection: close\r\n\r\n",
        query.join("&"),
        bytes.len()
    )
    .unwrap();
    socket.write_all(&bytes).unwrap();
    let mut answer = String::new();
    socket.read_to_string(&mut answer).unwrap();
    let (head, reply) = answer.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, serde_json::from_str(reply).unwrap())
}

fn assert_signed_shop_call(r: &Value, token: &str) {
    assert_eq!(r["sign_valid"], true, "the server accepted the signature: {r}");
    let q = &r["query"];
    assert_eq!(q["app_key"], APP_KEY, "{r}");
    assert_eq!(q["shop_cipher"], SHOP_CIPHER, "{r}");
    let ts = q["timestamp"].as_str().unwrap();
    assert!(ts.len() == 10 && ts.bytes().all(|b| b.is_ascii_digit()), "10-digit timestamp: {ts}");
    assert!((ts.parse::<i64>().unwrap() - Utc::now().timestamp()).abs() < 60, "timestamp is now: {ts}");
    let sign = q["sign"].as_str().unwrap();
    assert!(
        sign.len() == 64 && sign.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
        "{sign}"
    );
    assert_eq!(r["token"], token, "the access token travels in x-tts-access-token: {r}");
    assert!(q.get("access_token").is_none() && q.get("app_secret").is_none(), "no secret in the query: {r}");
}

#[tokio::test]
async fn exchange_code_turns_an_authorization_code_into_tokens() {
    let api = FakeTiktok::start("ok");
    let tokens = exchange_code(&api.config(), APP_SECRET, AUTH_CODE).await.unwrap();
    assert_eq!(tokens.access_token, ACCESS);
    assert_eq!(tokens.refresh_token, REFRESH);
    let in_a_week = Utc::now() + ChronoDuration::days(7);
    assert!(
        (tokens.access_expires_at - in_a_week).num_seconds().abs() < 60,
        "access_token_expire_in is read as an absolute Unix time: {:?}",
        tokens.access_expires_at
    );
    assert!(tokens.refresh_expires_at > tokens.access_expires_at);

    let refused = exchange_code(&api.config(), APP_SECRET, "stale-code").await.unwrap_err();
    assert!(
        matches!(&refused, TiktokError::Unauthorized { message } if message.contains("invalid auth_code")),
        "{refused:?}"
    );

    let requests = api.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0]["path"], "/api/v2/token/get");
    assert_eq!(
        requests[0]["query"],
        json!({"app_key": APP_KEY, "app_secret": APP_SECRET, "auth_code": AUTH_CODE, "grant_type": "authorized_code"})
    );
}

#[tokio::test]
async fn a_target_collaboration_is_created_with_a_signed_exact_body_and_its_creators_read_back() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let creators = ["c-accept-1", "c-post-2", "c-3"];
    let created = client.create_target_collaboration(&offer(&creators)).await.unwrap();
    let id = created.id.clone().expect("an id");
    assert!(created.conflicting_creator_open_ids.is_empty() && created.invalid_creator_open_ids.is_empty());
    assert!(created.invalid_product_ids.is_empty());

    let requests = api.requests();
    assert_eq!(requests.len(), 1, "one call");
    let r = &requests[0];
    assert_eq!(r["method"], "POST");
    assert_eq!(r["path"], "/affiliate_seller/202508/target_collaborations");
    assert_eq!(r["content_type"], "application/json");
    assert_signed_shop_call(r, ACCESS);
    assert_eq!(
        r["body"],
        json!({
            "name": "Glow serum launch",
            "end_time": "1900000000",
            "products": [
                {"id": "1729000000000000001", "target_commission_rate": 1500},
                {"id": "1729000000000000002", "target_commission_rate": 100}
            ],
            "creator_user_open_ids": creators,
            "seller_contact_info": {"email": "partners@glowlabs.example"},
            "free_sample_rule": {"has_free_sample": true, "is_sample_approval_exempt": false},
            "message": "Hi! We love your skincare videos — 15 % commission and a free sample."
        }),
        "the API received the documented body"
    );

    let status = client.collaboration(&id).await.unwrap();
    assert_eq!(status.id, id);
    assert_eq!(status.name.as_deref(), Some("Glow serum launch"));
    assert_eq!(status.end_time.map(|t| t.timestamp()), Some(1_900_000_000));
    let now = Utc::now();
    let answers: Vec<(&str, CreatorAnswer)> =
        status.creators.iter().map(|c| (c.open_id.as_str(), c.answer(status.ended(now)))).collect();
    assert_eq!(
        answers,
        [
            ("c-accept-1", CreatorAnswer::Accepted),
            ("c-post-2", CreatorAnswer::Posted),
            ("c-3", CreatorAnswer::Pending)
        ],
        "showcase → accepted, content → posted, neither → pending"
    );
    assert_eq!(status.creators[0].username.as_deref(), Some("c_accept_1"));
    api.api.set_creator_status("c-3", "REMOVED");
    api.api.set_collaboration_end(&id, now.timestamp() - 60);
    let later = client.collaboration(&id).await.unwrap();
    assert!(later.ended(now));
    assert_eq!(later.answer_of("c-3", now), CreatorAnswer::Removed);
    assert_eq!(later.answer_of("c-accept-1", now), CreatorAnswer::Accepted, "accepted stays accepted");
    let get = &api.requests()[1];
    assert_eq!(get["method"], "GET");
    assert_signed_shop_call(get, ACCESS);
    assert_eq!(get["body"], Value::Null, "a GET has no body");
    assert!(!client.tokens_changed(), "nothing was refreshed");
}

#[tokio::test]
async fn conflicting_or_invalid_creators_fail_the_create_and_are_named() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let before = client.outreach_quota().await.unwrap();
    let created =
        client.create_target_collaboration(&offer(&["c-1", "conflict-2", "invalid-3"])).await.unwrap();
    assert_eq!(created.id, None, "nothing was created");
    assert_eq!(
        created.conflicting_creator_open_ids,
        ["conflict-2"],
        "named from target_collaboration_conflicts"
    );
    assert_eq!(created.invalid_creator_open_ids, ["invalid-3"], "named from invalid_open_id_list");
    assert_eq!(client.outreach_quota().await.unwrap(), before, "no quota used");
}

#[tokio::test]
async fn one_hundred_twenty_creators_go_out_in_three_calls_of_50_50_20() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let creators: Vec<String> = (0..120).map(|i| format!("creator-{i:03}")).collect();
    let mut ids = Vec::new();
    for batch in batches(&creators, MAX_CREATORS) {
        let mut o = offer(&[]);
        o.creator_open_ids = batch;
        ids.push(client.create_target_collaboration(&o).await.unwrap().id.unwrap());
    }
    let requests = api.requests();
    let sizes: Vec<usize> =
        requests.iter().map(|r| r["body"]["creator_user_open_ids"].as_array().unwrap().len()).collect();
    assert_eq!(sizes, [50, 50, 20], "three calls reached the server");
    let sent: Vec<String> = requests
        .iter()
        .flat_map(|r| r["body"]["creator_user_open_ids"].as_array().unwrap().clone())
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(sent, creators, "every creator once, in order");
    assert!(requests.iter().all(|r| r["sign_valid"] == true && r["code"] == 0));
    ids.dedup();
    assert_eq!(ids.len(), 3, "three collaborations");
}

#[tokio::test]
async fn collaborations_are_found_by_id_and_by_search_page_by_page() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let mut created = Vec::new();
    for i in 0..25 {
        let o = offer(&[&format!("creator-{i}")]);
        created.push(client.create_target_collaboration(&o).await.unwrap().id.unwrap());
    }
    let (first, token) = client.search_collaborations(CollaborationFilter::Valid, None).await.unwrap();
    assert_eq!(first.len(), 20, "a full first page");
    assert_eq!((first[0].invited, first[0].accepted, first[0].posted), (1, 0, 0), "counts read");
    let token = token.expect("a next page");
    let (second, last) =
        client.search_collaborations(CollaborationFilter::Valid, Some(token.clone())).await.unwrap();
    assert_eq!(second.len(), 5);
    assert_eq!(last, None, "no page after the last");
    let mut found: Vec<String> = first.iter().chain(&second).map(|c| c.id.clone()).collect();
    assert_eq!(found[0], created[24], "newest first");
    found.sort();
    created.sort();
    assert_eq!(found, created, "search finds every collaboration created in this run");

    let requests = api.requests();
    let searches: Vec<&Value> =
        requests.iter().filter(|r| r["path"].as_str().unwrap().ends_with("/search")).collect();
    assert_eq!(searches.len(), 2);
    for s in &searches {
        assert_signed_shop_call(s, ACCESS);
        assert_eq!(s["query"]["page_size"], "20");
        assert_eq!(s["body"], json!({"collaboration_status": "VALID"}), "the model's required filter");
    }
    let (done, _) = client.search_collaborations(CollaborationFilter::Completed, None).await.unwrap();
    assert!(done.is_empty(), "none has ended");
    assert_eq!(searches[1]["query"]["page_token"], token.as_str(), "the page token is sent and signed");

    let missing = client.collaboration("404404").await.unwrap_err();
    assert!(
        matches!(&missing, TiktokError::Api { code: 16024001, message, .. } if message.contains("not found")),
        "{missing:?}"
    );
    let bad_id = client.collaboration("../quota").await.unwrap_err();
    assert!(matches!(bad_id, TiktokError::Invalid { .. }), "an id that is not one is refused locally");
}

#[tokio::test]
async fn the_outreach_quota_counts_down_as_creators_are_invited() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let before = client.outreach_quota().await.unwrap();
    assert_eq!((before.remaining(), before.all), (Some(200), QuotaPart { used: 0, total: 200 }));
    assert_eq!(before.period, Some(QuotaPart { used: 0, total: 200 }), "quota_type 'period quota'");
    assert_eq!(before.max_follower_count, Some(1_000_000));
    assert!(before.period_end.is_some_and(|t| t > Utc::now()), "{before:?}");
    client.create_target_collaboration(&offer(&["a", "b", "c"])).await.unwrap();
    let after = client.outreach_quota().await.unwrap();
    assert_eq!((after.remaining(), after.all.used), (Some(197), 3));
    let unlimited = FakeTiktok::start("quota_unlimited").client().outreach_quota().await.unwrap();
    assert_eq!((unlimited.unlimited, unlimited.remaining()), (true, None));
    let err = FakeTiktok::start("quota_unreadable").client().outreach_quota().await.unwrap_err();
    assert!(matches!(&err, TiktokError::Unexpected(m) if m.contains("data.data is missing")), "{err:?}");
    let r = &api.requests()[0];
    assert_eq!(r["path"], "/affiliate_seller/202607/creator_outreach/quota");
    assert_signed_shop_call(r, ACCESS);
}

#[tokio::test]
async fn a_rate_limit_or_server_error_is_retried_and_the_call_succeeds() {
    for (scenario, status) in [("rate_limit_then_ok", 429), ("server_error_then_ok", 503)] {
        let api = FakeTiktok::start(scenario);
        let client = api.client();
        let created = client.create_target_collaboration(&offer(&["c-1"])).await.unwrap();
        assert!(created.id.is_some());
        let requests = api.requests();
        let statuses: Vec<i64> = requests.iter().map(|r| r["http_status"].as_i64().unwrap()).collect();
        assert_eq!(statuses, [status, 200], "{scenario}: refused once, then done");
        assert_eq!(requests[0]["body"], requests[1]["body"], "the same body again");
        assert!(requests.iter().all(|r| r["sign_valid"] == true), "each attempt is signed afresh");
    }
}

#[tokio::test]
async fn a_lasting_rate_limit_gives_up_after_three_retries_as_retryable() {
    let api = FakeTiktok::start("always_rate_limited");
    let client = api.client();
    let started = Instant::now();
    let err = client.outreach_quota().await.unwrap_err();
    assert!(
        matches!(&err, TiktokError::RateLimited { code: 36009002, message, .. } if message == "too many requests"),
        "{err:?}"
    );
    assert!(err.is_retryable());
    assert_eq!(api.requests().len(), 4, "the first try and three retries");
    // Waits of at least 5 + 10 + 20 ms with a 10 ms base (the jitter only adds).
    assert!(started.elapsed() >= Duration::from_millis(35), "backed off: {:?}", started.elapsed());
}

#[tokio::test]
async fn an_expired_token_is_refreshed_once_and_the_call_repeated_with_the_new_one() {
    let api = FakeTiktok::start("expired_token_then_refresh");
    let client = api.client();
    let created = client.create_target_collaboration(&offer(&["c-1"])).await.unwrap();
    assert!(created.id.is_some());
    assert!(client.tokens_changed(), "the caller is told to store the new tokens");
    let tokens = client.tokens();
    let new_access = format!("{ACCESS}-refreshed-1");
    assert_eq!(tokens.access_token, new_access);
    assert_eq!(tokens.refresh_token, format!("{REFRESH}-1"));

    client.outreach_quota().await.unwrap();
    let requests = api.requests();
    let seen: Vec<(String, i64)> = requests
        .iter()
        .map(|r| (r["path"].as_str().unwrap().to_string(), r["code"].as_i64().unwrap()))
        .collect();
    assert_eq!(
        seen,
        [
            ("/affiliate_seller/202508/target_collaborations".to_string(), 105002),
            ("/api/v2/token/refresh".to_string(), 0),
            ("/affiliate_seller/202508/target_collaborations".to_string(), 0),
            ("/affiliate_seller/202607/creator_outreach/quota".to_string(), 0),
        ],
        "expired, refreshed once, repeated, and the next call needs no refresh"
    );
    assert_eq!(requests[0]["token"], ACCESS);
    assert_eq!(
        requests[1]["query"],
        json!({"app_key": APP_KEY, "app_secret": APP_SECRET, "refresh_token": REFRESH, "grant_type": "refresh_token"})
    );
    assert_signed_shop_call(&requests[2], &new_access);
    assert_signed_shop_call(&requests[3], &new_access);
    assert_eq!(requests[0]["body"], requests[2]["body"]);
}

#[tokio::test]
async fn a_token_about_to_expire_is_refreshed_before_the_call() {
    let api = FakeTiktok::start("ok");
    let client = api.client_with(APP_SECRET, tokens_valid_for(ChronoDuration::seconds(30)));
    client.outreach_quota().await.unwrap();
    let requests = api.requests();
    assert_eq!(requests[0]["path"], "/api/v2/token/refresh", "refreshed first");
    assert_signed_shop_call(&requests[1], &format!("{ACCESS}-refreshed-1"));
    assert_eq!(requests.len(), 2);
    assert!(client.tokens_changed());
    assert!(client.tokens().access_expires_at > Utc::now() + ChronoDuration::days(6));
}

#[tokio::test]
async fn an_expired_refresh_token_means_authorize_again_without_calling() {
    let api = FakeTiktok::start("ok");
    let mut tokens = tokens_valid_for(ChronoDuration::seconds(-10));
    tokens.refresh_expires_at = Utc::now() - ChronoDuration::days(1);
    let client = api.client_with(APP_SECRET, tokens);
    let err = client.outreach_quota().await.unwrap_err();
    assert!(matches!(err, TiktokError::Unauthorized { .. }), "{err:?}");
    assert!(err.needs_reauthorization() && !err.is_retryable());
    assert!(api.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn business_refusals_map_to_their_errors_with_the_api_message() {
    let api = FakeTiktok::start("quota_exhausted");
    let err = api.client().create_target_collaboration(&offer(&["c-1"])).await.unwrap_err();
    assert!(
        matches!(&err, TiktokError::QuotaExhausted { message, .. } if message == "insufficient outreach quota"),
        "{err:?}"
    );
    assert!(!err.is_retryable());

    let api = FakeTiktok::start("conflict");
    let err = api.client().create_target_collaboration(&offer(&["c-1"])).await.unwrap_err();
    assert!(matches!(&err, TiktokError::Conflict { message, .. } if message.contains("already")), "{err:?}");
    assert_eq!(err.code(), Some(16024022));

    let api = FakeTiktok::start("ok");
    let mut o = offer(&["c-1"]);
    o.message = "a forbidden word".into();
    let err = api.client().create_target_collaboration(&o).await.unwrap_err();
    assert!(
        matches!(&err, TiktokError::SensitiveWords { message, .. } if message.contains("sensitive")),
        "{err:?}"
    );
    assert_eq!(api.requests().len(), 1, "business refusals are not retried");
}

#[tokio::test]
async fn a_wrong_app_secret_is_refused_by_the_server_as_invalid_sign() {
    let api = FakeTiktok::start("ok");
    let client = api.client_with("not-the-app-secret", tokens_valid_for(ChronoDuration::hours(1)));
    let err = client.create_target_collaboration(&offer(&["c-1"])).await.unwrap_err();
    assert!(
        matches!(&err, TiktokError::InvalidSign { message, .. } if message == "Invalid signature"),
        "{err:?}"
    );
    let requests = api.requests();
    assert_eq!(requests.len(), 1, "not retried");
    assert_eq!(requests[0]["sign_valid"], false, "the server checked the signature and found it wrong");
}

#[tokio::test]
async fn invalid_collaborations_are_refused_before_anything_is_sent() {
    let api = FakeTiktok::start("ok");
    let client = api.client();
    let too_many: Vec<String> = (0..51).map(|i| format!("c{i}")).collect();
    let mut o = offer(&[]);
    o.creator_open_ids = too_many;
    let err = client.create_target_collaboration(&o).await.unwrap_err();
    assert!(
        matches!(&err, TiktokError::Invalid { field, .. } if field == "creator_user_open_ids"),
        "{err:?}"
    );
    let mut o = offer(&["c-1"]);
    o.products[0].commission_bps = 9000;
    let err = client.create_target_collaboration(&o).await.unwrap_err();
    assert!(err.to_string().starts_with("products[0].target_commission_rate: 9000 basis points"), "{err}");
    assert!(api.requests().is_empty(), "nothing reached the server");
}

#[tokio::test]
async fn secrets_and_tokens_never_appear_in_errors_or_debug_output() {
    let mut shown = Vec::new();

    // The refresh endpoint echoes its query (app secret, refresh token) in its error message.
    let api = FakeTiktok::start("refresh_refused");
    let client = api.client_with(APP_SECRET, tokens_valid_for(ChronoDuration::seconds(5)));
    let err = client.outreach_quota().await.unwrap_err();
    assert!(
        matches!(&err, TiktokError::Unauthorized { message } if message.contains("[redacted]")),
        "{err:?}"
    );
    shown.push(format!("{err} {err:?} {client:?} {:?}", client.tokens()));
    let err = client.refresh_tokens().await.unwrap_err();
    shown.push(format!("{err} {err:?}"));

    // A wrong secret, and a server that does not answer at all (the OAuth URL holds the app secret).
    let api = FakeTiktok::start("ok");
    let wrong = api.client_with("not-the-app-secret", tokens_valid_for(ChronoDuration::hours(1)));
    let err = wrong.outreach_quota().await.unwrap_err();
    shown.push(format!("{err} {err:?}"));
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let mut gone = api.config();
    gone.api_base = format!("http://127.0.0.1:{closed}");
    gone.auth_base = gone.api_base.clone();
    let err = exchange_code(&gone, APP_SECRET, AUTH_CODE).await.unwrap_err();
    assert!(matches!(err, TiktokError::Transport(_)) && err.is_retryable(), "{err:?}");
    shown.push(format!("{err} {err:?}"));
    let client =
        TiktokClient::new(gone, APP_SECRET.into(), tokens_valid_for(ChronoDuration::seconds(5))).unwrap();
    let err = client.outreach_quota().await.unwrap_err();
    assert!(matches!(err, TiktokError::Transport(_)), "{err:?}");
    shown.push(format!("{err} {err:?} {client:?}"));
    let client =
        TiktokClient::new(api.config(), APP_SECRET.into(), tokens_valid_for(ChronoDuration::hours(1)))
            .unwrap();
    let err = client.outreach_quota().await;
    assert!(err.is_ok());
    shown.push(format!("{client:?}"));

    for text in &shown {
        for secret in [APP_SECRET, ACCESS, REFRESH, AUTH_CODE] {
            assert!(!text.contains(secret), "'{secret}' leaked into: {text}");
        }
    }
}

#[tokio::test]
async fn concurrent_calls_with_an_expired_token_refresh_it_only_once() {
    let api = FakeTiktok::start("expired_token_then_refresh");
    let client = api.client();
    let (a, b, c) = tokio::join!(client.outreach_quota(), client.outreach_quota(), client.outreach_quota());
    a.unwrap();
    b.unwrap();
    c.unwrap();
    let requests = api.requests();
    let refreshes = requests.iter().filter(|r| r["path"] == "/api/v2/token/refresh").count();
    assert_eq!(refreshes, 1, "one refresh for all three calls: {requests:#?}");
    let successes: Vec<&Value> =
        requests.iter().filter(|r| r["code"] == 0 && r["sign_valid"] == true).collect();
    assert_eq!(successes.len(), 3);
    for r in successes {
        assert_eq!(r["token"], format!("{ACCESS}-refreshed-1"));
    }
}
