//! Every date and number of the article that started the project, as
//! gold.json reads them (skipped with a reason when ../shared is absent).

use chrono::NaiveDate;
use veille_core::{DateKind, QuantityKind};

#[test]
fn example_article_dates_and_numbers() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/examples/mali-isgs-2022/article.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not present", path.display());
        return;
    };
    let a = veille_nlp::analyze(&text, NaiveDate::from_ymd_opt(2022, 11, 24));
    let date = |expr: &str| {
        a.dates
            .iter()
            .find(|d| d.span.of(&text) == expr)
            .unwrap_or_else(|| {
                panic!(
                    "{expr:?} not found; dates: {:?}",
                    a.dates.iter().map(|d| d.span.of(&text)).collect::<Vec<_>>()
                )
            })
    };
    let period = |expr: &str| {
        let d = date(expr);
        (
            d.kind,
            d.start.unwrap().to_string(),
            d.end.unwrap().to_string(),
        )
    };
    assert_eq!(
        period("In March"),
        (DateKind::Date, "2022-03-01".into(), "2022-03-31".into())
    );
    assert_eq!(
        period("last month"),
        (DateKind::Date, "2022-10-01".into(), "2022-10-31".into())
    );
    assert_eq!(
        period("Monday"),
        (DateKind::Date, "2022-11-21".into(), "2022-11-21".into())
    );
    assert_eq!(
        period("In September"),
        (DateKind::Date, "2022-09-01".into(), "2022-09-30".into())
    );
    assert_eq!(
        period("this month"),
        (DateKind::Date, "2022-11-01".into(), "2022-11-24".into())
    );
    for background in ["Since 2012", "in 2020", "Between 2012 and 2015", "in 2015"] {
        assert_eq!(date(background).kind, DateKind::Year, "{background}");
    }
    assert_eq!(date("for nine years").kind, DateKind::Duration);
    assert_eq!(date("ten-year").kind, DateKind::Duration);
    assert_eq!(date("aged 50").kind, DateKind::Age);
    // No event date before 2022 can come out of the text.
    assert!(a
        .dates
        .iter()
        .filter_map(|d| d.event_period())
        .all(|p| p.0.to_string().as_str() >= "2022-01-01"));

    let quantity = |expr: &str| {
        a.quantities
            .iter()
            .find(|q| q.span.of(&text) == expr)
            .unwrap_or_else(|| {
                panic!(
                    "{expr:?} not found; quantities: {:?}",
                    a.quantities
                        .iter()
                        .map(|q| q.span.of(&text))
                        .collect::<Vec<_>>()
                )
            })
    };
    let eleven = quantity("eleven");
    assert_eq!(
        (eleven.kind, eleven.value, eleven.unit.as_deref()),
        (QuantityKind::Count, 11, Some("people"))
    );
    let some = quantity("some 60,000");
    assert_eq!(
        (some.value, some.low, some.high, some.unit.as_deref()),
        (60000, Some(54000), Some(66000), Some("people"))
    );
    let hundreds = a
        .quantities
        .iter()
        .find(|q| q.span.of(&text) == "hundreds" && text[q.span.end..].starts_with(" of villagers"))
        .expect("hundreds of villagers");
    assert_eq!(
        (hundreds.value, hundreds.unit.as_deref()),
        (100, Some("villagers"))
    );
    assert_eq!(quantity("50").kind, QuantityKind::Age);
    assert_eq!(quantity("36").kind, QuantityKind::Age);
    assert_eq!(quantity("thousands").value, 1000);
    for year in ["2012", "2020", "2015"] {
        assert!(
            a.quantities
                .iter()
                .filter(|q| q.span.of(&text) == year)
                .all(|q| q.kind == QuantityKind::Other),
            "{year}"
        );
    }
    // Counts that could become fatalities: none of them is an age, a year or a duration.
    let counts: Vec<u64> = a
        .quantities
        .iter()
        .filter(|q| q.is_count())
        .map(|q| q.value)
        .collect();
    for bad in [50, 36, 2012, 2015, 2020, 9, 10] {
        assert!(
            !counts.contains(&bad),
            "{bad} counted as a count: {counts:?}"
        );
    }
}
