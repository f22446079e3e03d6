//! Incident categories: the built-in ones and those a group adds, their names, and the
//! count of incidents in each.

use super::{insert_row, new_id, Store};
use crate::error::{Error, FieldError, Result};
use crate::model::incident::{Category, CategoryCount, BUILTIN_CATEGORIES};
use crate::text::{clean, fold};
use chrono::{DateTime, Utc};
use rusqlite::params;
use std::collections::HashMap;

impl Store {
    /// Built-in categories, then the group's own (including retired ones' names for old records).
    pub fn categories(&self) -> Result<Vec<Category>> {
        let mut out: Vec<Category> = BUILTIN_CATEGORIES
            .iter()
            .map(|(c, n)| Category {
                code: c.to_string(),
                name: n.to_string(),
                builtin: true,
            })
            .collect();
        let group = self.require_group()?;
        let mut st = self.conn.prepare(
            "SELECT id, name FROM incident_categories WHERE group_id = ?1 AND deleted_at IS NULL ORDER BY name",
        )?;
        let rows = st.query_map([&group.id], |r| {
            Ok(Category {
                code: r.get(0)?,
                name: r.get(1)?,
                builtin: false,
            })
        })?;
        let mut own: Vec<Category> = rows.collect::<rusqlite::Result<_>>()?;
        own.sort_by(|a, b| crate::text::collate(&a.name, &b.name));
        out.extend(own);
        Ok(out)
    }

    /// Every category name by code, those of retired and other groups' categories included.
    pub(super) fn category_names(&self) -> Result<HashMap<String, String>> {
        let mut names: HashMap<String, String> = BUILTIN_CATEGORIES
            .iter()
            .map(|(c, n)| (c.to_string(), n.to_string()))
            .collect();
        let mut st = self
            .conn
            .prepare("SELECT id, name FROM incident_categories")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, name) = row?;
            names.insert(id, name);
        }
        Ok(names)
    }

    /// Adds a category of the group's own; old records keep theirs.
    pub fn add_category(&mut self, name: &str, now: DateTime<Utc>) -> Result<Category> {
        let group = self.require_group()?;
        let name = clean(name);
        if name.is_empty() {
            return Err(Error::invalid(vec![FieldError::new(
                "name",
                "Hãy nhập tên loại vụ việc.",
            )]));
        }
        if self
            .categories()?
            .iter()
            .any(|c| fold(&c.name) == fold(&name))
        {
            return Err(Error::invalid(vec![FieldError::new(
                "name",
                format!("Loại “{name}” đã có trong danh sách."),
            )]));
        }
        let id = new_id();
        insert_row(
            &self.conn,
            "incident_categories",
            &id,
            &group.id,
            vec![("name", name.clone().into())],
            &self.revision(now),
            now,
        )?;
        Ok(Category {
            code: id,
            name,
            builtin: false,
        })
    }

    /// Incidents by category and month (struck ones not counted), for one month or all.
    pub fn category_counts(&self, month: Option<&str>) -> Result<Vec<CategoryCount>> {
        let group = self.require_group()?;
        let names = self.category_names()?;
        let mut st = self.conn.prepare(
            "SELECT substr(occurred_on, 1, 7) AS m, category, count(*) FROM incidents
             WHERE group_id = ?1 AND deleted_at IS NULL AND struck_at IS NULL
               AND (?2 IS NULL OR substr(occurred_on, 1, 7) = ?2)
             GROUP BY m, category ORDER BY m DESC, count(*) DESC, category",
        )?;
        let rows = st.query_map(params![group.id, month], |r| {
            let category: String = r.get(1)?;
            Ok(CategoryCount {
                month: r.get(0)?,
                name: names
                    .get(&category)
                    .cloned()
                    .unwrap_or_else(|| category.clone()),
                category,
                count: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
