//! Reading the tab-separated data files (see `data/README.md`).

use super::model::{Alias, AliasForm, Entity, EntityKind, Origin, PartialDate, Role, Title};
use crate::text::fold;
use std::fmt;

/// A problem in a data file, with the file and line it is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// File name or path.
    pub file: String,
    /// 1-based line, 0 when the problem concerns the whole file.
    pub line: usize,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for DataError {}

/// The data files a gazetteer folder may hold, with their exact headers.
pub const FILES: [(&str, &str); 5] = [
    (
        "countries.tsv",
        "iso3\tiso2\tname_en\tname_ar\taliases_ar\tadjectives_ar\tpeoples_ar",
    ),
    (
        "organisations.tsv",
        "id\tname_en\tname_ar\taliases_ar\taliases_en\tkind\tcountry",
    ),
    (
        "people.tsv",
        "id\tname_en\tname_ar\taliases_ar\tshort_ar\taliases_en\troles",
    ),
    (
        "places.tsv",
        "id\tname_en\tname_ar\taliases_ar\tcountry\tkind",
    ),
    ("titles.tsv", "title\tname_en\tforms_ar"),
];

/// What one data file yields.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Entities, in file order.
    pub entities: Vec<Entity>,
    /// Titles (from `titles.tsv` only).
    pub titles: Vec<Title>,
}

/// Parses one data file. `name` picks the format (`countries.tsv`, …);
/// `shown` is how errors name the file.
///
/// Every bad line is reported; good lines are kept, so one typo does not
/// hide the rest of the file.
pub fn parse_file(name: &str, shown: &str, content: &str) -> (Parsed, Vec<DataError>) {
    let mut parsed = Parsed::default();
    let mut errors = Vec::new();
    let Some(&(_, header)) = FILES.iter().find(|(n, _)| *n == name) else {
        errors.push(DataError {
            file: shown.to_string(),
            line: 0,
            message: format!(
                "unknown data file; expected one of {}",
                FILES.map(|f| f.0).join(", ")
            ),
        });
        return (parsed, errors);
    };
    let columns = header.split('\t').count();
    let mut seen_header = false;
    for (i, raw) in content.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |message: String| DataError {
            file: shown.to_string(),
            line: line_no,
            message,
        };
        if !seen_header {
            seen_header = true;
            let got = line.trim_start_matches('\u{FEFF}');
            if got != header {
                errors.push(err(format!(
                    "the header must be exactly '{}' (tab-separated)",
                    header.replace('\t', " TAB ")
                )));
                return (parsed, errors);
            }
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() != columns {
            errors.push(err(format!(
                "expected {columns} tab-separated fields, found {}",
                fields.len()
            )));
            continue;
        }
        let origin = Origin {
            file: shown.to_string(),
            line: line_no,
        };
        let entity = match name {
            "countries.tsv" => country(&fields, origin),
            "organisations.tsv" => organisation(&fields, origin),
            "people.tsv" => person(&fields, origin),
            "places.tsv" => place(&fields, origin),
            _ => title(&fields, origin).map(|t| {
                parsed.titles.push(t);
                None
            }),
        };
        let result = entity.map(|e| parsed.entities.extend(e.map(weak_wins)));
        if let Err(message) = result {
            errors.push(err(message));
        }
    }
    if !seen_header {
        errors.push(DataError {
            file: shown.to_string(),
            line: 0,
            message: format!(
                "no header line; the first line must be '{}'",
                header.replace('\t', " TAB ")
            ),
        });
    }
    (parsed, errors)
}

/// An alias listed both plainly and with `~` is weak: the `~` is the
/// curator saying the string needs support, even where it is the name.
fn weak_wins(mut e: Entity) -> Entity {
    let weak: Vec<String> = e
        .aliases
        .iter()
        .filter(|a| a.weak)
        .map(|a| fold(&a.text))
        .collect();
    for a in &mut e.aliases {
        if !a.weak && weak.contains(&fold(&a.text)) {
            a.weak = true;
        }
    }
    e
}

/// Splits a multi-valued field; `-` and empty mean none.
pub fn values(field: &str) -> Vec<&str> {
    if field == "-" {
        return Vec::new();
    }
    field
        .split('|')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect()
}

