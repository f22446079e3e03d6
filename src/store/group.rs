//! The group row: created once by the first-run wizard, edited from "Thông tin tổ".

use super::{insert_row, new_id, update_row, Store, Values};
use crate::date;
use crate::error::{Error, ErrorCode, Result};
use crate::model::group::{self, AreaKind, Group, GroupInput, GroupKind, GroupSetup, ValidGroup};
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Row};

fn kind_str(k: GroupKind) -> &'static str {
    k.as_str()
}

fn area_str(a: AreaKind) -> &'static str {
    a.as_str()
}

fn bad_value(col: usize, v: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown value {v:?}").into(),
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Group> {
    let kind: String = r.get("kind")?;
    let area: String = r.get("area_kind")?;
    Ok(Group {
        id: r.get("id")?,
        kind: GroupKind::ALL
            .into_iter()
            .find(|k| kind_str(*k) == kind)
            .ok_or_else(|| bad_value(0, &kind))?,
        name: r.get("name")?,
        province_code: r.get("province_code")?,
        province_name: r.get("province_name")?,
        commune_code: r.get("commune_code")?,
        commune_name: r.get("commune_name")?,
        area_kind: [AreaKind::Thon, AreaKind::ToDanPho, AreaKind::KhuPho]
            .into_iter()
            .find(|a| area_str(*a) == area)
            .ok_or_else(|| bad_value(0, &area))?,
        area_name: r.get("area_name")?,
        decision_number: r.get("decision_number")?,
        decision_date: r.get("decision_date")?,
        police_unit: r.get("police_unit")?,
        households: r.get("households")?,
        residents: r.get("residents")?,
        leader_name: r.get("leader_name")?,
        created_at: r.get("created_at")?,
        updated_at: r.get("updated_at")?,
    })
}

fn values(g: &ValidGroup) -> Values {
    vec![
        ("kind", kind_str(g.kind).to_string().into()),
        ("name", g.name.clone().into()),
        ("province_code", g.province_code.clone().into()),
        ("province_name", g.province_name.clone().into()),
        ("commune_code", g.commune_code.clone().into()),
        ("commune_name", g.commune_name.clone().into()),
        ("area_kind", area_str(g.area_kind).to_string().into()),
        ("area_name", g.area_name.clone().into()),
        ("decision_number", g.decision_number.clone().into()),
        ("decision_date", g.decision_date.map(date::iso).into()),
        ("police_unit", g.police_unit.clone().into()),
        ("households", g.households.map(i64::from).into()),
        ("residents", g.residents.map(i64::from).into()),
    ]
}

const SELECT: &str = "SELECT g.*, (SELECT m.full_name FROM members m
        WHERE m.group_id = g.id AND m.role = 'to_truong' AND m.left_on IS NULL
          AND m.deleted_at IS NULL ORDER BY m.joined_on LIMIT 1) AS leader_name
    FROM groups g WHERE g.deleted_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM ward)";

impl Store {
    /// The group of this data file, if it has been set up (a ward workspace holds many
    /// groups' rows but is not a group).
    pub fn group(&self) -> Result<Option<Group>> {
        Ok(self.conn.query_row(SELECT, [], from_row).optional()?)
    }

    /// The group, or an error telling the user to set it up first.
    pub fn require_group(&self) -> Result<Group> {
        self.group()?.ok_or_else(|| {
            Error::new(
                ErrorCode::NoGroup,
                "Chưa có thông tin tổ. Hãy khai báo tổ trước (trên máy: trình hướng dẫn lần đầu; dòng lệnh: ttq init).",
            )
        })
    }

    /// Creates the group and its leader in one transaction (the first-run wizard).
    pub fn create_group(
        &mut self,
        setup: &GroupSetup,
        public_key: &str,
        secret_key: &str,
        now: DateTime<Utc>,
    ) -> Result<Group> {
        let today = date::vn_today(now);
        let (g, l) = group::validate_setup(setup, today)?;
        if self.group()?.is_some() {
            return Err(Error::new(
                ErrorCode::GroupExists,
                "Tệp dữ liệu này đã có thông tin tổ. Hãy sửa trong mục Thông tin tổ thay vì tạo lại.",
            ));
        }
        if self.ward()?.is_some() {
            return Err(Error::new(
                ErrorCode::GroupExists,
                "Tệp dữ liệu này đang dùng cho phường. Hãy dùng thư mục dữ liệu khác cho tổ.",
            ));
        }
        let id = new_id();
        let rev = self.revision(now);
        // The group's signing key is kept with it; it never leaves this file.
        let tx = self.conn.transaction()?;
        insert_row(&tx, "groups", &id, &id, values(&g), &rev, now)?;
        super::member::insert(&tx, &id, &l, &rev, now)?;
        tx.execute(
            "INSERT INTO group_keys (group_id, public_key, secret_key, created_at) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![id, public_key, secret_key, super::ts(now)],
        )?;
        tx.commit()?;
        self.require_group()
    }

    /// Updates the group's fields.
    pub fn update_group(&mut self, input: &GroupInput, now: DateTime<Utc>) -> Result<Group> {
        let current = self.require_group()?;
        let g: ValidGroup = group::validate(input, date::vn_today(now))?;
        update_row(
            &self.conn,
            "groups",
            &current.id,
            values(&g),
            &self.revision(now),
            now,
        )?;
        self.require_group()
    }
}
