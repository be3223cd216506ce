//! Reading the sample applications' replies into Scout's types: statuses and fulfilment states from
//! the models' words (an unknown word makes the request unreadable, with why, rather than guessed),
//! TikTok's percent and fraction strings as basis points, Unix seconds as times, "" as not known.

use chrono::{DateTime, Utc};
use scout_domain::{BasisPoints, Currency, Money};
use serde::Deserialize;

use super::error::TiktokError;
use super::samples::{
    FulfilmentStatus, SampleApplication, SampleContent, SampleCreator, SamplePage, SampleProduct,
    SampleStatus,
};
use super::wire::parse_data;
use super::wire_samples as w;

/// A closed set's wire word back into its enum (the serde names are the wire words).
pub(crate) fn parse_word<T: for<'de> Deserialize<'de>>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.to_string())).ok()
}

/// A decimal string ("60.85", "0.20") × `scale` as basis points; "" or a negative is not known.
pub(crate) fn basis_points(text: Option<&str>, scale: f64) -> Option<BasisPoints> {
    let value: f64 = text?.trim().parse().ok()?;
    (value.is_finite() && value >= 0.0).then(|| BasisPoints((value * scale).round().min(10_000.0) as u32))
}

fn time(seconds: Option<i64>) -> Option<DateTime<Utc>> {
    seconds.filter(|s| *s > 0).and_then(|s| DateTime::from_timestamp(s, 0))
}

fn text(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.trim().is_empty())
}

fn gmv(g: Option<w::Gmv>) -> Option<Money> {
    let g = g?;
    let currency = Currency::parse(g.currency?.trim()).ok()?;
    let value: f64 = g.amount?.trim().parse().ok()?;
    (value >= 0.0).then(|| Money::from_major(value, currency)).flatten()
}

pub(crate) fn application(a: w::Application) -> Result<SampleApplication, String> {
    let id = text(a.id).ok_or("a sample application without an id")?;
    let status = a.status.unwrap_or_default();
    let status = parse_word::<SampleStatus>(status.trim())
        .ok_or_else(|| format!("sample application {id}: status '{status}' is not one TikTok documents"))?;
    let fulfilment = match text(a.fulfillment_status) {
        None => None,
        Some(f) => Some(parse_word::<FulfilmentStatus>(f.trim()).ok_or_else(|| {
            format!("sample application {id}: fulfillment_status '{f}' is not one TikTok documents")
        })?),
    };
    let c = a.creator.unwrap_or_default();
    let open_id = text(c.creator_open_id)
        .ok_or_else(|| format!("sample application {id} without a creator open id"))?;
    let p = a.product.unwrap_or_default();
    let product_id = text(p.id).ok_or_else(|| format!("sample application {id} without a product id"))?;
    Ok(SampleApplication {
        status,
        fulfilment,
        creator: SampleCreator {
            open_id,
            username: text(c.username),
            nickname: text(c.nickname),
            avatar_url: text(c.avatar_url),
            followers: c.follower_count,
            gmv: gmv(c.gmv),
            posts_30d: c.content_count,
            fulfilment_90d: basis_points(c.fulfillment_percentage.as_deref(), 100.0),
            median_video_views: c.ec_video_view,
        },
        product: SampleProduct {
            id: product_id,
            title: text(p.title),
            sku_id: text(p.sku_id),
            sku_name: text(p.sku_name),
            sku_image_url: text(p.sku_image_url),
        },
        commission: basis_points(a.commission_rate.as_deref(), 10_000.0),
        order_id: text(a.order_id),
        available_quantity: a.available_quantity,
        approve_by: time(a.approve_expiration_time),
        ship_by: time(a.shipment_expiration_time),
        tracking_number: text(a.tracking_number),
        approvable: a.is_approvable.unwrap_or(false),
        not_approvable_because: a.disapprovable_reasons,
        agency: text(a.partner_name),
        id,
    })
}

pub(crate) fn content(f: w::Fulfilment) -> SampleContent {
    let c = f.content.unwrap_or_default();
    let p = f.product.unwrap_or_default();
    SampleContent {
        product_id: text(p.id),
        product_image_url: text(p.main_image_url),
        content_id: text(c.id),
        format: c.format.as_deref().and_then(|f| parse_word(f.trim())),
        url: text(c.url),
        page_link: text(c.page_link),
        description: text(c.description),
        views: c.view_count,
        likes: c.like_count,
        comments: c.comment_count,
        paid_orders: c.paid_order_count,
        posted_at: time(c.create_time),
        live_ended_at: time(c.live_end_time),
    }
}

pub(crate) fn read_page(data: serde_json::Value) -> Result<SamplePage, TiktokError> {
    let data: w::SearchData = parse_data(data, "sample application search reply")?;
    let (mut applications, mut unreadable) = (Vec::new(), Vec::new());
    for a in data.sample_applications {
        match application(a) {
            Ok(a) => applications.push(a),
            Err(why) => unreadable.push(why),
        }
    }
    Ok(SamplePage {
        applications,
        unreadable,
        total: data.total_count,
        next_page_token: text(data.next_page_token),
    })
}