fn aliases(field: &str, form: AliasForm) -> Vec<Alias> {
    values(field)
        .into_iter()
        .map(|v| {
            let (weak, text) = match v.strip_prefix('~') {
                Some(rest) => (true, rest.trim()),
                None => (false, v),
            };
            Alias {
                text: text.to_string(),
                form,
                weak,
            }
        })
        .collect()
}

fn required<'a>(field: &'a str, column: &str) -> Result<&'a str, String> {
    if field.is_empty() || field == "-" {
        Err(format!("column '{column}' must not be empty"))
    } else {
        Ok(field)
    }
}

fn slug(field: &str) -> Result<String, String> {
    let id = required(field, "id")?;
    if id
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        Ok(id.to_string())
    } else {
        Err(format!(
            "id '{id}' must use only a-z, 0-9 and '-' (e.g. donald-trump)"
        ))
    }
}

fn iso3(field: &str, column: &str) -> Result<String, String> {
    let code = required(field, column)?;
    if code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase()) {
        Ok(code.to_string())
    } else {
        Err(format!(
            "{column} '{code}' is not an ISO 3166-1 alpha-3 code (three capitals, e.g. TUR)"
        ))
    }
}

fn optional_country(field: &str) -> Result<Option<String>, String> {
    if field.is_empty() || field == "-" {
        Ok(None)
    } else {
        iso3(field, "country").map(Some)
    }
}

fn base(
    kind: EntityKind,
    id: String,
    name_en: &str,
    name_ar: &str,
    origin: Origin,
) -> Result<Entity, String> {
    let name_en = required(name_en, "name_en")?.to_string();
    let (weak, name) = match required(name_ar, "name_ar")?.strip_prefix('~') {
        Some(rest) => (true, rest.trim().to_string()),
        None => (false, name_ar.to_string()),
    };
    Ok(Entity {
        kind,
        id,
        name_en,
        aliases: vec![Alias {
            text: name.clone(),
            form: AliasForm::Name,
            weak,
        }],
        name_ar: name,
        aliases_en: Vec::new(),
        iso2: None,
        country: None,
        category: None,
        roles: Vec::new(),
        origin,
    })
}

fn country(f: &[&str], origin: Origin) -> Result<Option<Entity>, String> {
    let id = iso3(f[0], "iso3")?;
    let iso2 = required(f[1], "iso2")?;
    if iso2.len() != 2 || !iso2.chars().all(|c| c.is_ascii_uppercase()) {
        return Err(format!("iso2 '{iso2}' is not two capitals"));
    }
    let mut e = base(EntityKind::Country, id, f[2], f[3], origin)?;
    e.iso2 = Some(iso2.to_string());
    e.aliases.extend(aliases(f[4], AliasForm::Name));
    e.aliases.extend(aliases(f[5], AliasForm::Adjective));
    e.aliases.extend(aliases(f[6], AliasForm::People));
    Ok(Some(e))
}

const ORG_KINDS: [&str; 7] = [
    "international",
    "regional",
    "alliance",
    "coalition",
    "armed_group",
    "political",
    "national_institution",
];

fn organisation(f: &[&str], origin: Origin) -> Result<Option<Entity>, String> {
    let mut e = base(EntityKind::Organisation, slug(f[0])?, f[1], f[2], origin)?;
    e.aliases.extend(aliases(f[3], AliasForm::Name));
    e.aliases_en = values(f[4]).into_iter().map(String::from).collect();
    let kind = required(f[5], "kind")?;
    if !ORG_KINDS.contains(&kind) {
        return Err(format!(
            "kind '{kind}' is not one of {}",
            ORG_KINDS.join(", ")
        ));
    }
    e.category = Some(kind.to_string());
    e.country = optional_country(f[6])?;
    Ok(Some(e))
}

fn person(f: &[&str], origin: Origin) -> Result<Option<Entity>, String> {
    let mut e = base(EntityKind::Person, slug(f[0])?, f[1], f[2], origin)?;
    e.aliases.extend(aliases(f[3], AliasForm::Name));
    e.aliases.extend(aliases(f[4], AliasForm::Short));
    e.aliases_en = values(f[5]).into_iter().map(String::from).collect();
    for r in values(f[6]) {
        e.roles.push(role(r)?);
    }
    Ok(Some(e))
}

