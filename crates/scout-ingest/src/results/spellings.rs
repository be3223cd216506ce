//! The columns of Seller Center's affiliate order export and Affiliate Center's video export, with their
//! headers in English, Spanish and Indonesian and our snake_case keys. Columns Scout does not keep
//! (commission model, commission bases, Shop Ads rate) are listed too: they help tell the language.

use super::columns::{Column, Spellings};

/// A column of the affiliate order export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum OrderColumn {
    OrderId,
    ProductId,
    ProductName,
    SkuId,
    Price,
    PaymentAmount,
    Currency,
    Quantity,
    OrderStatus,
    FullyRefunded,
    CreatorUsername,
    ContentType,
    ContentId,
    CommissionModel,
    StandardCommissionRate,
    EstCommissionBase,
    EstCommissionPayment,
    ActualCommissionBase,
    ActualCommissionPayment,
    ShopAdsCommissionRate,
    TimeCreated,
    PaymentTime,
    DeliveryTime,
    CommissionPaidTime,
    RefundAmount,
    ReturnedQuantity,
    TargetCollaborationId,
}

use OrderColumn as O;

/// Spellings in the order English, Spanish, Indonesian, keys.
const fn s(
    english: &'static [&'static str],
    spanish: &'static [&'static str],
    indonesian: &'static [&'static str],
    keys: &'static [&'static str],
) -> Spellings {
    Spellings { english, spanish, indonesian, keys }
}

impl OrderColumn {
    /// The columns holding dates, whose day/month order is learned from the file.
    pub const DATES: [OrderColumn; 4] =
        [O::TimeCreated, O::PaymentTime, O::DeliveryTime, O::CommissionPaidTime];
}

impl Column for OrderColumn {
    #[rustfmt::skip]
    const ALL: &'static [OrderColumn] = &[
        O::OrderId, O::ProductId, O::ProductName, O::SkuId, O::Price, O::PaymentAmount, O::Currency,
        O::Quantity, O::OrderStatus, O::FullyRefunded, O::CreatorUsername, O::ContentType, O::ContentId,
        O::CommissionModel, O::StandardCommissionRate, O::EstCommissionBase, O::EstCommissionPayment,
        O::ActualCommissionBase, O::ActualCommissionPayment, O::ShopAdsCommissionRate, O::TimeCreated,
        O::PaymentTime, O::DeliveryTime, O::CommissionPaidTime, O::RefundAmount, O::ReturnedQuantity,
        O::TargetCollaborationId,
    ];
    const REQUIRED: &'static [OrderColumn] = &[O::OrderId, O::PaymentAmount, O::Quantity, O::TimeCreated];

    #[rustfmt::skip] // one line per language reads better
    fn spellings(self) -> Spellings {
        match self {
            O::OrderId => s(&["Order ID"], &["ID del pedido"], &["ID Pesanan"], &["order_id"]),
            O::ProductId => s(&["Product ID"], &["ID del producto"], &["ID Produk"], &["product_id"]),
            O::ProductName => s(&["Product Name"], &["Nombre del producto"], &["Nama Produk"],
                &["product_name"]),
            O::SkuId => s(&["SKU ID"], &["ID de SKU"], &["ID SKU"], &["sku_id"]),
            O::Price => s(&["Price"], &["Precio"], &["Harga"], &["unit_price"]),
            O::PaymentAmount => s(&["Payment Amount"], &["Importe del pago"], &["Jumlah Pembayaran"],
                &["payment_amount", "payment"]),
            O::Currency => s(&["Currency"], &["Moneda"], &["Mata Uang"], &["currency_code"]),
            O::Quantity => s(&["Quantity"], &["Cantidad"], &["Kuantitas"], &["qty"]),
            O::OrderStatus => s(&["Order Status"], &["Estado del pedido"], &["Status Pesanan"], &["status"]),
            O::FullyRefunded => s(&["Fully returned or refunded"], &["Devuelto o reembolsado por completo"],
                &["Dikembalikan atau dana dikembalikan sepenuhnya"], &["fully_refunded"]),
            O::CreatorUsername => s(&["Creator Username"], &["Nombre de usuario del creador"],
                &["Nama Pengguna Kreator"], &["creator"]),
            O::ContentType => s(&["Content Type"], &["Tipo de contenido"], &["Jenis Konten"],
                &["content_type"]),
            O::ContentId => s(&["Content ID"], &["ID del contenido"], &["ID Konten"], &["content_id"]),
            O::CommissionModel => s(&["Commission model"], &["Modelo de comisión"], &["Model komisi"],
                &["commission_model"]),
            O::StandardCommissionRate => s(&["Standard commission rate"], &["Tasa de comisión estándar"],
                &["Tingkat komisi standar"], &["commission_rate"]),
            O::EstCommissionBase => s(&["Est. Commission Base"], &["Base de comisión est."],
                &["Perkiraan Dasar Komisi"], &["est_commission_base"]),
            O::EstCommissionPayment => s(&["Est. standard commission payment"],
                &["Pago de comisión estándar est."], &["Perkiraan pembayaran komisi standar"],
                &["commission_estimated"]),
            O::ActualCommissionBase => s(&["Actual Commission Base"], &["Base de comisión real"],
                &["Dasar Komisi Aktual"], &["actual_commission_base"]),
            O::ActualCommissionPayment => s(&["Actual Commission Payment"], &["Pago de comisión real"],
                &["Pembayaran Komisi Aktual"], &["commission_actual"]),
            O::ShopAdsCommissionRate => s(&["Shop Ads commission rate"], &["Tasa de comisión de Shop Ads"],
                &["Tingkat komisi Iklan Toko"], &["shop_ads_commission_rate"]),
            O::TimeCreated => s(&["Time Created"], &["Hora de creación"], &["Waktu Dibuat"],
                &["created_at"]),
            O::PaymentTime => s(&["Payment time"], &["Hora de pago"], &["Waktu pembayaran"], &["paid_at"]),
            O::DeliveryTime => s(&["Order Delivery Time"], &["Hora de entrega del pedido"],
                &["Waktu Pengiriman Pesanan"], &["delivered_at"]),
            O::CommissionPaidTime => s(&["Time Commission Paid"], &["Hora de pago de la comisión"],
                &["Waktu Komisi Dibayar"], &["commission_paid_at"]),
            O::RefundAmount => s(&["Refund Amount"], &["Importe reembolsado"], &["Jumlah Pengembalian Dana"],
                &["refund"]),
            O::ReturnedQuantity => s(&["Returned Quantity"], &["Cantidad devuelta"],
                &["Kuantitas Dikembalikan"], &["units_refunded"]),
            O::TargetCollaborationId => s(&["Target Collaboration ID"], &["ID de colaboración objetivo"],
                &["ID Kolaborasi Target"], &["target_collaboration_id"]),
        }
    }
}

