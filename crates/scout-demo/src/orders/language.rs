//! The languages exports come in: their exact headers (an importer matches against the same lists) and
//! the words they write for statuses, yes/no, content types and the commission model.

use crate::error::{DemoError, Result};

/// The language of an export's headers and cell formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExportLanguage {
    /// `2026/10/03 14:05:22`, `29.99`, `$29.99` in Price, `15%`, Yes/No.
    English,
    /// `03/10/2026 14:05:22`, `1.234,56`, `29,99 €` in Precio, `15%`, Sí/No.
    Spanish,
    /// `03/10/2026 14:05:22`, `1.234,56`, rupiah without decimals (`Rp 150.000` in Harga), Ya/Tidak.
    Indonesian,
}

/// Seller Center's affiliate order export, English.
pub const ORDER_HEADERS_EN: [&str; 27] = [
    "Order ID",
    "Product ID",
    "Product Name",
    "SKU ID",
    "Price",
    "Payment Amount",
    "Currency",
    "Quantity",
    "Order Status",
    "Fully returned or refunded",
    "Creator Username",
    "Content Type",
    "Content ID",
    "commission model",
    "Standard commission rate",
    "Est. Commission Base",
    "Est. standard commission payment",
    "Actual Commission Base",
    "Actual Commission Payment",
    "Shop Ads commission rate",
    "Time Created",
    "Payment time",
    "Order Delivery Time",
    "Time Commission Paid",
    "Refund Amount",
    "Returned Quantity",
    "Target Collaboration ID",
];

pub const ORDER_HEADERS_ES: [&str; 27] = [
    "ID del pedido",
    "ID del producto",
    "Nombre del producto",
    "ID de SKU",
    "Precio",
    "Importe del pago",
    "Moneda",
    "Cantidad",
    "Estado del pedido",
    "Devuelto o reembolsado por completo",
    "Nombre de usuario del creador",
    "Tipo de contenido",
    "ID del contenido",
    "Modelo de comisión",
    "Tasa de comisión estándar",
    "Base de comisión est.",
    "Pago de comisión estándar est.",
    "Base de comisión real",
    "Pago de comisión real",
    "Tasa de comisión de Shop Ads",
    "Hora de creación",
    "Hora de pago",
    "Hora de entrega del pedido",
    "Hora de pago de la comisión",
    "Importe reembolsado",
    "Cantidad devuelta",
    "ID de colaboración objetivo",
];

pub const ORDER_HEADERS_ID: [&str; 27] = [
    "ID Pesanan",
    "ID Produk",
    "Nama Produk",
    "ID SKU",
    "Harga",
    "Jumlah Pembayaran",
    "Mata Uang",
    "Kuantitas",
    "Status Pesanan",
    "Dikembalikan atau dana dikembalikan sepenuhnya",
    "Nama Pengguna Kreator",
    "Jenis Konten",
    "ID Konten",
    "Model komisi",
    "Tingkat komisi standar",
    "Perkiraan Dasar Komisi",
    "Perkiraan pembayaran komisi standar",
    "Dasar Komisi Aktual",
    "Pembayaran Komisi Aktual",
    "Tingkat komisi Iklan Toko",
    "Waktu Dibuat",
    "Waktu pembayaran",
    "Waktu Pengiriman Pesanan",
    "Waktu Komisi Dibayar",
    "Jumlah Pengembalian Dana",
    "Kuantitas Dikembalikan",
    "ID Kolaborasi Target",
];

