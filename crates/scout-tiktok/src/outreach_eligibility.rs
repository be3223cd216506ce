//! Whether creators can be reached before spending quota (`POST …/202610/creator_outreach/eligibility/
//! check`, 1–100 creators): already connected or paired with the shop, blocked, within the follower
//! limit, and whether the weekly outreach quota covers their level and the whole batch.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::client::{Method, TiktokClient};
use super::error::TiktokError;
use super::samples::{encode, not_blank};
use super::wire::parse_data;
use super::wire_messages as w;

const PATH: &str = "/affiliate_seller/202610/creator_outreach/eligibility/check";
/// Creators one check takes.
pub const MAX_ELIGIBILITY_CREATORS: usize = 100;

/// TikTok's facts about reaching one creator; `None` where the reply left one out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CreatorEligibility {
    pub open_id: String,
    pub level: Option<u32>,
    /// Already connected: messaging them uses no quota.
    pub connected: Option<bool>,
    pub paired: Option<bool>,
    pub blocked: Option<bool>,
    pub follower_limit_met: Option<bool>,
    pub level_quota_available: Option<bool>,
}

/// The answer for a batch of creators.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OutreachEligibility {
    pub creators: Vec<CreatorEligibility>,
    /// Creator levels whose quota stops the whole batch.
    pub ineligible_levels: Vec<u32>,
    /// Whether the quota covers the whole batch.
    pub batch_quota_consumable: Option<bool>,
}

pub(crate) fn body(open_ids: &[String]) -> Result<Vec<u8>, TiktokError> {
    if open_ids.is_empty() || open_ids.len() > MAX_ELIGIBILITY_CREATORS {
        return Err(TiktokError::invalid(
            "creator_infos",
            format!("{} creators; one check takes 1 to {MAX_ELIGIBILITY_CREATORS}", open_ids.len()),
        ));
    }
    let mut seen = std::collections::BTreeSet::new();
    let mut infos = Vec::with_capacity(open_ids.len());
    for (i, id) in open_ids.iter().enumerate() {
        let id = not_blank(&format!("creator_infos[{i}].creator_open_id"), id)?;
        if !seen.insert(id) {
            return Err(TiktokError::invalid(
                &format!("creator_infos[{i}].creator_open_id"),
                format!("'{id}' is already in the batch"),
            ));
        }
        infos.push(w::CreatorInfo { creator_open_id: id });
    }
    encode(&w::EligibilityBody { creator_infos: infos })
}

pub(crate) fn read(data: serde_json::Value) -> Result<OutreachEligibility, TiktokError> {
    let d: w::EligibilityData = parse_data(data, "outreach eligibility reply")?;
    let mut creators = Vec::new();
    for r in d.creator_eligibility_results {
        let open_id = r.creator_open_id.filter(|s| !s.trim().is_empty()).ok_or_else(|| {
            TiktokError::Unexpected("an eligibility result without a creator open id".into())
        })?;
        creators.push(CreatorEligibility {
            open_id,
            level: r.creator_level,
            connected: r.is_connected,
            paired: r.is_paired,
            blocked: r.is_blocked,
            follower_limit_met: r.is_creator_follower_count_threshold_met,
            level_quota_available: r.is_creator_level_quota_available,
        });
    }
    Ok(OutreachEligibility {
        creators,
        ineligible_levels: d.ineligible_creator_levels,
        batch_quota_consumable: d.is_batch_quota_consumable,
    })
}

impl TiktokClient {
    /// TikTok's eligibility facts for 1–100 distinct creators (checked before anything is sent).
    pub async fn check_outreach_eligibility(
        &self,
        open_ids: &[String],
    ) -> Result<OutreachEligibility, TiktokError> {
        let body = body(open_ids)?;
        let data = self.call(Method::Post, PATH, &[], Some(&body)).await?;
        read(data)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_is_byte_exact_and_a_repeat_or_too_many_is_refused_before_sending() {
        let ids = vec!["mk-1".to_string(), "mk-2".to_string()];
        assert_eq!(
            String::from_utf8(body(&ids).unwrap()).unwrap(),
            r#"{"creator_infos":[{"creator_open_id":"mk-1"},{"creator_open_id":"mk-2"}]}"#
        );
        let twice = vec!["mk-1".to_string(), "mk-1".to_string()];
        assert_eq!(
            body(&twice).unwrap_err().to_string(),
            "creator_infos[1].creator_open_id: 'mk-1' is already in the batch"
        );
        let many: Vec<String> = (0..101).map(|i| format!("mk-{i}")).collect();
        assert!(body(&many).unwrap_err().to_string().contains("101 creators; one check takes 1 to 100"));
        assert!(body(&[]).is_err());
        let odd = vec!["-000C5p4X+/=".to_string()];
        assert!(body(&odd).is_ok(), "an open id in a body is not held to the path's characters");
        let blank = vec![" ".to_string()];
        assert_eq!(body(&blank).unwrap_err().to_string(), "creator_infos[0].creator_open_id: is empty");
    }

    #[test]
    fn the_reply_is_read_fact_by_fact() {
        let e = read(serde_json::json!({
            "creator_eligibility_results": [{"creator_level": 3, "creator_open_id": "mk-1", "is_blocked": false,
                "is_connected": true, "is_creator_follower_count_threshold_met": true,
                "is_creator_level_quota_available": false, "is_paired": false}],
            "ineligible_creator_levels": [3], "is_batch_quota_consumable": false
        }))
        .unwrap();
        assert_eq!(
            e.creators[0],
            CreatorEligibility {
                open_id: "mk-1".into(),
                level: Some(3),
                connected: Some(true),
                paired: Some(false),
                blocked: Some(false),
                follower_limit_met: Some(true),
                level_quota_available: Some(false),
            }
        );
        assert_eq!((e.ineligible_levels, e.batch_quota_consumable), (vec![3], Some(false)));
    }
}
