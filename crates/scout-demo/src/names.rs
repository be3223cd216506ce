//! Invented display names in the scripts each market writes in: Latin with accents, Thai, Vietnamese,
//! Japanese and Arabic, sometimes with an emoji. The pools are common given and family names combined at
//! random, so a name stands for no one in particular.

use crate::draw::{chance, pick};
use rand_chacha::ChaCha8Rng;

#[derive(Debug)]
pub struct NamePool {
    pub given: &'static [&'static str],
    pub family: &'static [&'static str],
    /// Family name first (Vietnamese, Japanese) or last.
    pub family_first: bool,
    /// What goes between the two names (Japanese often writes none).
    pub joiner: &'static str,
}

/// A market's names: its own script, and for non-Latin scripts also the romanised form many creators use.
#[derive(Debug)]
pub struct NameStyle {
    pub native: &'static NamePool,
    pub romanised: Option<&'static NamePool>,
    /// The share of creators who write their name in the native pool.
    pub native_share: f64,
}

const GENERIC_EMOJI: [&str; 5] = ["✨", "🌸", "💕", "🔥", "🌿"];

/// A display name, or `None` for the ~3 % of rows whose source leaves it blank.
pub fn display_name(rng: &mut ChaCha8Rng, style: &NameStyle, emoji: &str) -> Option<String> {
    if chance(rng, 0.03) {
        return None;
    }
    let pool = match style.romanised {
        Some(latin) if !chance(rng, style.native_share) => latin,
        _ => style.native,
    };
    let given = *pick(rng, pool.given);
    let mut name = if chance(rng, 0.6) {
        let family = *pick(rng, pool.family);
        if pool.family_first {
            format!("{family}{}{given}", pool.joiner)
        } else {
            format!("{given}{}{family}", pool.joiner)
        }
    } else {
        given.to_string()
    };
    if chance(rng, 0.14) {
        let extra = if chance(rng, 0.5) { emoji } else { pick(rng, &GENERIC_EMOJI) };
        name.push(' ');
        name.push_str(extra);
    }
    Some(name)
}

pub const ENGLISH: NamePool = NamePool {
    given: &[
        "Maya", "Olivia", "Emma", "Ava", "Sophia", "Mia", "Chloe", "Grace", "Lily", "Zoe", "Jade", "Nora",
        "Ella", "Ruby", "Hannah", "Jasmine", "Kayla", "Brianna", "Jack", "Liam", "Noah", "Ethan", "Mason",
        "Owen", "Leo", "Ryan", "Caleb", "Aiden", "Tyler", "Andre", "Marcus", "Jordan", "Priya", "Aaliyah",
    ],
    family: &[
        "Carter", "Brooks", "Hayes", "Reed", "Parker", "Bennett", "Foster", "Hughes", "Price", "Ward",
        "Russell", "Griffin", "Coleman", "Jenkins", "Perry", "Patel", "Nguyen", "Kim", "Garcia", "Rivera",
        "Walsh", "Murphy", "Evans", "Clarke", "Okafor", "Shah",
    ],
    family_first: false,
    joiner: " ",
};

pub const FILIPINO: NamePool = NamePool {
    given: &[
        "Angel", "Maricel", "Bea", "Kyla", "Carlo", "Paolo", "Joshua", "Mikaela", "Jericho", "Trisha",
        "Nicole",
    ],
    family: &[
        "Santos",
        "Reyes",
        "Cruz",
        "Bautista",
        "Ocampo",
        "Mendoza",
        "Torres",
        "Villanueva",
        "Aquino",
        "Ramos",
    ],
    family_first: false,
    joiner: " ",
};

pub const INDONESIAN: NamePool = NamePool {
    given: &[
        "Putri", "Dewi", "Ayu", "Sari", "Rizky", "Bayu", "Andi", "Fajar", "Nabila", "Intan", "Dimas", "Citra",
    ],
    family: &[
        "Pratama", "Saputra", "Wijaya", "Lestari", "Kusuma", "Hidayat", "Nugroho", "Santoso", "Permata",
    ],
    family_first: false,
    joiner: " ",
};

pub const MALAYSIAN: NamePool = NamePool {
    given: &[
        "Aisyah", "Siti", "Nurul", "Farah", "Hafiz", "Amir", "Irfan", "Aiman", "Mei Ling", "Jia Wen",
        "Kavitha",
    ],
    family: &["Ahmad", "Ismail", "Rahman", "Hassan", "Tan", "Lim", "Wong", "Raj"],
    family_first: false,
    joiner: " ",
};

pub const SINGAPOREAN: NamePool = NamePool {
    given: &[
        "Wei Ling",
        "Jia Hui",
        "Xin Yi",
        "Jun Jie",
        "Rachel",
        "Darren",
        "Nur Aisyah",
        "Arjun",
        "Kai",
        "Shermaine",
    ],
    family: &["Tan", "Lim", "Lee", "Ng", "Wong", "Goh", "Chua", "Teo"],
    family_first: false,
    joiner: " ",
};

