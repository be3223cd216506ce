//! A row of Seller Center's affiliate order export → an [`OrderLine`].
//!
//! Settlement: a line cancelled (Order Status) or returned / refunded in full is ineligible: all of its
//! payment and quantity count as refunded and it earns no commission. Otherwise it is settled once the
//! export shows an actual commission payment or a commission paid time, and pending before; a partial
//! refund comes from Refund Amount and Returned Quantity.

use super::cells::{self, RowCells};
use super::columns::Located;
use super::day_order::{DateOrder, DateReader};
use super::reader::RowParser;
use super::spellings::OrderColumn::{self, *};
use crate::normalize_header;
use scout_domain::{Currency, OrderLine, Settlement};

/// Reads order rows with the columns found in the header.
#[derive(Debug)]
pub(crate) struct OrderParser {
    cols: Located<OrderColumn>,
    default_currency: Currency,
    dates: DateReader,
}

impl OrderParser {
    pub fn new(cols: Located<OrderColumn>, default_currency: Currency, order: DateOrder) -> OrderParser {
        OrderParser { cols, default_currency, dates: DateReader::new(order) }
    }
}

/// "Cancelled", "Canceled", "Cancelado", "Dibatalkan", "Cancelled by buyer"…
fn is_cancelled(status: &str) -> bool {
    let s = normalize_header(status);
    s.contains("cancel") || s.contains("batal")
}

impl RowParser<OrderLine> for OrderParser {
    fn parse(&mut self, cx: &mut RowCells<'_>) -> Result<OrderLine, String> {
        let cols = &self.cols;
        let c = |col| cols.get(col);
        let id_in = |cx: &RowCells<'_>, col| {
            let imprecise = cx.is_imprecise(c(col));
            move |raw: &str| cells::id(raw, imprecise)
        };
        let order_id = cx.required(c(OrderId), "Order ID", id_in(cx, OrderId))?;
        // The SKU is part of the line's identity: a lost SKU id rejects the row like a lost order id.
        let sku_id = match cx.value(c(SkuId)) {
            None => String::new(),
            Some(_) => cx.required(c(SkuId), "SKU ID", id_in(cx, SkuId))?,
        };
        let money =
            [PaymentAmount, Price, RefundAmount, EstCommissionPayment, ActualCommissionPayment].map(c);
        let currency = cx.currency(c(Currency), &money, &self.default_currency);
        let amount = |raw: &str| cells::amount(raw, &currency);
        let payment = cx.required(c(PaymentAmount), "Payment Amount", amount)?;
        let quantity = cx.required(c(Quantity), "Quantity", cells::quantity)?;
        let created_at = self.dates.required(cx, c(TimeCreated), "Time Created")?;

        let product_id = cx.optional(c(ProductId), id_in(cx, ProductId));
        let content_id = cx.optional(c(ContentId), id_in(cx, ContentId));
        let target_collaboration_id = cx.optional(c(TargetCollaborationId), id_in(cx, TargetCollaborationId));
        let status = cx.optional(c(OrderStatus), cells::text);
        let fully_refunded = cx.optional(c(FullyRefunded), cells::yes_no).unwrap_or(false);
        let actual_given = cx.value(c(ActualCommissionPayment));
        let actual = cx.optional(c(ActualCommissionPayment), amount);
        let paid_time_given = cx.value(c(CommissionPaidTime)).is_some();
        let refund_amount = cx.optional(c(RefundAmount), amount);
        let returned = cx.optional(c(ReturnedQuantity), cells::quantity);

        let ineligible = fully_refunded || status.as_deref().is_some_and(is_cancelled);
        let (refund, units_refunded, settlement, commission_actual) = if ineligible {
            if let Some((col, raw)) = actual_given.filter(|_| actual.is_some_and(|a| a != 0)) {
                let said = format!(
                    "'{raw}' is not counted: the line is cancelled or returned in full, so it earns no \
                     commission"
                );
                cx.issue(col, raw, &said);
            }
            if let (Some((col, raw)), Some(r)) = (cx.value(c(RefundAmount)), refund_amount) {
                if r != payment {
                    let said = format!(
                        "'{raw}' is not the whole payment, but the line is returned or refunded in full: \
                         all of it counts as refunded"
                    );
                    cx.issue(col, raw, &said);
                }
            }
            (payment, quantity, Settlement::Ineligible, None)
        } else {
            let settled = actual_given.is_some() || paid_time_given;
            let settlement = if settled { Settlement::Settled } else { Settlement::Pending };
            (refund_amount.unwrap_or(0), returned.unwrap_or(0), settlement, actual)
        };

        let line = OrderLine {
            order_id,
            sku_id,
            product_id,
            product_name: cx.optional(c(ProductName), cells::text),
            creator: cx.optional(c(CreatorUsername), cells::handle),
            content_type: cx.optional(c(ContentType), cells::text),
            content_id,
            quantity,
            unit_price: cx.optional(c(Price), amount),
            payment,
            refund,
            units_refunded,
            status,
            commission_rate: cx.optional(c(StandardCommissionRate), cells::rate),
            commission_estimated: cx.optional(c(EstCommissionPayment), amount).unwrap_or(0),
            commission_actual,
            settlement,
            created_at,
            paid_at: self.dates.optional(cx, c(PaymentTime)),
            delivered_at: self.dates.optional(cx, c(DeliveryTime)),
            commission_paid_at: self.dates.optional(cx, c(CommissionPaidTime)),
            target_collaboration_id,
            currency,
        };
        line.validate().map_err(|e| e.to_string())?;
        Ok(line)
    }

    fn date_order(&self) -> DateOrder {
        self.dates.order()
    }

    fn dates_decided(&self) -> u64 {
        self.dates.decided()
    }
}

#[cfg(test)]
mod tests {
    use super::is_cancelled;

    #[test]
    fn cancelled_in_three_languages() {
        for s in ["Cancelled", "Canceled", "CANCELADO", "Dibatalkan", "Cancelled by buyer"] {
            assert!(is_cancelled(s), "'{s}' is cancelled");
        }
        for s in ["Completed", "Shipped", "Selesai", "Completado", "To ship"] {
            assert!(!is_cancelled(s), "'{s}' is not cancelled");
        }
    }
}
