//! A row of Affiliate Center's video export → a [`VideoResult`]. The creator's username and the video id
//! are required; every figure is optional (counts may be abbreviated: "1.2K").

use super::cells::{self, RowCells};
use super::columns::Located;
use super::day_order::{DateOrder, DateReader};
use super::reader::RowParser;
use super::spellings::VideoColumn::{self, *};
use scout_domain::{Currency, VideoResult};

/// Reads video rows with the columns found in the header.
#[derive(Debug)]
pub(crate) struct VideoParser {
    cols: Located<VideoColumn>,
    default_currency: Currency,
    dates: DateReader,
}

impl VideoParser {
    pub fn new(cols: Located<VideoColumn>, default_currency: Currency, order: DateOrder) -> VideoParser {
        VideoParser { cols, default_currency, dates: DateReader::new(order) }
    }
}

impl RowParser<VideoResult> for VideoParser {
    fn parse(&mut self, cx: &mut RowCells<'_>) -> Result<VideoResult, String> {
        let cols = &self.cols;
        let c = |col| cols.get(col);
        let imprecise = cx.is_imprecise(c(VideoId));
        let video_id = cx.required(c(VideoId), "Video ID", |raw| cells::id(raw, imprecise))?;
        let creator = cx.required(c(CreatorUsername), "Creator username", cells::handle)?;
        let currency = cx.currency(c(Currency), &[c(Gmv), c(EstCommission)], &self.default_currency);
        let amount = |raw: &str| cells::amount(raw, &currency);
        let video = VideoResult {
            video_id,
            creator,
            link: cx.optional(c(VideoLink), cells::text),
            posted_on: self.dates.optional(cx, c(PostDate)).map(|t| t.date()),
            gmv: cx.optional(c(Gmv), amount),
            items_sold: cx.optional(c(ItemsSold), cells::count),
            orders: cx.optional(c(Orders), cells::count),
            impressions: cx.optional(c(Impressions), cells::count),
            likes: cx.optional(c(Likes), cells::count),
            comments: cx.optional(c(Comments), cells::count),
            commission_estimated: cx.optional(c(EstCommission), amount),
            currency,
        };
        video.validate().map_err(|e| e.to_string())?;
        Ok(video)
    }

    fn date_order(&self) -> DateOrder {
        self.dates.order()
    }

    fn dates_decided(&self) -> u64 {
        self.dates.decided()
    }
}