pub const THAI: NamePool = NamePool {
    given: &["สมใจ", "ปิยะ", "ณัฐ", "กานดา", "พิมพ์", "ธนา", "มาลี", "สุดา", "น้ำฝน", "แพรวา"],
    family: &["ใจดี", "ศรีสุข", "วงศ์ใหญ่", "สุขสันต์", "แสงทอง", "บุญมี"],
    family_first: false,
    joiner: " ",
};

pub const THAI_LATIN: NamePool = NamePool {
    given: &["Ploy", "Fah", "Mint", "Bow", "Beam", "Pim", "Namtan", "Kwan", "Arm", "Tonkla"],
    family: &["Srisuk", "Wongsa", "Saetang", "Chaiyo", "Boonmee", "Thongdee"],
    family_first: false,
    joiner: " ",
};

pub const VIETNAMESE: NamePool = NamePool {
    given: &[
        "Thị Lan",
        "Ngọc Trâm",
        "Thu Hương",
        "Thùy Linh",
        "Phương Thảo",
        "Minh Anh",
        "Văn Hùng",
        "Minh Tuấn",
        "Quốc Bảo",
        "Đức Dũng",
    ],
    family: &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Đặng", "Bùi"],
    family_first: true,
    joiner: " ",
};

pub const JAPANESE: NamePool = NamePool {
    given: &["さくら", "陽菜", "結衣", "美咲", "あおい", "蓮", "悠斗", "大翔", "ゆうき", "みゆ"],
    family: &["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林"],
    family_first: true,
    joiner: "",
};

pub const JAPANESE_LATIN: NamePool = NamePool {
    given: &["Sakura", "Yui", "Hina", "Misaki", "Aoi", "Ren", "Haruto", "Yuki", "Miyu"],
    family: &["Sato", "Suzuki", "Takahashi", "Tanaka", "Ito", "Watanabe", "Yamamoto"],
    family_first: false,
    joiner: " ",
};

pub const ARABIC: NamePool = NamePool {
    given: &["نورة", "سارة", "ريم", "لمى", "فهد", "خالد", "عبدالله", "جود", "دانة", "ليان"],
    family: &["العتيبي", "القحطاني", "الشمري", "الحربي", "الدوسري", "الغامدي"],
    family_first: false,
    joiner: " ",
};

pub const ARABIC_LATIN: NamePool = NamePool {
    given: &["Noura", "Sara", "Reem", "Lama", "Fahad", "Khalid", "Abdullah", "Jood", "Dana"],
    family: &["Alotaibi", "Alqahtani", "Alshammari", "Alharbi", "Aldosari"],
    family_first: false,
    joiner: " ",
};

pub const SPANISH: NamePool = NamePool {
    given: &[
        "José",
        "María",
        "Lucía",
        "Sofía",
        "Valentina",
        "Camila",
        "Andrés",
        "Mateo",
        "Diego",
        "Ximena",
        "Renata",
        "Nerea",
        "Alejandro",
        "Iñaki",
    ],
    family: &[
        "García",
        "Hernández",
        "López",
        "Martínez",
        "Rodríguez",
        "Pérez",
        "Sánchez",
        "Núñez",
        "Muñoz",
        "Gómez",
    ],
    family_first: false,
    joiner: " ",
};

pub const PORTUGUESE: NamePool = NamePool {
    given: &["João", "Ana", "Beatriz", "Luíza", "Gabriel", "Mariana", "Letícia", "Thiago", "Júlia", "Caio"],
    family: &["Silva", "Santos", "Oliveira", "Souza", "Conceição", "Araújo", "Gonçalves", "Ribeiro", "Lima"],
    family_first: false,
    joiner: " ",
};

pub const FRENCH: NamePool = NamePool {
    given: &["Chloé", "Léa", "Manon", "Camille", "Inès", "Zoé", "Théo", "Hugo", "Maël", "Noémie", "Clément"],
    family: &[
        "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Girard", "Fournier", "Rousseau", "Mercier",
    ],
    family_first: false,
    joiner: " ",
};

pub const GERMAN: NamePool = NamePool {
    given: &["Lena", "Jonas", "Lukas", "Leonie", "Marie", "Felix", "Paul", "Jana", "Sören", "Jörg", "Anja"],
    family: &["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Schäfer", "Köhler", "Groß"],
    family_first: false,
    joiner: " ",
};

pub const ITALIAN: NamePool = NamePool {
    given: &[
        "Giulia",
        "Chiara",
        "Francesca",
        "Sofia",
        "Alessandro",
        "Lorenzo",
        "Matteo",
        "Niccolò",
        "Aurora",
    ],
    family: &["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Galli"],
    family_first: false,
    joiner: " ",
};
