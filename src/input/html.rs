//! Article text out of a scraped HTML page: the title and the body's text,
//! without scripts, styles, navigation, headers, footers, forms, cookie
//! banners or share and "read also" blocks. Offsets refer to the extracted
//! text, which is what majlis reads.

/// Elements whose content is never article text.
const SKIP: [&str; 13] = [
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "svg",
    "iframe", "template", "select",
];

/// Elements that break lines.
const BLOCK: [&str; 22] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "tr",
    "table",
    "title",
    "figcaption",
    "main",
    "dd",
    "dt",
];

/// Words in a class or id that mark page furniture.
const FURNITURE: [&str; 12] = [
    "cookie",
    "consent",
    "banner",
    "share",
    "social",
    "related",
    "read-also",
    "newsletter",
    "subscribe",
    "breadcrumb",
    "menu",
    "advert",
];

/// Extracts the title and the text of an HTML page.
///
/// # Example
/// ```
/// let page = "<html><head><title>قمة عمّان</title><script>x()</script></head>\
///             <body><nav>الرئيسية</nav><p>اجتمع الوزراء &amp; الخبراء.</p>\
///             <div class=\"cookie-banner\">نستخدم ملفات تعريف الارتباط</div></body></html>";
/// assert_eq!(majlis::input::html_text(page), "قمة عمّان\n\nاجتمع الوزراء & الخبراء.");
/// ```
pub fn html_text(html: &str) -> String {
    let mut title = String::new();
    let mut body = String::new();
    let mut skip_depth: Vec<String> = Vec::new();
    let mut in_title = false;
    let mut rest = html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            push_text(
                if in_title { &mut title } else { &mut body },
                rest,
                skip_depth.is_empty(),
            );
            break;
        };
        push_text(
            if in_title { &mut title } else { &mut body },
            &rest[..lt],
            skip_depth.is_empty(),
        );
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |e| &after[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            break;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if name == "title" {
            in_title = !closing;
            continue;
        }
        let self_closing = tag.ends_with('/')
            || matches!(
                name.as_str(),
                "br" | "img" | "meta" | "link" | "input" | "hr"
            );
        let attrs = tag.to_ascii_lowercase();
        let furniture = FURNITURE.iter().any(|f| {
            ["class=", "id="].iter().any(|a| {
                attrs.find(a).is_some_and(|i| {
                    attrs[i..]
                        .split(['"', '\''])
                        .nth(1)
                        .is_some_and(|v| v.contains(f))
                })
            })
        });
        if !closing
            && !self_closing
            && (SKIP.contains(&name.as_str()) || furniture || !skip_depth.is_empty())
        {
            skip_depth.push(name.clone());
            continue;
        }
        if closing && skip_depth.last() == Some(&name) {
            skip_depth.pop();
            continue;
        }
        if skip_depth.is_empty()
            && BLOCK.contains(&name.as_str())
            && !body.ends_with('\n')
            && !body.is_empty()
        {
            body.push('\n');
        }
    }
    let body: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let title = title.trim();
    match (title.is_empty(), body.is_empty()) {
        (true, _) => body.join("\n"),
        (false, true) => title.to_string(),
        (false, false) => format!("{title}\n\n{}", body.join("\n")),
    }
}

fn push_text(out: &mut String, raw: &str, keep: bool) {
    if !keep {
        return;
    }
    let text = entities(raw);
    for c in text.chars() {
        // Line breaks inside text are layout, not structure.
        if c.is_whitespace() {
            if !out.ends_with(' ') && !out.ends_with('\n') && !out.is_empty() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
}

/// Decodes the character references HTML text uses.
fn entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_and_scripts_are_left_out() {
        let page = "<html><body><header>موقع</header><article><h1>عنوان</h1><p>نص أول</p>\
                    <ul class='share-buttons'><li>فيسبوك</li></ul><p>نص &#1579;اني &#x62B;</p></article>\
                    <aside>اقرأ أيضا</aside><footer>جميع الحقوق محفوظة</footer><style>p{}</style></body></html>";
        assert_eq!(html_text(page), "عنوان\nنص أول\nنص ثاني ث");
    }

    #[test]
    fn broken_html_does_not_panic() {
        for page in [
            "<",
            "<<>>",
            "<p",
            "&",
            "&#xFFFFFFFF;",
            "<!-- x",
            "<div class=\"",
            "</p></p>",
        ] {
            let _ = html_text(page);
        }
    }
}
