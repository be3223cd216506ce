//! [`FakeTiktokApi`]: `fixtures/tiktok/fake_tiktok_api.py`, a real HTTP server process on loopback that
//! checks every signature with its own implementation of the spec and records every request.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};

/// The app key the fake server expects unless told otherwise.
pub const FAKE_TIKTOK_APP_KEY: &str = "test-app-key-6f2";
/// The app secret the fake server signs with.
pub const FAKE_TIKTOK_APP_SECRET: &str = "s3cret-app-secret-4d1f";
/// The access token the fake server issues first.
pub const FAKE_TIKTOK_ACCESS: &str = "at-0b5e9c-initial";
/// The refresh token the fake server issues first.
pub const FAKE_TIKTOK_REFRESH: &str = "rt-77a2d0-initial";
/// The authorization code the fake server exchanges for tokens.
pub const FAKE_TIKTOK_AUTH_CODE: &str = "code-91c4";
/// A shop cipher for tests (the server only checks one is present).
pub const FAKE_TIKTOK_SHOP_CIPHER: &str = "shop-cipher-GCP_XF90";
/// 2026-11-01T00:00:00Z: the fake's sample affiliate orders are created in the four days after this,
/// unless [`FakeTiktokOptions::orders_anchor`] says otherwise.
pub const FAKE_TIKTOK_ORDERS_ANCHOR: i64 = 1_793_491_200;

/// How the fake server behaves and which credentials it accepts.
#[derive(Debug, Clone)]
pub struct FakeTiktokOptions {
    /// A scenario from the script's docstring (`ok`, `rate_limit_then_ok`, `quota_exhausted`, …).
    pub scenario: String,
    pub app_key: String,
    pub app_secret: String,
    pub access_token: String,
    pub refresh_token: String,
    pub auth_code: String,
    /// The outreach quota (default 200 creators).
    pub quota: Option<u32>,
    /// Unix seconds the sample affiliate orders are dated from (default 2026-11-01T00:00:00Z; they
    /// span the four days after it). See [`FAKE_TIKTOK_ORDERS_ANCHOR`].
    pub orders_anchor: Option<i64>,
    /// Unix seconds the synthetic sample history is dated from (default: today 00:00 UTC when the
    /// server starts): the same anchor gives the same requests, deadlines included.
    pub samples_anchor: Option<i64>,
}

impl FakeTiktokOptions {
    pub fn scenario(scenario: &str) -> FakeTiktokOptions {
        FakeTiktokOptions {
            scenario: scenario.to_string(),
            app_key: FAKE_TIKTOK_APP_KEY.into(),
            app_secret: FAKE_TIKTOK_APP_SECRET.into(),
            access_token: FAKE_TIKTOK_ACCESS.into(),
            refresh_token: FAKE_TIKTOK_REFRESH.into(),
            auth_code: FAKE_TIKTOK_AUTH_CODE.into(),
            quota: None,
            orders_anchor: None,
            samples_anchor: None,
        }
    }
}

/// The fake TikTok Shop API on a free loopback port; stopped on drop.
#[derive(Debug)]
pub struct FakeTiktokApi {
    child: Child,
    pub port: u16,
    record: PathBuf,
    statuses: PathBuf,
    orders: PathBuf,
    inbox: PathBuf,
    _dir: tempfile::TempDir,
}

impl FakeTiktokApi {
    /// Starts the server in `scenario` with the default credentials.
    pub fn start(scenario: &str) -> FakeTiktokApi {
        FakeTiktokApi::start_with(&FakeTiktokOptions::scenario(scenario))
    }

    pub fn start_with(o: &FakeTiktokOptions) -> FakeTiktokApi {
        let dir = tempfile::tempdir().unwrap();
        let record = dir.path().join("requests.jsonl");
        let statuses = dir.path().join("statuses.json");
        let orders = dir.path().join("orders.json");
        let inbox = dir.path().join("inbox.json");
        let mut command = Command::new(crate::python_with("json"));
        command
            .arg(crate::fixtures().join("tiktok/fake_tiktok_api.py"))
            .args(["--record", record.to_str().unwrap(), "--scenario", &o.scenario])
            .args(["--app-key", &o.app_key, "--app-secret", &o.app_secret, "--access-token", &o.access_token])
            .args(["--refresh-token", &o.refresh_token, "--auth-code", &o.auth_code])
            .args(["--statuses", statuses.to_str().unwrap(), "--orders", orders.to_str().unwrap()])
            .args(["--inbox", inbox.to_str().unwrap()]);
        if let Some(quota) = o.quota {
            command.args(["--quota", &quota.to_string()]);
        }
        if let Some(anchor) = o.orders_anchor {
            command.args(["--orders-anchor", &anchor.to_string()]);
        }
        if let Some(anchor) = o.samples_anchor {
            command.args(["--samples-anchor", &anchor.to_string()]);
        }
        let mut child =
            command.stdout(Stdio::piped()).spawn().expect("python3 runs the fake TikTok Shop API");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let port =
            line.trim().strip_prefix("LISTENING ").expect("the server announces its port").parse().unwrap();
        FakeTiktokApi { child, port, record, statuses, orders, inbox, _dir: dir }
    }

