//! The address the versions of one page share.

/// Query parameters that track a reader, not choose a page.
const TRACKING: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "ocid",
    "smid",
    "cmp",
    "cmpid",
    "xtor",
    "at_medium",
    "at_campaign",
    "ref",
    "ref_src",
    "outputtype",
    "amp",
];

/// A web address as the page's versions share it: `http` and `https`
/// alike, the host lower-cased without "www." or a default port, no
/// fragment, no tracking parameters (`utm_*`, `fbclid`, `xtor` ...), no
/// trailing "/" or "/amp", the other parameters sorted. Anything that is
/// not an http(s) address is returned trimmed.
pub fn canonical_url(url: &str) -> String {
    let url = url.trim();
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return url.to_string();
    }
    let rest = rest.split('#').next().unwrap_or_default();
    let (authority, path_query) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let host = host
        .strip_suffix(":80")
        .or_else(|| host.strip_suffix(":443"))
        .unwrap_or(&host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
    let mut path = path.trim_end_matches('/');
    if let Some(p) = path.strip_suffix("/amp") {
        path = p.trim_end_matches('/');
    }
    let mut kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let key = p.split('=').next().unwrap_or_default().to_ascii_lowercase();
            !key.is_empty() && !key.starts_with("utm_") && !TRACKING.contains(&key.as_str())
        })
        .collect();
    kept.sort_unstable();
    let mut out = format!("https://{host}{path}");
    if !kept.is_empty() {
        out.push('?');
        out.push_str(&kept.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::canonical_url;

    #[test]
    fn versions_of_a_page_share_one_address() {
        let base = "https://news.example/2025/04/djibo-attack";
        for v in [
            "https://news.example/2025/04/djibo-attack",
            "http://www.News.Example/2025/04/djibo-attack/",
            "https://news.example:443/2025/04/djibo-attack#comments",
            "https://news.example/2025/04/djibo-attack/amp",
            "https://news.example/2025/04/djibo-attack?utm_source=tw&utm_medium=social",
            "https://news.example/2025/04/djibo-attack?xtor=RSS-3208&fbclid=abc",
            "  https://news.example/2025/04/djibo-attack?outputType=amp ",
        ] {
            assert_eq!(canonical_url(v), base, "{v}");
        }
    }

    #[test]
    fn parameters_that_choose_a_page_stay() {
        assert_eq!(
            canonical_url("https://news.example/article.php?page=2&id=17&utm_campaign=x"),
            "https://news.example/article.php?id=17&page=2"
        );
        assert_ne!(
            canonical_url("https://news.example/a?id=1"),
            canonical_url("https://news.example/a?id=2")
        );
        assert_ne!(
            canonical_url("https://news.example/a"),
            canonical_url("https://other.example/a")
        );
        // Not a web address: kept as it is.
        assert_eq!(canonical_url("file:///tmp/a.html"), "file:///tmp/a.html");
        assert_eq!(canonical_url("urn:x"), "urn:x");
    }
}
