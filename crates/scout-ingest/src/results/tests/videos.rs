//! Affiliate Center's video export: usually a workbook, the real "Affiliate items sold " header with its
//! trailing space, abbreviated counts, and the three header languages.

use super::{accepted, csv, currency, rejected, videos_in, xlsx, Cell};
use crate::results::{DateOrder, DayMonthOrder, HeaderLanguage};
use chrono::NaiveDate;
use scout_domain::{Handle, VideoResult};

const EN: [&str; 11] = [
    "Creator username",
    "Video ID",
    "Video link",
    "Video post date",
    "GMV",
    "Affiliate items sold ",
    "Affiliate orders",
    "Shoppable video impressions",
    "likes",
    "comments",
    "Est. commission",
];

#[test]
fn an_english_workbook_with_the_real_headers() {
    use Cell::*;
    let dir = tempfile::tempdir().unwrap();
    let rows = vec![
        EN.iter().map(|h| Text(h)).collect(),
        vec![
            Text("@GlowWithMia"),
            Text("7301234567890123456"),
            Text("https://www.tiktok.com/@glowwithmia/video/7301234567890123456"),
            DateTime("2026-10-03 00:00:00"),
            Text("$1,234.56"),
            Number(41.0),
            Number(38.0),
            Text("1.2K"),
            Text("3.4K"),
            Number(57.0),
            Text("$185.18"),
        ],
        vec![
            Text("bob"),
            Text("7301"),
            Empty,
            Text("2026-10-05"),
            Number(0.0),
            Number(0.0),
            Empty,
            Text("lots"),
        ],
    ];
    let source = xlsx(&dir, "videos.xlsx", &rows);
    let (reader, rows) = videos_in(&source, "USD");
    assert_eq!(
        reader.headers()[5],
        "Affiliate items sold ",
        "the header as the file has it, trailing space and all"
    );
    assert_eq!(reader.kind(), scout_domain::ResultsFileKind::Videos, "a video export");
    let (video, issues) = accepted(&rows[0]);
    assert!(issues.is_empty(), "{issues:?}");
    let want = VideoResult {
        video_id: "7301234567890123456".into(),
        creator: Handle::parse("glowwithmia").unwrap(),
        link: Some("https://www.tiktok.com/@glowwithmia/video/7301234567890123456".into()),
        posted_on: NaiveDate::from_ymd_opt(2026, 10, 3),
        currency: currency("USD"),
        gmv: Some(123_456),
        items_sold: Some(41),
        orders: Some(38),
        impressions: Some(1_200),
        likes: Some(3_400),
        comments: Some(57),
        commission_estimated: Some(18_518),
    };
    assert_eq!(video, &want, "every column lands in its field");
    let (bob, issues) = accepted(&rows[1]);
    assert_eq!(
        (bob.gmv, bob.items_sold, bob.orders, bob.impressions),
        (Some(0), Some(0), None, None),
        "zeros are values, blanks are not"
    );
    assert!(
        issues.len() == 1 && issues[0].column == "Shoppable video impressions",
        "a bad count is an issue: {issues:?}"
    );
}

#[test]
fn spanish_and_indonesian_video_exports() {
    let dir = tempfile::tempdir().unwrap();
    let es = [
        "Nombre de usuario del creador,ID del vídeo,Enlace del vídeo,Fecha de publicación del vídeo,GMV,Artículos vendidos por afiliados,Pedidos de afiliados,Impresiones de vídeos comprables,Me gusta,Comentarios,Comisión est.",
        "mia,7301,,03/10/2026,\"$1.234,56\",12,10,\"3,4K\",900,12,\"$185,18\"",
    ];
    let (reader, rows) = videos_in(&csv(&dir, "videos-es.csv", &es), "MXN");
    assert_eq!(reader.language(), HeaderLanguage::Spanish, "Spanish headers");
    assert_eq!(
        reader.date_order(),
        DateOrder::Assumed { order: DayMonthOrder::DayFirst, language: HeaderLanguage::Spanish },
        "day first assumed"
    );
    let (video, issues) = accepted(&rows[0]);
    assert!(issues.is_empty(), "{issues:?}");
    assert_eq!(video.posted_on, NaiveDate::from_ymd_opt(2026, 10, 3), "03/10 is 3 October");
    assert_eq!(
        (video.currency.code(), video.gmv, video.commission_estimated),
        ("MXN", Some(123_456), Some(18_518)),
        "pesos by default"
    );
    assert_eq!(video.impressions, Some(3_400), "3,4K");

    let id = [
        "Nama pengguna kreator,ID Video,Tautan video,Tanggal posting video,GMV,Item afiliasi terjual,Pesanan afiliasi,Impresi video yang dapat dibeli,Suka,Komentar,Perkiraan komisi",
        "budi.sari,7302,,2026-10-03,Rp 150.000,3,3,1.2K,10,1,Rp 15.000",
    ];
    let (reader, rows) = videos_in(&csv(&dir, "videos-id.csv", &id), "USD");
    assert_eq!(reader.language(), HeaderLanguage::Indonesian, "Indonesian headers");
    let (video, _) = accepted(&rows[0]);
    assert_eq!(
        (video.currency.code(), video.gmv, video.commission_estimated),
        ("IDR", Some(15_000_000), Some(1_500_000)),
        "rupiah by their mark"
    );
}

#[test]
fn a_video_row_needs_its_id_and_a_valid_creator() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        "Creator username,Video ID,GMV,likes",
        "mia,,$5,1",
        "not a handle!,7301,$5,1",
        ",7302,$5,1",
        "mia,7303,-$5,1",
        "mia,7304,$5,1",
    ];
    let (_, rows) = videos_in(&csv(&dir, "bad-videos.csv", &lines), "USD");
    assert_eq!(rows.len(), 5, "five rows, five results");
    assert_eq!(rejected(&rows[0]), "no value in required column 'Video ID'", "no video id");
    assert!(
        rejected(&rows[1]).starts_with("column 'Creator username': 'not a handle!'"),
        "{}",
        rejected(&rows[1])
    );
    assert_eq!(rejected(&rows[2]), "no value in required column 'Creator username'", "no creator");
    assert!(
        rejected(&rows[3]).contains("gmv") && rejected(&rows[3]).contains("negative"),
        "the domain's reason: {}",
        rejected(&rows[3])
    );
    assert_eq!(accepted(&rows[4]).0.video_id, "7304", "a good row");
}