/// Affiliate Center's video export. "Affiliate items sold " ends with a space, as in the real file.
pub const VIDEO_HEADERS_EN: [&str; 11] = [
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

pub const VIDEO_HEADERS_ES: [&str; 11] = [
    "Nombre de usuario del creador",
    "ID del vídeo",
    "Enlace del vídeo",
    "Fecha de publicación del vídeo",
    "GMV",
    "Artículos vendidos por afiliados",
    "Pedidos de afiliados",
    "Impresiones de vídeos comprables",
    "Me gusta",
    "Comentarios",
    "Comisión est.",
];

pub const VIDEO_HEADERS_ID: [&str; 11] = [
    "Nama pengguna kreator",
    "ID Video",
    "Tautan video",
    "Tanggal posting video",
    "GMV",
    "Item afiliasi terjual",
    "Pesanan afiliasi",
    "Impresi video yang dapat dibeli",
    "Suka",
    "Komentar",
    "Perkiraan komisi",
];

impl ExportLanguage {
    pub const ALL: [ExportLanguage; 3] =
        [ExportLanguage::English, ExportLanguage::Spanish, ExportLanguage::Indonesian];

    /// `en`, `es` or `id`.
    pub fn parse(code: &str) -> Result<ExportLanguage> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Ok(ExportLanguage::English),
            "es" => Ok(ExportLanguage::Spanish),
            "id" => Ok(ExportLanguage::Indonesian),
            other => Err(DemoError::InvalidOrderConfig {
                field: "language",
                problem: format!("'{other}' is not en, es or id"),
            }),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            ExportLanguage::English => "en",
            ExportLanguage::Spanish => "es",
            ExportLanguage::Indonesian => "id",
        }
    }

    pub fn order_headers(self) -> &'static [&'static str; 27] {
        match self {
            ExportLanguage::English => &ORDER_HEADERS_EN,
            ExportLanguage::Spanish => &ORDER_HEADERS_ES,
            ExportLanguage::Indonesian => &ORDER_HEADERS_ID,
        }
    }

    pub fn video_headers(self) -> &'static [&'static str; 11] {
        match self {
            ExportLanguage::English => &VIDEO_HEADERS_EN,
            ExportLanguage::Spanish => &VIDEO_HEADERS_ES,
            ExportLanguage::Indonesian => &VIDEO_HEADERS_ID,
        }
    }

    /// The currencies a shop exporting in this language typically sells in, with weights, for
    /// standalone synthetic collaborations.
    pub fn typical_currencies(self) -> &'static [(&'static str, u32)] {
        match self {
            ExportLanguage::English => &[("USD", 60), ("GBP", 25), ("JPY", 15)],
            ExportLanguage::Spanish => &[("EUR", 60), ("MXN", 40)],
            ExportLanguage::Indonesian => &[("IDR", 100)],
        }
    }

    pub(crate) fn yes_no(self, yes: bool) -> &'static str {
        match (self, yes) {
            (ExportLanguage::English, true) => "Yes",
            (ExportLanguage::Spanish, true) => "Sí",
            (ExportLanguage::Indonesian, true) => "Ya",
            (ExportLanguage::Indonesian, false) => "Tidak",
            (_, false) => "No",
        }
    }

    /// An order status, written as the simulator does in English, in this language. Spanish and
    /// Indonesian exports here know three statuses: a delivered order not yet completed shows as shipped.
    pub(crate) fn status(self, english: &str) -> &str {
        match (self, english) {
            (ExportLanguage::English, s) => s,
            (ExportLanguage::Spanish, "Completed") => "Completado",
            (ExportLanguage::Spanish, "Shipped" | "Delivered") => "Enviado",
            (ExportLanguage::Spanish, "Cancelled") => "Cancelado",
            (ExportLanguage::Indonesian, "Completed") => "Selesai",
            (ExportLanguage::Indonesian, "Shipped" | "Delivered") => "Dikirim",
            (ExportLanguage::Indonesian, "Cancelled") => "Dibatalkan",
            (_, other) => other,
        }
    }

    pub(crate) fn content_type(self, english: &str) -> &str {
        match (self, english) {
            (ExportLanguage::Spanish, "Video") => "Vídeo",
            (ExportLanguage::Spanish, "Showcase") => "Escaparate",
            (ExportLanguage::Indonesian, "Showcase") => "Etalase",
            (_, other) => other,
        }
    }

    pub(crate) fn commission_model(self) -> &'static str {
        match self {
            ExportLanguage::English => "Standard",
            ExportLanguage::Spanish => "Estándar",
            ExportLanguage::Indonesian => "Standar",
        }
    }

    /// Day-first dates and a decimal comma, or neither.
    pub(crate) fn continental(self) -> bool {
        self != ExportLanguage::English
    }
}
