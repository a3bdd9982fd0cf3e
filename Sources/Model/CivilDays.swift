/// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil),
/// for the date readers that build a time from its fields without Foundation's calendars.
public func civilDaysSince1970(year y0: Int, month m: Int, day d: Int) -> Int {
    let y = m <= 2 ? y0 - 1 : y0
    let era = (y >= 0 ? y : y - 399) / 400
    let yoe = y - era * 400
    let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
    return era * 146097 + doe - 719468
}
