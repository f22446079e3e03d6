//! `ttq places`: the national list of provinces and communes (QĐ 19/2025), to find a
//! commune's code by its name.

use super::print_json;
use ttq::{app, Result};

/// Prints the communes matching `search` (in `province` when given), or the provinces.
pub fn run(search: Option<&str>, province: Option<&str>, json: bool) -> Result<()> {
    match search {
        None if province.is_none() => {
            let all = app::group::provinces();
            if json {
                return print_json(&all);
            }
            for p in all {
                say!("{}  {}", p.code, p.name);
            }
        }
        _ => {
            let found = app::group::find_places(search.unwrap_or(""), province, 50);
            if json {
                return print_json(&found);
            }
            if found.is_empty() {
                say!("Không tìm thấy xã, phường nào như vậy. Hãy gõ tên không dấu, ví dụ: quang yen.");
            }
            for p in found {
                say!(
                    "{}  {}, {} ({})",
                    p.commune_code,
                    p.commune_name,
                    p.province_name,
                    p.province_code
                );
            }
        }
    }
    say!("{}", ttq::places::SOURCE);
    Ok(())
}