/// Parses `title/TARGET/from/to`.
fn role(r: &str) -> Result<Role, String> {
    let parts: Vec<&str> = r.split('/').map(str::trim).collect();
    if parts.len() != 4 {
        return Err(format!(
            "role '{r}' must be title/TARGET/from/to (from and to may be empty)"
        ));
    }
    let date = |s: &str| -> Result<Option<PartialDate>, String> {
        if s.is_empty() {
            Ok(None)
        } else {
            s.parse().map(Some).map_err(|e| format!("role '{r}': {e}"))
        }
    };
    let from = date(parts[2])?;
    let to = date(parts[3])?;
    if let (Some(a), Some(b)) = (from, to)
        && a.first_day() > b.last_day()
    {
        return Err(format!("role '{r}' ends before it starts"));
    }
    if parts[0].is_empty() || parts[1].is_empty() {
        return Err(format!("role '{r}' needs a title and a target"));
    }
    Ok(Role {
        title: parts[0].to_string(),
        target: parts[1].to_string(),
        from,
        to,
    })
}

const PLACE_KINDS: [&str; 4] = ["capital", "city", "region", "venue"];

fn place(f: &[&str], origin: Origin) -> Result<Option<Entity>, String> {
    let mut e = base(EntityKind::Place, slug(f[0])?, f[1], f[2], origin)?;
    e.aliases.extend(aliases(f[3], AliasForm::Name));
    e.country = optional_country(f[4])?;
    let kind = required(f[5], "kind")?;
    if !PLACE_KINDS.contains(&kind) {
        return Err(format!(
            "kind '{kind}' is not one of {}",
            PLACE_KINDS.join(", ")
        ));
    }
    e.category = Some(kind.to_string());
    Ok(Some(e))
}

fn title(f: &[&str], origin: Origin) -> Result<Title, String> {
    let code = required(f[0], "title")?;
    if !code
        .chars()
        .all(|c| c.is_ascii_lowercase() || c == '_' || c.is_ascii_digit())
    {
        return Err(format!("title '{code}' must use only a-z, 0-9 and '_'"));
    }
    Ok(Title {
        code: code.to_string(),
        name_en: required(f[1], "name_en")?.to_string(),
        forms_ar: values(f[2]).into_iter().map(String::from).collect(),
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_the_bad_line_and_keeps_the_good_ones() {
        let content = "# comment\n\
            iso3\tiso2\tname_en\tname_ar\taliases_ar\tadjectives_ar\tpeoples_ar\n\
            TUR\tTR\tTurkey\tتركيا\t-\tتركي\tأتراك\n\
            tur\tTR\tTurkey\tتركيا\t-\t-\t-\n\
            SYR\tSY\tSyria\n\
            MLI\tML\tMali\t~مالي\t-\t-\t-\n";
        let (parsed, errors) = parse_file("countries.tsv", "countries.tsv", content);
        assert_eq!(parsed.entities.len(), 2);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, 4);
        assert!(
            errors[0]
                .to_string()
                .starts_with("countries.tsv:4: iso3 'tur'")
        );
        assert_eq!(errors[1].line, 5);
        let mali = &parsed.entities[1];
        assert!(mali.aliases[0].weak);
        assert_eq!(mali.name_ar, "مالي");
    }

    #[test]
    fn roles_parse_and_reject_bad_dates() {
        let r = role("foreign_minister/USA/2018-04-26/2021-01-20").unwrap();
        assert!(r.active_on(&"2019".parse().unwrap()));
        assert!(!r.active_on(&"2022-01".parse().unwrap()));
        assert!(role("president/SYR/2025-01-29/").unwrap().to.is_none());
        assert!(role("president/SYR/2025-13/").is_err());
        assert!(role("president/SYR/2020/2019").is_err());
        assert!(role("president/SYR").is_err());
    }

    #[test]
    fn wrong_header_is_one_clear_error() {
        let (_, errors) = parse_file("titles.tsv", "x/titles.tsv", "code\tname\n");
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("header"));
    }
}