    /// `http://127.0.0.1:<port>`: both the API and the OAuth base URL.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every request the server received, in order: `{method, path, query, token, body, sign_valid,
    /// http_status, code, reply}` (`reply` is the JSON the server answered).
    pub fn requests(&self) -> Vec<Value> {
        match std::fs::read_to_string(&self.record) {
            Ok(text) => text.lines().map(|l| serde_json::from_str(l).unwrap()).collect(),
            Err(_) => Vec::new(),
        }
    }

    /// The requests to one path (e.g. `/affiliate_seller/202508/target_collaborations`) with one method.
    pub fn requests_to(&self, method: &str, path: &str) -> Vec<Value> {
        self.requests().into_iter().filter(|r| r["method"] == method && r["path"] == path).collect()
    }

    /// From now on this creator stands as `state` in every collaboration: `PENDING`, `ACCEPTED` (the
    /// products in their showcase), `POSTED` (content with them) or `REMOVED` (DELETED).
    pub fn set_creator_status(&self, open_id: &str, state: &str) {
        self.set_override(open_id, Value::String(state.to_string()));
    }

    /// From now on the collaboration with this id ends at `end` (Unix seconds): a past time expires it.
    pub fn set_collaboration_end(&self, id: &str, end: i64) {
        self.set_override(&format!("end_time:{id}"), Value::from(end));
    }

    /// From the next search on, the sample application with this id has `status` (TikTok's word, e.g.
    /// `AWAITING_SHIPMENT`), as if TikTok Shop had moved it.
    pub fn set_sample_status(&self, application_id: &str, status: &str) {
        self.set_override(&format!("sample:{application_id}"), Value::String(status.to_string()));
    }

    fn set_override(&self, key: &str, value: Value) {
        let mut all: serde_json::Map<String, Value> = std::fs::read_to_string(&self.statuses)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        all.insert(key.to_string(), value);
        let tmp = self.statuses.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_string(&all).unwrap()).unwrap();
        std::fs::rename(&tmp, &self.statuses).unwrap();
    }

    /// From now on the affiliate order search answers with exactly these orders (JSON in the shape
    /// the fake's sample orders have: `{id, create_time, skus: [{sku_id, creator_username, …}]}`)
    /// instead of its samples.
    pub fn set_orders(&self, orders: &[Value]) {
        let tmp = self.orders.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_string(orders).unwrap()).unwrap();
        std::fs::rename(&tmp, &self.orders).unwrap();
    }
}

impl FakeTiktokApi {
    /// Every sample application review the server received, answered or refused, in order:
    /// `{application_id, review_result, reject_reason, code}` (`reject_reason` null when not sent).
    pub fn sample_reviews(&self) -> Vec<Value> {
        let (prefix, suffix) = ("/affiliate_seller/202507/sample_applications/", "/review");
        self.requests()
            .into_iter()
            .filter(|r| r["method"] == "POST")
            .filter_map(|r| {
                let path = r["path"].as_str()?;
                let id = path.strip_prefix(prefix)?.strip_suffix(suffix)?.to_string();
                Some(serde_json::json!({
                    "application_id": id,
                    "review_result": r["body"]["review_result"],
                    "reject_reason": r["body"]["reject_reason"],
                    "code": r["code"],
                }))
            })
            .collect()
    }

    /// The creator with this open id writes `text` to the shop: from the next request on, it is an
    /// unread TEXT message in their conversation (opened if there was none).
    pub fn creator_says(&self, open_id: &str, text: &str) {
        let mut all: Vec<Value> = std::fs::read_to_string(&self.inbox)
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        all.push(serde_json::json!({"creator_open_id": open_id, "text": text}));
        let tmp = self.inbox.with_extension("tmp");
        std::fs::write(&tmp, serde_json::to_string(&all).unwrap()).unwrap();
        std::fs::rename(&tmp, &self.inbox).unwrap();
    }
}

impl Drop for FakeTiktokApi {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
