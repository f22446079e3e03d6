//! I. Đặc điểm tình hình: the area and the group (from the records), what the leader
//! counted on the area (lodging houses, temporary residents, trouble spots) and wrote.

use super::sections::leader_text;
use crate::model::figures::MonthFigures;
use crate::model::month::MonthlyData;
use crate::report::doc::Block;
use crate::report::number;
use crate::report::prose::{and_list, count};

/// "Tổ có 17 thành viên, gồm 01 tổ trưởng, 02 tổ phó và 14 tổ viên."
fn composition(f: &MonthFigures) -> String {
    let m = &f.members;
    let others = m.active.saturating_sub(m.leaders + m.deputies);
    let mut parts = Vec::new();
    if m.leaders > 0 {
        parts.push(format!("{} tổ trưởng", count(m.leaders)));
    }
    if m.deputies > 0 {
        parts.push(format!("{} tổ phó", count(m.deputies)));
    }
    if others > 0 {
        parts.push(format!("{} tổ viên", count(others)));
    }
    if parts.is_empty() {
        return "Tổ chưa có thành viên.".into();
    }
    format!(
        "Tổ có {} thành viên, gồm {}.",
        count(m.active),
        and_list(&parts)
    )
}

/// I. The area, the group and its changes, and what the leader adds.
pub(super) fn situation(d: &MonthlyData, draft: bool) -> Vec<Block> {
    let g = &d.group;
    let mut line = match (g.households, g.residents) {
        (Some(h), Some(r)) => format!(
            "{} có {} hộ với {} nhân khẩu. ",
            g.area_name,
            number(h.into()),
            number(r.into())
        ),
        (Some(h), None) => format!("{} có {} hộ. ", g.area_name, number(h.into())),
        _ => String::new(),
    };
    line.push_str(&composition(&d.figures));
    if !d.joined.is_empty() {
        line.push_str(&format!(
            " Trong tháng có {} người vào tổ ({}).",
            count(d.joined.len() as u32),
            d.joined.join(", ")
        ));
    }
    if !d.left.is_empty() {
        line.push_str(&format!(
            " {} {} người rời tổ ({}).",
            if d.joined.is_empty() {
                "Trong tháng có"
            } else {
                "Có"
            },
            count(d.left.len() as u32),
            d.left.join(", ")
        ));
    }
    let mut b = vec![
        Block::Heading("I. Đặc điểm tình hình".into()),
        Block::Paragraph(line),
    ];
    let n = &d.narrative;
    let counted = area_counts(n.lodging_houses, n.temporary_residents);
    let spots = n.hot_spots.trim();
    if let Some(c) = &counted {
        b.push(Block::Paragraph(c.clone()));
    }
    if !spots.is_empty() {
        let stop = if spots.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        b.push(Block::Paragraph(crate::report::prose::curly(&format!(
            "Các điểm, tụ điểm phức tạp về an ninh, trật tự cần chú ý: {spots}{stop}"
        ))));
    }
    let prompt = if counted.is_none() && spots.is_empty() {
        "số nhà trọ, người tạm trú, điểm phức tạp về an ninh, trật tự và những đặc điểm khác của địa bàn trong tháng (nếu có)"
    } else {
        "những đặc điểm khác của địa bàn trong tháng (nếu có)"
    };
    b.extend(leader_text(&n.situation, draft, prompt, ""));
    b
}

/// "Trên địa bàn có 02 nhà trọ với 40 người tạm trú." from what the leader counted.
fn area_counts(lodging: Option<u32>, residents: Option<u32>) -> Option<String> {
    let lodging = lodging.map(|n| match n {
        0 => "không có nhà trọ, cơ sở cho thuê lưu trú".to_string(),
        n => format!("có {} nhà trọ, cơ sở cho thuê lưu trú", count(n)),
    });
    let residents = residents.map(|n| match n {
        0 => "không có người tạm trú".to_string(),
        n => format!("có {} người tạm trú", count(n)),
    });
    let parts: Vec<String> = [lodging, residents].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| format!("Trên địa bàn {}.", parts.join("; ")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_leaders_counts_read_as_a_sentence() {
        let c = super::area_counts;
        assert_eq!(
            c(Some(2), Some(40)).unwrap(),
            "Trên địa bàn có 02 nhà trọ, cơ sở cho thuê lưu trú; có 40 người tạm trú."
        );
        assert_eq!(
            c(None, Some(0)).unwrap(),
            "Trên địa bàn không có người tạm trú."
        );
        assert_eq!(c(None, None), None);
    }
}
