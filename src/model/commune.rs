//! The commune-level unit (xã, phường, đặc khu) as its name says, for the words that depend
//! on it: "Chủ tịch UBND phường", "Công an xã", the place in "Yên Hải, ngày …".

/// What kind of commune-level unit a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommuneKind {
    Xa,
    Phuong,
    DacKhu,
}

const PREFIXES: &[(&str, CommuneKind)] = &[
    ("phường ", CommuneKind::Phuong),
    ("xã ", CommuneKind::Xa),
    ("đặc khu ", CommuneKind::DacKhu),
    ("thị trấn ", CommuneKind::Xa),
];

impl CommuneKind {
    /// The kind a commune's name starts with ("Phường Yên Hải"); a name without one is a xã.
    pub fn of(commune_name: &str) -> CommuneKind {
        let lower = commune_name.trim().to_lowercase();
        PREFIXES
            .iter()
            .find(|(p, _)| lower.starts_with(p))
            .map_or(CommuneKind::Xa, |(_, k)| *k)
    }

    /// "xã", "phường", "đặc khu".
    pub fn word(self) -> &'static str {
        match self {
            CommuneKind::Xa => "xã",
            CommuneKind::Phuong => "phường",
            CommuneKind::DacKhu => "đặc khu",
        }
    }

    /// The issuer code of its police: CAX, CAP, CAĐK ("Số: 12/BC-CAP").
    pub fn police_code(self) -> &'static str {
        match self {
            CommuneKind::Xa => "CAX",
            CommuneKind::Phuong => "CAP",
            CommuneKind::DacKhu => "CAĐK",
        }
    }
}

/// The place name for "…, ngày …": the commune's name without "Phường"/"Xã"/….
pub fn place_name(commune_name: &str) -> &str {
    let trimmed = commune_name.trim();
    for (p, _) in PREFIXES {
        // Case-insensitive: "PHƯỜNG Yên Hải" and "phường Yên Hải" alike.
        let n = p.chars().count();
        let head: String = trimmed.chars().take(n).collect();
        if head.to_lowercase() == *p {
            return &trimmed[head.len()..];
        }
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_kind_and_place_come_from_the_name() {
        assert_eq!(CommuneKind::of("Phường Yên Hải"), CommuneKind::Phuong);
        assert_eq!(CommuneKind::of("xã Đông Triều"), CommuneKind::Xa);
        assert_eq!(CommuneKind::of("Đặc khu Vân Đồn"), CommuneKind::DacKhu);
        assert_eq!(CommuneKind::of("Yên Hải"), CommuneKind::Xa);
        assert_eq!(place_name("Phường Yên Hải"), "Yên Hải");
        assert_eq!(place_name("ĐẶC KHU Vân Đồn"), "Vân Đồn");
        assert_eq!(place_name("Yên Hải"), "Yên Hải");
    }
}
