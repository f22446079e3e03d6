//! "THÔNG BÁO khóa mã hóa": the sheet a ward hands or sends its groups with its key file, so a
//! group leader can compare the fingerprint on screen with one on paper signed by the ward.

use super::super::doc::{Align, Block, Closing, Column, Document, Header, Orientation, Table};
use super::super::monthly::place_date;
use crate::model::ward::Ward;

/// The sheet for `ward`'s key with `fingerprint`, its key file named `file_name`, dated
/// `issued_on` (ISO).
pub fn document(ward: &Ward, fingerprint: &str, file_name: &str, issued_on: &str) -> Document {
    let docs = &ward.documents;
    let code = if docs.issuer_code.is_empty() {
        "TB".to_string()
    } else {
        format!("TB-{}", docs.issuer_code)
    };
    let rows = vec![
        vec!["Đơn vị nhận báo cáo".to_string(), ward.name.clone()],
        vec![
            "Xã, phường".to_string(),
            format!("{} (mã {})", ward.commune_name, ward.commune_code),
        ],
        vec!["Tệp khóa".to_string(), file_name.to_string()],
        vec!["Mã kiểm tra".to_string(), fingerprint.to_string()],
    ];
    let blocks = vec![
        Block::Title {
            kind: "Thông báo".into(),
            subject: format!("Khóa mã hóa tệp báo cáo gửi {}", ward.name),
        },
        Block::Paragraph(format!(
            "Để tệp báo cáo các tổ gửi qua USB, thư điện tử hoặc Zalo chỉ {} mở được, {} gửi các tổ tệp khóa mã hóa dưới đây. Tổ trưởng ghi nhận tệp khóa trong ứng dụng Tổ tự quản ANTT, mục “Gửi phường”, phần “Khóa mã hóa của phường”.",
            ward.name, ward.name
        )),
        Block::Table(Table {
            columns: vec![
                Column::new("Mục", 2.2, Align::Left),
                Column::new("Nội dung", 4.8, Align::Left),
            ],
            rows,
            size: 13.0,
            bold_rows: vec![3],
        }),
        Block::Paragraph(
            "Trước khi bấm “Ghi nhận khóa”, tổ trưởng so mã kiểm tra ứng dụng hiện trên màn hình với mã kiểm tra in trong thông báo này. Nếu hai mã không giống nhau, không ghi nhận tệp khóa và báo ngay cho đơn vị qua điện thoại.".into(),
        ),
        Block::Paragraph(format!(
            "Từ khi ghi nhận khóa, tệp gửi {} có đuôi .ttq; người khác có được tệp cũng không đọc được nội dung.",
            ward.name
        )),
        Block::Closing(Closing {
            recipients: vec!["- Các tổ;".into(), "- Lưu: VT.".into()],
            on_behalf: (!docs.signer_on_behalf.is_empty()).then(|| docs.signer_on_behalf.clone()),
            role: docs.signer_title.clone(),
            name: docs.signer_name.clone(),
            confirmation: None,
        }),
    ];
    Document {
        title: format!("Khóa mã hóa - {}", ward.name),
        orientation: Orientation::Portrait,
        header: Some(Header {
            parent_body: docs.parent_body.clone(),
            issuing_body: ward.name.clone(),
            // Numbered by hand in the ward's register, like its other documents.
            number: format!("Số:        /{code}"),
            place_date: place_date(&ward.commune_name, issued_on),
            draft: false,
        }),
        blocks,
    }
}
