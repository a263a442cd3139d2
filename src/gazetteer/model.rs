//! What a gazetteer holds: entities, their aliases and roles, and titles.

use std::fmt;

/// The kinds of entity a gazetteer lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntityKind {
    /// A country (ISO 3166-1, plus Palestine).
    Country,
    /// A person, usually an official.
    Person,
    /// An international body, alliance, armed group or national institution.
    Organisation,
    /// A city or venue where meetings happen.
    Place,
}

impl EntityKind {
    /// The prefix of node ids of this kind and the `type` written in outputs.
    ///
    /// # Example
    /// ```
    /// assert_eq!(majlis::gazetteer::EntityKind::Organisation.as_str(), "organisation");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Country => "country",
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
        }
    }
}

impl fmt::Display for EntityKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an alias names its entity; decides which prefixes and endings the
/// matcher accepts around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasForm {
    /// A full name (تركيا، الأمم المتحدة، دونالد ترامب).
    Name,
    /// A short form of a person's name (ترامب); resolved against the article.
    Short,
    /// A nisba adjective (تركي), inflected by the matcher.
    Adjective,
    /// A broken plural naming a people (أتراك); takes the article.
    People,
}

/// One Arabic alias of an entity, as written in the data file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    /// The alias as written (without the `~` marker).
    pub text: String,
    /// How it names the entity.
    pub form: AliasForm,
    /// A weak alias is also an ordinary word or another entity's name and
    /// needs support from the article to count.
    pub weak: bool,
}

/// A date as precise as the data gives it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
///
/// # Example
/// ```
/// use majlis::gazetteer::PartialDate;
/// let d: PartialDate = "2018-04".parse().unwrap();
/// assert_eq!(d.first_day(), (2018, 4, 1));
/// assert_eq!(d.last_day(), (2018, 4, 31));
/// assert!("2018-13".parse::<PartialDate>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// Year.
    pub year: u16,
    /// Month, 1–12, if known.
    pub month: Option<u8>,
    /// Day, 1–31, if known.
    pub day: Option<u8>,
}

impl PartialDate {
    /// The earliest day the date can mean, as (year, month, day).
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The latest day the date can mean; months count as 31 days, which is
    /// all that ordering needs.
    pub fn last_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(12), self.day.unwrap_or(31))
    }
}

impl std::str::FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("'{s}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
        let mut parts = s.trim().split('-');
        let year: u16 = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse().ok())
            .ok_or_else(bad)?;
        let month: Option<u8> = match parts.next() {
            None => None,
            Some(m) => Some(
                m.parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .ok_or_else(bad)?,
            ),
        };
        let day: Option<u8> = match parts.next() {
            None => None,
            Some(d) => Some(
                d.parse()
                    .ok()
                    .filter(|d| (1..=31).contains(d))
                    .ok_or_else(bad)?,
            ),
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
            if let Some(d) = self.day {
                write!(f, "-{d:02}")?;
            }
        }
        Ok(())
    }
}

/// An office a person held: `foreign_minister/USA/2018-04-26/2021-01-20`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// A title code from `titles.tsv`.
    pub title: String,
    /// ISO3 of a country, or an organisation id.
    pub target: String,
    /// When it began, if known.
    pub from: Option<PartialDate>,
    /// When it ended; `None` while in office.
    pub to: Option<PartialDate>,
}

impl Role {
    /// Whether the role may have been held on `date` (partial dates count
    /// when their ranges overlap).
    pub fn active_on(&self, date: &PartialDate) -> bool {
        let starts_ok = self.from.is_none_or(|f| f.first_day() <= date.last_day());
        let ends_ok = self.to.is_none_or(|t| date.first_day() <= t.last_day());
        starts_ok && ends_ok
    }

    /// Whether the target is a country code rather than an organisation.
    pub fn targets_country(&self) -> bool {
        self.target.len() == 3 && self.target.chars().all(|c| c.is_ascii_uppercase())
    }
}

/// Where a record was read: file name and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file (`countries.tsv`, or a user's path).
    pub file: String,
    /// 1-based line number.
    pub line: usize,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// One real-world entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Its kind.
    pub kind: EntityKind,
    /// ISO3 for countries, a slug for the others.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// Arabic name.
    pub name_ar: String,
    /// Arabic aliases, including the name itself.
    pub aliases: Vec<Alias>,
    /// English variants and acronyms.
    pub aliases_en: Vec<String>,
    /// ISO2 for countries.
    pub iso2: Option<String>,
    /// ISO3 of the country an organisation or place belongs to.
    pub country: Option<String>,
    /// The `kind` column of organisations and places.
    pub category: Option<String>,
    /// Offices held (people).
    pub roles: Vec<Role>,
    /// Where the record was read.
    pub origin: Origin,
}

impl Entity {
    /// The graph node id: `country:TUR`, `person:donald-trump`, …
    ///
    /// # Example
    /// ```
    /// let g = majlis::gazetteer::Gazetteer::builtin().unwrap();
    /// let tur = g.get(majlis::gazetteer::EntityKind::Country, "TUR").unwrap();
    /// assert_eq!(tur.node_id(), "country:TUR");
    /// ```
    pub fn node_id(&self) -> String {
        format!("{}:{}", self.kind.as_str(), self.id)
    }
}

/// A title from `titles.tsv`.
#[derive(Debug, Clone)]
pub struct Title {
    /// The code used in roles.
    pub code: String,
    /// English name.
    pub name_en: String,
    /// Arabic forms.
    pub forms_ar: Vec<String>,
    /// Where the record was read.
    pub origin: Origin,
}