/// A column of the Affiliate Center video export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum VideoColumn {
    CreatorUsername,
    VideoId,
    VideoLink,
    PostDate,
    Gmv,
    ItemsSold,
    Orders,
    Impressions,
    Likes,
    Comments,
    EstCommission,
    /// Not in Affiliate Center's export; honoured when a seller adds it.
    Currency,
}

use VideoColumn as V;

impl Column for VideoColumn {
    #[rustfmt::skip]
    const ALL: &'static [VideoColumn] = &[
        V::CreatorUsername, V::VideoId, V::VideoLink, V::PostDate, V::Gmv, V::ItemsSold, V::Orders,
        V::Impressions, V::Likes, V::Comments, V::EstCommission, V::Currency,
    ];
    const REQUIRED: &'static [VideoColumn] = &[V::CreatorUsername, V::VideoId];

    #[rustfmt::skip] // one line per language reads better
    fn spellings(self) -> Spellings {
        match self {
            V::CreatorUsername => s(&["Creator username"], &["Nombre de usuario del creador"],
                &["Nama pengguna kreator"], &["creator"]),
            V::VideoId => s(&["Video ID"], &["ID del vídeo"], &["ID Video"], &["video_id"]),
            V::VideoLink => s(&["Video link"], &["Enlace del vídeo"], &["Tautan video"], &["link"]),
            V::PostDate => s(&["Video post date"], &["Fecha de publicación del vídeo"],
                &["Tanggal posting video"], &["posted_on"]),
            V::Gmv => s(&["GMV"], &["GMV"], &["GMV"], &[]),
            V::ItemsSold => s(&["Affiliate items sold"], &["Artículos vendidos por afiliados"],
                &["Item afiliasi terjual"], &["items_sold"]),
            V::Orders => s(&["Affiliate orders"], &["Pedidos de afiliados"], &["Pesanan afiliasi"],
                &["orders"]),
            V::Impressions => s(&["Shoppable video impressions"], &["Impresiones de vídeos comprables"],
                &["Impresi video yang dapat dibeli"], &["impressions"]),
            V::Likes => s(&["likes"], &["Me gusta"], &["Suka"], &[]),
            V::Comments => s(&["comments"], &["Comentarios"], &["Komentar"], &[]),
            V::EstCommission => s(&["Est. commission"], &["Comisión est."], &["Perkiraan komisi"],
                &["commission_estimated"]),
            V::Currency => s(&["Currency"], &["Moneda"], &["Mata Uang"], &["currency_code"]),
        }
    }
}
